#include "preflight/sqltokens.h"

#include "migration/sqllexerdialects.h"

namespace tidemark {

namespace {

bool isWordStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

class Scanner
{
public:
    Scanner(const QString &text, SqlDialect dialect)
        : m_text(text)
        , m_rules(sqllexer::rulesFor(dialect))
    {}

    QList<SqlToken> run()
    {
        // The quoting and comment rules of the statement splitter (sqllexerdialects.h), so that
        // both read a statement the same way.
        const sqllexer::DialectRules &r = m_rules;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'\n') {
                ++m_line;
                ++m_pos;
            } else if (c.isSpace()) {
                ++m_pos;
            } else if ((startsWith(u"--") &&
                        (!r.dashNeedsSpace || peek(2).isNull() || peek(2).isSpace())) ||
                       (r.hashComments && c == u'#') || (r.slashComments && startsWith(u"//"))) {
                skipLineComment();
            } else if (startsWith(u"/*")) {
                skipBlockComment();
            } else if (c == u'\'') {
                quoted(SqlToken::Kind::String, u'\'', r.backslashInSingle);
            } else if ((c == u'E' || c == u'e') && r.escapeStrings && peek(1) == u'\'') {
                ++m_pos;
                quoted(SqlToken::Kind::String, u'\'', true);
            } else if ((c == u'R' || c == u'r') && r.rawStrings && peek(1) == u'\'') {
                ++m_pos;
                quoted(SqlToken::Kind::String, u'\'', false);
            } else if (c == u'"' && r.doubleIsString) {
                quoted(SqlToken::Kind::String, u'"', true);
            } else if (c == u'"') {
                quoted(SqlToken::Kind::QuotedIdentifier, u'"', false);
            } else if (c == u'`' && r.backquotes) {
                quoted(SqlToken::Kind::QuotedIdentifier, u'`', false);
            } else if (c == u'[' && r.brackets) {
                bracketed();
            } else if (c == u'$' && r.dollarQuotes && dollarQuote()) {
                // consumed
            } else if (isWordStart(c)) {
                word();
            } else if (c.isDigit()) {
                number();
            } else {
                add(SqlToken::Kind::Punctuation, QString(c), m_pos, m_line);
                ++m_pos;
            }
        }
        return m_tokens;
    }

private:
    QChar peek(qsizetype ahead) const
    {
        return m_pos + ahead < m_text.size() ? m_text.at(m_pos + ahead) : QChar();
    }
    bool startsWith(QStringView s) const { return QStringView(m_text).mid(m_pos).startsWith(s); }
    void add(SqlToken::Kind kind, const QString &text, qsizetype offset, int line)
    {
        m_tokens.append({kind, text, int(offset), line});
    }

    void skipLineComment()
    {
        while (m_pos < m_text.size() && m_text.at(m_pos) != u'\n')
            ++m_pos;
    }

    void skipBlockComment()
    {
        // PostgreSQL nests block comments; the others end at the first */.
        int depth = 0;
        while (m_pos < m_text.size()) {
            if (startsWith(u"/*")) {
                ++depth;
                m_pos += 2;
            } else if (startsWith(u"*/")) {
                m_pos += 2;
                if (--depth == 0 || !m_rules.nestedComments)
                    return;
            } else {
                if (m_text.at(m_pos) == u'\n')
                    ++m_line;
                ++m_pos;
            }
        }
    }

    void quoted(SqlToken::Kind kind, QChar quote, bool backslashEscapes)
    {
        const qsizetype start = m_pos;
        const int line = m_line;
        ++m_pos;
        QString text;
        while (m_pos < m_text.size()) {
            const QChar c = m_text.at(m_pos);
            if (backslashEscapes && c == u'\\' && m_pos + 1 < m_text.size()) {
                text += m_text.at(m_pos + 1);
                m_pos += 2;
                continue;
            }
            if (c == quote) {
                if (peek(1) == quote) {
                    text += quote;
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            if (c == u'\n')
                ++m_line;
            text += c;
            ++m_pos;
        }
        add(kind, text, start, line);
    }

    void bracketed()
    {
        const qsizetype start = m_pos;
        const qsizetype end = m_text.indexOf(u']', m_pos);
        const qsizetype stop = end < 0 ? m_text.size() : end;
        add(SqlToken::Kind::QuotedIdentifier, m_text.mid(m_pos + 1, stop - m_pos - 1), start,
            m_line);
        m_pos = end < 0 ? m_text.size() : end + 1;
    }

    bool dollarQuote()
    {
        qsizetype end = m_pos + 1;
        while (end < m_text.size() && isWordChar(m_text.at(end)) && m_text.at(end) != u'$')
            ++end;
        if (end >= m_text.size() || m_text.at(end) != u'$')
            return false;
        const QString tag = m_text.mid(m_pos, end - m_pos + 1);
        const qsizetype close = m_text.indexOf(tag, end + 1);
        const qsizetype stop = close < 0 ? m_text.size() : close;
        const QString body = m_text.mid(end + 1, stop - end - 1);
        add(SqlToken::Kind::String, body, m_pos, m_line);
        m_line += int(body.count(u'\n'));
        m_pos = close < 0 ? m_text.size() : close + tag.size();
        return true;
    }

    void word()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() && isWordChar(m_text.at(m_pos)))
            ++m_pos;
        add(SqlToken::Kind::Word, m_text.mid(start, m_pos - start), start, m_line);
    }

    void number()
    {
        const qsizetype start = m_pos;
        while (m_pos < m_text.size() &&
               (m_text.at(m_pos).isLetterOrNumber() || m_text.at(m_pos) == u'.'))
            ++m_pos;
        add(SqlToken::Kind::Number, m_text.mid(start, m_pos - start), start, m_line);
    }

    const QString &m_text;
    sqllexer::DialectRules m_rules;
    qsizetype m_pos = 0;
    int m_line = 0;
    QList<SqlToken> m_tokens;
};

} // namespace

QList<SqlToken> tokenizeStatement(const QString &statement, SqlDialect dialect)
{
    return Scanner(statement, dialect).run();
}

QString TokenView::word(qsizetype i) const
{
    if (i < 0 || i >= m_tokens.size() || m_tokens.at(i).kind != SqlToken::Kind::Word)
        return {};
    return m_tokens.at(i).text.toUpper();
}

bool TokenView::wordsAt(qsizetype i, const QStringList &words) const
{
    for (qsizetype k = 0; k < words.size(); ++k) {
        if (i + k >= m_tokens.size() || !m_tokens.at(i + k).isWord(words.at(k)))
            return false;
    }
    return true;
}

qsizetype TokenView::find(const QStringList &words, qsizetype from) const
{
    for (qsizetype i = std::max<qsizetype>(from, 0); i < m_tokens.size(); ++i) {
        if (wordsAt(i, words))
            return i;
    }
    return -1;
}

QString TokenView::nameAt(qsizetype i, qsizetype *next) const
{
    QString name;
    while (i < m_tokens.size() && m_tokens.at(i).isName()) {
        name = m_tokens.at(i).text;
        ++i;
        if (i + 1 < m_tokens.size() && m_tokens.at(i).isPunctuation(u'.') &&
            m_tokens.at(i + 1).isName())
            ++i; // the dot: the next part follows
        else
            break;
    }
    if (next)
        *next = i;
    return name;
}

} // namespace tidemark
