#include "sqllexer.h"

#include "sqllexerdialects.h"

namespace tidemark {

namespace {

using namespace sqllexer;

// Where the statement's leading words put it: only routine and trigger definitions may hold a
// BEGIN ... END body whose inner ';' must not end the statement.
enum class Header { Start, AfterCreate, Definer, AnonymousBegin, AnonymousNot, Body, Plain };

class Splitter
{
public:
    Splitter(const QString &sql, const SplitOptions &options)
        : m_data(sql.constData())
        , m_size(sql.size())
        , m_dialect(options.dialect)
        , m_rules(rulesFor(options.dialect))
        , m_lineOffset(options.firstLine - 1)
    {
        const QString delimiter = options.delimiter.trimmed();
        m_customDelimiter = !delimiter.isEmpty() && delimiter != u";";
        if (m_customDelimiter) {
            m_delimiter = delimiter;
            m_delimiterFirst = delimiter.front().unicode();
            m_delimiterFirstOtherCase = m_delimiterFirst;
            m_delimiterIsWord = true;
            for (QChar c : delimiter)
                m_delimiterIsWord = m_delimiterIsWord && isIdentifierChar(c.unicode());
            if (m_delimiterIsWord) {
                // GO also matches go: look for either case of its first letter.
                m_delimiterFirst = delimiter.front().toUpper().unicode();
                m_delimiterFirstOtherCase = delimiter.front().toLower().unicode();
            }
        }
    }

    Result<QList<SqlStatement>> run();

private:
    char16_t at(qsizetype k) const { return k < m_size ? m_data[k].unicode() : char16_t(0); }
    // Every character that may be a line break goes through here, so line numbers stay right.
    void step()
    {
        const char16_t c = m_data[m_pos++].unicode();
        if (c == '\n' || (c == '\r' && at(m_pos) != '\n'))
            ++m_line;
    }
    bool atDelimiter() const;
    void skipLineComment();
    bool skipBlockComment();
    bool scanQuoted(Construct construct, char16_t close, bool backslash);
    bool scanDollar();
    bool scanWord();
    void onWord(QStringView word, bool qualified);
    void onOtherToken();
    void closePendingEnd();
    void beginToken();
    void endStatement();
    bool fail(Construct construct, int openLine, QStringView tag = {});

    const QChar *m_data;
    qsizetype m_size;
    SqlDialect m_dialect;
    DialectRules m_rules;
    int m_lineOffset;
    bool m_customDelimiter = false;
    bool m_delimiterIsWord = false;
    QString m_delimiter;
    char16_t m_delimiterFirst = 0;
    char16_t m_delimiterFirstOtherCase = 0;

    qsizetype m_pos = 0;
    int m_line = 1;

    qsizetype m_statementStart = -1;
    int m_statementLine = 0;
    qsizetype m_tokenEnd = 0;
    Header m_header = Header::Start;
    int m_blockDepth = 0;
    int m_parenDepth = 0;
    int m_definerWords = 0;
    bool m_pendingEnd = false;

