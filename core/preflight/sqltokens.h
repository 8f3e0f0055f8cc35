#pragma once

// The tokens of one statement, for rules that look at what a statement does: words (keywords
// and bare identifiers), quoted identifiers, strings, numbers and punctuation, with comments
// and whitespace left out. Quoting follows the dialect as the statement splitter does
// (sqllexer.h): '' and "" doubled, PostgreSQL E'..' escapes and $tag$ bodies, MySQL backquotes
// and backslash escapes. The statement has been split already, so an unterminated quote just
// ends the last token.

#include "common/sqldialect.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tidemark {

struct SqlToken
{
    enum class Kind { Word, QuotedIdentifier, String, Number, Punctuation };
    Kind kind;
    QString text;   // as written; a quoted identifier or string without its quotes
    int offset = 0; // where it starts in the statement
    int line = 0;   // 0-based line within the statement

    bool isWord(QStringView upper) const
    {
        return kind == Kind::Word && text.compare(upper, Qt::CaseInsensitive) == 0;
    }
    bool isPunctuation(QChar c) const { return kind == Kind::Punctuation && text == c; }
    // A name: a bare word or a quoted identifier.
    bool isName() const { return kind == Kind::Word || kind == Kind::QuotedIdentifier; }
};

QList<SqlToken> tokenizeStatement(const QString &statement, SqlDialect dialect);

// Helpers for rules, all case-insensitive on words.
class TokenView
{
public:
    explicit TokenView(const QList<SqlToken> &tokens)
        : m_tokens(tokens)
    {}
    qsizetype size() const { return m_tokens.size(); }
    const SqlToken &at(qsizetype i) const { return m_tokens.at(i); }
    // Word i, upper-cased; empty when i is out of range or not a word.
    QString word(qsizetype i) const;
    // The words at i, i+1, ... are these (upper-case) words.
    bool wordsAt(qsizetype i, const QStringList &words) const;
    bool startsWith(const QStringList &words) const { return wordsAt(0, words); }
    // The first index >= from where the words follow each other; -1 when none.
    qsizetype find(const QStringList &words, qsizetype from = 0) const;
    bool contains(const QStringList &words) const { return find(words) >= 0; }
    // A possibly qualified name starting at i ("a", "s.a", "\"S\".\"A\""): its last part, and
    // in *next the index after it. Empty when no name starts there.
    QString nameAt(qsizetype i, qsizetype *next = nullptr) const;

private:
    const QList<SqlToken> &m_tokens;
};

} // namespace tidemark
