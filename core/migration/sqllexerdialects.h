#pragma once

// The SQL lexer's per-dialect lexical rules, character classes and the errors for unterminated
// constructs: used by sqllexer.cpp, and by the statement tokenizer of check
// (preflight/sqltokens.cpp) so that both read quotes and comments the same way.

#include "common/error.h"
#include "common/sqldialect.h"

#include <QChar>
#include <QStringView>

namespace tidemark::sqllexer {

// What each database's own lexer does, as far as finding the end of a statement needs it.
// Snowflake and Databricks follow their documentation rather than plain standard SQL, because a
// backslash-escaped quote ('it\'s') would otherwise end the string early and split inside it.
struct DialectRules
{
    bool backslashInSingle = false;  // '\'' escapes: MySQL, Snowflake, Databricks
    bool doubleIsString = false;     // "..." is a string with backslash escapes: MySQL, Databricks
    bool backquotes = false;         // `identifier`: MySQL, Databricks, SQLite
    bool brackets = false;           // [identifier]: SQLite
    bool hashComments = false;       // # comment: MySQL
    bool dashNeedsSpace = false;     // MySQL: "--" is a comment only before a blank or the end
    bool slashComments = false;      // // comment: Snowflake
    bool nestedComments = false;     // /* /* */ */: PostgreSQL, Databricks
    bool executableComments = false; // /*! ... */ is code, not a comment: MySQL
    bool dollarQuotes = false;       // $$ ... $$: PostgreSQL, Snowflake
    bool dollarTags = false;         // $tag$ ... $tag$ and $1 parameters: PostgreSQL
    bool escapeStrings = false;      // E'...': PostgreSQL
    bool rawStrings = false;         // r'...' without escapes: Databricks
    bool parensHoldSemicolons = false; // as psql: ';' inside (...) does not end (CREATE RULE)
};

DialectRules rulesFor(SqlDialect dialect);

enum class Construct {
    String,
    EscapeString,
    RawString,
    DoubleQuoted,
    Backquoted,
    Bracketed,
    DollarQuoted,
    BlockComment
};

// The Error::Code::Parse for a construct still open at the end of the text; line is already
// offset to the file. tag is the opening $tag$ of a dollar-quoted string.
Error unterminatedError(Construct construct, const DialectRules &rules, int line,
                        QStringView tag = {});

inline bool isAsciiLetter(char16_t c)
{
    const char16_t lower = c | 0x20;
    return lower >= 'a' && lower <= 'z';
}

inline bool isDigit(char16_t c)
{
    return c >= '0' && c <= '9';
}

// ASCII control characters count as blanks (MySQL's rule for "-- "); U+FEFF is a byte-order mark
// that an editor may leave at the start of a file.
inline bool isBlank(char16_t c)
{
    if (c < 0x80)
        return c <= 0x20 || c == 0x7f;
    return c == 0xfeff || QChar::isSpace(c);
}

// Letters, '_' and every other non-ASCII character, as PostgreSQL and MySQL treat high bytes.
inline bool isIdentifierStart(char16_t c)
{
    return isAsciiLetter(c) || c == '_' || (c >= 0x80 && !isBlank(c));
}

inline bool isIdentifierChar(char16_t c)
{
    return isIdentifierStart(c) || isDigit(c);
}

// Identifiers may continue with '$' in PostgreSQL, MySQL and Snowflake.
inline bool isWordChar(char16_t c)
{
    return isIdentifierChar(c) || c == '$';
}

// keyword is upper-case ASCII; no allocation, as this runs for every word of a routine body.
template <qsizetype N> bool isKeyword(QStringView word, const char (&keyword)[N])
{
    if (word.size() != N - 1)
        return false;
    for (qsizetype k = 0; k < N - 1; ++k) {
        char16_t c = word[k].unicode();
        if (c >= 'a' && c <= 'z')
            c -= 'a' - 'A';
        if (c != char16_t(keyword[k]))
            return false;
    }
    return true;
}

} // namespace tidemark::sqllexer
