// What SQLite keeps only as the text of a CREATE statement: checks, column collations and
// generation expressions, index key texts and predicates, AUTOINCREMENT.

#include "schema/sqlitecreatesql.h"

namespace tidemark {

namespace {

// A token of a stored CREATE statement. Only what the parsers below need: words,
// quoted identifiers and strings (so that their content is never mistaken for syntax) and
// single punctuation characters. Comments are dropped.
struct Token
{
    enum Kind { Word, Identifier, String, Punct };
    Kind kind;
    qsizetype begin; // offsets into the statement text, end exclusive
    qsizetype end;
};

// SQLite's lexical rules: '...' strings with doubled quotes; "...", `...` and [...]
// identifiers; -- and /* */ comments. The text comes from sqlite_master, so it was accepted by
// SQLite and is well formed; an unterminated construct just runs to the end.
QList<Token> tokenize(const QString &sql)
{
    QList<Token> tokens;
    const qsizetype n = sql.size();
    qsizetype i = 0;
    auto quoted = [&](QChar close, Token::Kind kind) {
        const qsizetype begin = i++;
        while (i < n) {
            if (sql[i] == close) {
                // A doubled closing quote is an escaped quote, except for [...] which has none.
                if (close != u']' && i + 1 < n && sql[i + 1] == close) {
                    i += 2;
                    continue;
                }
                ++i;
                break;
            }
            ++i;
        }
        tokens.append({kind, begin, i});
    };
    while (i < n) {
        const QChar c = sql[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < n && sql[i + 1] == u'-') {
            while (i < n && sql[i] != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && sql[i + 1] == u'*') {
            const qsizetype close = sql.indexOf(QStringLiteral("*/"), i + 2);
            i = close < 0 ? n : close + 2;
        } else if (c == u'\'') {
            quoted(u'\'', Token::String);
        } else if (c == u'"') {
            quoted(u'"', Token::Identifier);
        } else if (c == u'`') {
            quoted(u'`', Token::Identifier);
        } else if (c == u'[') {
            quoted(u']', Token::Identifier);
        } else if (c.isLetterOrNumber() || c == u'_' || c == u'$') {
            const qsizetype begin = i;
            while (i < n && (sql[i].isLetterOrNumber() || sql[i] == u'_' || sql[i] == u'$'))
                ++i;
            tokens.append({Token::Word, begin, i});
        } else {
            tokens.append({Token::Punct, i, i + 1});
            ++i;
        }
    }
    return tokens;
}

bool isWord(const QString &sql, const Token &t, QLatin1StringView word)
{
    return t.kind == Token::Word &&
           QStringView(sql).sliced(t.begin, t.end - t.begin).compare(word, Qt::CaseInsensitive) ==
               0;
}

bool isPunct(const QString &sql, const Token &t, QChar c)
{
    return t.kind == Token::Punct && sql[t.begin] == c;
}

// Index of the ')' that closes the '(' at tokens[open], or -1.
qsizetype matchingParen(const QString &sql, const QList<Token> &tokens, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        if (isPunct(sql, tokens[i], u'('))
            ++depth;
        else if (isPunct(sql, tokens[i], u')') && --depth == 0)
            return i;
    }
    return -1;
}

// Calls item(first, last) with the tokens of each item of the parenthesised list from open to
// close: the parts between its top-level commas.
template <typename Item>
void forEachListItem(const QString &sql, const QList<Token> &tokens, qsizetype open,
                     qsizetype close, const Item &item)
{
    int depth = 0;
    qsizetype start = open + 1;
    for (qsizetype i = open + 1; i < close; ++i) {
        if (isPunct(sql, tokens[i], u'('))
            ++depth;
        else if (isPunct(sql, tokens[i], u')'))
            --depth;
        else if (depth == 0 && isPunct(sql, tokens[i], u',')) {
            item(start, i - 1);
            start = i + 1;
        }
    }
    item(start, close - 1);
}

// A name token without its quotes ("a""b" -> a"b).
QString unquote(const QString &sql, const Token &t)
{
    const QString text = sql.sliced(t.begin, t.end - t.begin);
    if (t.kind != Token::Identifier && t.kind != Token::String)
        return text;
    const QChar close = text.back();
    QString inner = text.sliced(1, text.size() - 2);
    if (close != u']')
        inner.replace(QString(2, close), QString(close));
    return inner;
}

// The source text between two tokens (inclusive), comments and spacing as written.
QString textOf(const QString &sql, const Token &first, const Token &last)
{
    return sql.sliced(first.begin, last.end - first.begin).trimmed();
}

} // namespace

// CHECK (...) clauses of a CREATE TABLE statement, column- and table-level, with the name of
// a directly preceding CONSTRAINT name. SQLite keeps no catalog of them, only this text.
QList<CheckConstraintDef> parseChecks(const QString &sql)
{
    QList<CheckConstraintDef> checks;
    const QList<Token> tokens = tokenize(sql);
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (!isWord(sql, tokens[i], QLatin1StringView("CHECK")) ||
            !isPunct(sql, tokens[i + 1], u'('))
            continue;
        const qsizetype close = matchingParen(sql, tokens, i + 1);
        if (close < 0 || close == i + 2)
            continue;
        CheckConstraintDef check;
        if (i >= 2 && isWord(sql, tokens[i - 2], QLatin1StringView("CONSTRAINT")))
            check.name = unquote(sql, tokens[i - 1]);
        check.expression = textOf(sql, tokens[i + 2], tokens[close - 1]);
        checks.append(check);
        i = close;
    }
    return checks;
}