    QList<SqlStatement> m_statements;
    Error m_error;
};

Result<QList<SqlStatement>> Splitter::run()
{
    while (m_pos < m_size) {
        const char16_t c = m_data[m_pos].unicode();
        if (m_customDelimiter && (c == m_delimiterFirst || c == m_delimiterFirstOtherCase) &&
            atDelimiter()) {
            endStatement();
            for (qsizetype k = 0; k < m_delimiter.size(); ++k)
                step();
            continue;
        }
        if (isBlank(c)) {
            step();
            continue;
        }
        const char16_t next = at(m_pos + 1);
        if (c == '-' && next == '-' && (!m_rules.dashNeedsSpace || at(m_pos + 2) <= 0x20)) {
            skipLineComment();
            continue;
        }
        if ((c == '#' && m_rules.hashComments) ||
            (c == '/' && next == '/' && m_rules.slashComments)) {
            skipLineComment();
            continue;
        }
        if (c == '/' && next == '*') {
            // MySQL runs the text of /*! ... */ (mysqldump writes whole statements that way), so
            // it must not be dropped as a comment-only statement.
            const char16_t third = at(m_pos + 2);
            const bool executable = m_rules.executableComments &&
                                    (third == '!' || (third == 'M' && at(m_pos + 3) == '!'));
            if (executable)
                beginToken();
            if (!skipBlockComment())
                return m_error;
            if (executable)
                m_tokenEnd = m_pos;
            continue;
        }
        if (c == ';' && !m_customDelimiter) {
            if (m_pendingEnd)
                closePendingEnd();
            if (m_blockDepth == 0 && m_parenDepth == 0) {
                endStatement();
                step();
                continue;
            }
        }

        beginToken();
        bool ok = true;
        if (c == '\'') {
            ok = scanQuoted(Construct::String, '\'', m_rules.backslashInSingle);
        } else if (c == '"') {
            ok = scanQuoted(Construct::DoubleQuoted, '"', m_rules.doubleIsString);
        } else if (c == '`' && m_rules.backquotes) {
            ok = scanQuoted(Construct::Backquoted, '`', false);
        } else if (c == '[' && m_rules.brackets) {
            ok = scanQuoted(Construct::Bracketed, ']', false);
        } else if (c == '$' && m_rules.dollarQuotes) {
            ok = scanDollar();
        } else if (isIdentifierChar(c)) {
            ok = scanWord();
        } else {
            if (m_rules.parensHoldSemicolons && !m_customDelimiter) {
                if (c == '(')
                    ++m_parenDepth;
                else if (c == ')' && m_parenDepth > 0)
                    --m_parenDepth;
            }
            step();
            onOtherToken();
        }
        if (!ok)
            return m_error;
        m_tokenEnd = m_pos;
    }
    endStatement();
    return std::move(m_statements);
}

bool Splitter::atDelimiter() const
{
    const qsizetype length = m_delimiter.size();
    if (m_size - m_pos < length)
        return false;
    const QStringView here(m_data + m_pos, length);
    if (!m_delimiterIsWord)
        return here == m_delimiter;
    // A word such as GO ends a statement only as a whole word, in any letter case, and not as
    // the column of a qualified name (t.go).
    if (m_pos > 0) {
        const char16_t before = m_data[m_pos - 1].unicode();
        if (isWordChar(before) || before == '.')
            return false;
    }
    if (m_pos + length < m_size && isWordChar(m_data[m_pos + length].unicode()))
        return false;
    return here.compare(m_delimiter, Qt::CaseInsensitive) == 0;
}

void Splitter::skipLineComment()
{
    while (m_pos < m_size) {
        const char16_t c = m_data[m_pos].unicode();
        if (c == '\n' || c == '\r')
            return;
        ++m_pos;
    }
}

bool Splitter::skipBlockComment()
{
    const int openLine = m_line;
    m_pos += 2;
    int depth = 1;
    while (m_pos < m_size) {
        const char16_t c = m_data[m_pos].unicode();
        if (c == '*' && at(m_pos + 1) == '/') {
            m_pos += 2;
            if (--depth == 0)
                return true;
        } else if (c == '/' && at(m_pos + 1) == '*' && m_rules.nestedComments) {
            m_pos += 2;
            ++depth;
        } else {
            step();
        }
    }
    return fail(Construct::BlockComment, openLine);
}

// m_pos is on the opening quote. A doubled closing character stands for itself everywhere
// (except in SQLite's [brackets]); a backslash protects the next character where enabled.
bool Splitter::scanQuoted(Construct construct, char16_t close, bool backslash)
{
    const int openLine = m_line;
    step();
    while (m_pos < m_size) {
        const char16_t c = m_data[m_pos].unicode();
        if (c == '\\' && backslash) {
            step();
            if (m_pos < m_size)
                step();
        } else if (c == close) {
            step();
            if (close == ']' || at(m_pos) != close) {
                onOtherToken();
                return true;
            }
            step();
        } else {
            step();
        }
    }
    return fail(construct, openLine);
}

// m_pos is on a '$': a dollar-quoted body, a $1 parameter, or a lone '$' (Snowflake variables).
bool Splitter::scanDollar()
{
    const qsizetype start = m_pos;
    const char16_t next = at(start + 1);
    if (m_rules.dollarTags && isDigit(next)) {
        ++m_pos;
        while (isDigit(at(m_pos)))
            ++m_pos;
        onOtherToken();
        return true;
    }
    qsizetype tagClose = start + 1;
    if (m_rules.dollarTags && isIdentifierStart(next)) {
        while (isIdentifierChar(at(tagClose)))
            ++tagClose;
    }
    if (at(tagClose) != '$') {
        ++m_pos;
        onOtherToken();
        return true;
    }
    const QStringView tag(m_data + start, tagClose - start + 1);
    const int openLine = m_line;
    m_pos = tagClose + 1;
    while (m_pos < m_size) {
        if (m_data[m_pos] == u'$' && m_size - m_pos >= tag.size() &&
            QStringView(m_data + m_pos, tag.size()) == tag) {
            m_pos += tag.size();
            onOtherToken();
            return true;
        }
        step();
    }
    return fail(Construct::DollarQuoted, openLine, tag);
}

// Words (and numbers) are read whole, so keywords only ever match as whole words.
bool Splitter::scanWord()
{
    const qsizetype start = m_pos;
    const bool stopAtDelimiter = m_customDelimiter && !m_delimiterIsWord;
    while (m_pos < m_size) {
        const char16_t c = m_data[m_pos].unicode();
        if (!isWordChar(c))
            break;
        // A delimiter such as $$ wins even where it would continue an identifier.
        if (stopAtDelimiter && c == m_delimiterFirst && atDelimiter())
            break;
        ++m_pos;
    }
    const QStringView word(m_data + start, m_pos - start);
    if (word.size() == 1) {
        const char16_t prefix = word.front().unicode() | 0x20;
        const char16_t quote = at(m_pos);
        if (prefix == 'e' && m_rules.escapeStrings && quote == '\'')
            return scanQuoted(Construct::EscapeString, '\'', true);
        if (prefix == 'r' && m_rules.rawStrings && (quote == '\'' || quote == '"'))
            return scanQuoted(Construct::RawString, quote, false);
    }
    onWord(word, start > 0 && m_data[start - 1] == u'.');
    return true;
}

void Splitter::onWord(QStringView word, bool qualified)
{
    if (m_customDelimiter)
        return;
    const bool mysql = m_dialect == SqlDialect::MySql;
    switch (m_header) {
    case Header::Start:
        if (isKeyword(word, "CREATE"))
            m_header = Header::AfterCreate;
        else if (mysql && isKeyword(word, "BEGIN"))
            m_header = Header::AnonymousBegin; // MariaDB's BEGIN NOT ATOMIC ... END
        else
            m_header = Header::Plain;
        return;
    case Header::AfterCreate:
        if (isKeyword(word, "OR") || isKeyword(word, "REPLACE") || isKeyword(word, "TEMP") ||
            isKeyword(word, "TEMPORARY")) {
            return;
        }
        if (isKeyword(word, "TRIGGER")) {
            m_header = Header::Body;
        } else if (mysql && isKeyword(word, "DEFINER")) {
            m_header = Header::Definer;
        } else if (mysql && isKeyword(word, "AGGREGATE")) {
            return;
        } else if (mysql && (isKeyword(word, "PROCEDURE") || isKeyword(word, "FUNCTION") ||
                             isKeyword(word, "EVENT"))) {
            m_header = Header::Body;
        } else if (m_dialect == SqlDialect::Postgres && isKeyword(word, "CONSTRAINT")) {
            return;
        } else if (m_dialect == SqlDialect::Postgres &&
                   (isKeyword(word, "FUNCTION") || isKeyword(word, "PROCEDURE"))) {
            m_header = Header::Body; // SQL-standard bodies: BEGIN ATOMIC ... END
        } else {
            m_header = Header::Plain;
        }
        return;
    case Header::Definer:
        // The user after DEFINER= may be several words (root@localhost, CURRENT_USER).
        if (isKeyword(word, "PROCEDURE") || isKeyword(word, "FUNCTION") ||
            isKeyword(word, "TRIGGER") || isKeyword(word, "EVENT")) {
            m_header = Header::Body;
        } else if (isKeyword(word, "VIEW") || ++m_definerWords > 6) {
            m_header = Header::Plain;
        }
        return;
    case Header::AnonymousBegin:
        m_header = isKeyword(word, "NOT") ? Header::AnonymousNot : Header::Plain;
        return;
    case Header::AnonymousNot:
        m_header = Header::Plain;
        if (isKeyword(word, "ATOMIC")) {
            m_header = Header::Body;
            m_blockDepth = 1;
        }
        return;
    case Header::Plain:
        return;
    case Header::Body:
        break;
    }

    if (m_pendingEnd) {
        m_pendingEnd = false;
        // END IF / END LOOP / END WHILE / END REPEAT close constructs that are not counted
        // (IF is also a function, REPEAT a string function), so they leave the depth alone.
        if (isKeyword(word, "IF") || isKeyword(word, "LOOP") || isKeyword(word, "WHILE") ||
            isKeyword(word, "REPEAT")) {
            return;
        }
        if (m_blockDepth > 0)
            --m_blockDepth;
        if (isKeyword(word, "CASE"))
            return; // END CASE closes a CASE statement
    }
    if (qualified)
        return; // new.end is a column, not a keyword
    if (isKeyword(word, "BEGIN") || isKeyword(word, "CASE"))
        ++m_blockDepth;
    else if (isKeyword(word, "END"))
        m_pendingEnd = true;
}

void Splitter::onOtherToken()
{
    switch (m_header) {
    case Header::Start:
    case Header::AfterCreate:
    case Header::AnonymousBegin:
    case Header::AnonymousNot:
        m_header = Header::Plain;
        break;
    case Header::Body:
        if (m_pendingEnd)
            closePendingEnd();
        break;
    case Header::Definer:
    case Header::Plain:
        break;
    }
}

void Splitter::closePendingEnd()
{
    m_pendingEnd = false;
    if (m_blockDepth > 0)
        --m_blockDepth;
}

void Splitter::beginToken()
{
    if (m_statementStart < 0) {
        m_statementStart = m_pos;
        m_statementLine = m_line;
    }
}

void Splitter::endStatement()
{
    if (m_statementStart >= 0) {
        m_statements.append(
            SqlStatement{QString(m_data + m_statementStart, m_tokenEnd - m_statementStart),
                         m_statementLine + m_lineOffset});
    }
    m_statementStart = -1;
    m_header = Header::Start;
    m_blockDepth = 0;
    m_parenDepth = 0;
    m_definerWords = 0;
    m_pendingEnd = false;
}

bool Splitter::fail(Construct construct, int openLine, QStringView tag)
{
    m_error = unterminatedError(construct, m_rules, openLine + m_lineOffset, tag);
    return false;
}

} // namespace

Result<QList<SqlStatement>> splitStatements(const QString &sql, const SplitOptions &options)
{
    return Splitter(sql, options).run();
}

} // namespace tidemark