IndexSql parseCreateIndex(const QString &sql)
{
    IndexSql result;
    const QList<Token> tokens = tokenize(sql);
    // The key list is the first parenthesis after ON: "CREATE INDEX name ON table (...)".
    qsizetype on = -1;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (isWord(sql, tokens[i], QLatin1StringView("ON"))) {
            on = i;
            break;
        }
    }
    qsizetype open = -1;
    for (qsizetype i = on + 1; on >= 0 && i < tokens.size(); ++i) {
        if (isPunct(sql, tokens[i], u'(')) {
            open = i;
            break;
        }
    }
    const qsizetype close = open < 0 ? -1 : matchingParen(sql, tokens, open);
    if (close < 0)
        return result;

    auto addPart = [&](qsizetype first, qsizetype last) {
        // The sort order is not part of the key, and a part with one would never compare equal
        // to the same expression written without it.
        if (last > first && (isWord(sql, tokens[last], QLatin1StringView("ASC")) ||
                             isWord(sql, tokens[last], QLatin1StringView("DESC"))))
            --last;
        result.parts.append(first <= last ? textOf(sql, tokens[first], tokens[last]) : QString());
    };
    forEachListItem(sql, tokens, open, close, addPart);

    if (close + 1 < tokens.size() && isWord(sql, tokens[close + 1], QLatin1StringView("WHERE"))) {
        qsizetype last = tokens.size() - 1;
        if (last > close + 1 && isPunct(sql, tokens[last], u';'))
            --last;
        if (last > close + 1)
            result.where = textOf(sql, tokens[close + 2], tokens[last]);
    }
    return result;
}

bool hasAutoincrement(const QString &sql)
{
    const QList<Token> tokens = tokenize(sql);
    for (const Token &t : tokens) {
        if (isWord(sql, t, QLatin1StringView("AUTOINCREMENT")))
            return true;
    }
    return false;
}

// The column definitions of a CREATE TABLE statement: the text between the outer parentheses,
// split at top-level commas, without the table constraints.
QList<ColumnClauses> parseColumnClauses(const QString &sql)
{
    QList<ColumnClauses> columns;
    const QList<Token> tokens = tokenize(sql);
    qsizetype open = 0;
    while (open < tokens.size() && !isPunct(sql, tokens[open], u'('))
        ++open;
    const qsizetype close = open < tokens.size() ? matchingParen(sql, tokens, open) : -1;
    if (close < 0)
        return columns;
    const auto column = [&](qsizetype first, qsizetype last) {
        if (first > last)
            return;
        for (const QLatin1StringView keyword :
             {QLatin1StringView("CONSTRAINT"), QLatin1StringView("PRIMARY"),
              QLatin1StringView("UNIQUE"), QLatin1StringView("CHECK"),
              QLatin1StringView("FOREIGN")}) {
            if (isWord(sql, tokens[first], keyword))
                return;
        }
        ColumnClauses clauses;
        clauses.name = unquote(sql, tokens[first]);
        int depth = 0;
        for (qsizetype i = first + 1; i <= last; ++i) {
            if (isPunct(sql, tokens[i], u'(')) {
                ++depth;
            } else if (isPunct(sql, tokens[i], u')')) {
                --depth;
            } else if (depth == 0 && i < last &&
                       isWord(sql, tokens[i], QLatin1StringView("COLLATE"))) {
                clauses.collation = unquote(sql, tokens[i + 1]);
            } else if (depth == 0 && i < last && isWord(sql, tokens[i], QLatin1StringView("AS")) &&
                       isPunct(sql, tokens[i + 1], u'(')) {
                const qsizetype end = matchingParen(sql, tokens, i + 1);
                if (end < 0 || end > last || end == i + 2)
                    return;
                clauses.generated = textOf(sql, tokens[i + 2], tokens[end - 1]);
                clauses.generatedStored =
                    end < last && isWord(sql, tokens[end + 1], QLatin1StringView("STORED"));
                i = end;
            }
        }
        columns.append(clauses);
    };
    forEachListItem(sql, tokens, open, close, column);
    return columns;
}

} // namespace tidemark
