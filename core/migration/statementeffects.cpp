#include "statementeffects.h"

#include <optional>

namespace tidemark {

namespace {

using Kind = StatementEffect::Kind;

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$' || (c.unicode() >= 0x80 && !c.isSpace());
}

// Reads a statement token by token, as far as naming its effects needs: bare words, quoted
// identifiers ("…", `…`, […] with the closing quote doubled inside), strings, parenthesised
// groups and single symbols; blanks and -- and /* */ comments between them are skipped. The
// SQL lexer (sqllexer.h) only splits a file into statements and gives no tokens.
class Reader
{
public:
    explicit Reader(QStringView text)
        : m_text(text)
    {
        skipBlank();
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QStringView rest() const { return m_text.mid(m_pos); }

    // Consumes the next token when it is the bare (unquoted) word, in any case.
    bool keyword(const char *word)
    {
        const QStringView next = bareWord();
        if (next.isEmpty() || next.compare(QLatin1String(word), Qt::CaseInsensitive) != 0)
            return false;
        m_pos += next.size();
        skipBlank();
        return true;
    }

    // The next token, upper-case, when it is a bare word; empty otherwise (a quoted identifier
    // is never a keyword).
    QString peekKeyword() const { return bareWord().toString().toUpper(); }

    bool peekSymbol(char16_t symbol) const { return !atEnd() && m_text[m_pos] == symbol; }

    bool symbol(char16_t symbol)
    {
        if (!peekSymbol(symbol))
            return false;
        ++m_pos;
        skipBlank();
        return true;
    }

    // A name, bare or quoted, qualified with dots ("db"."schema".t): its parts, unquoted; empty
    // when the next token is no name.
    QStringList identifier()
    {
        QStringList parts;
        for (;;) {
            const qsizetype start = m_pos;
            const std::optional<QString> part = readPart();
            if (!part) {
                m_pos = start;
                break;
            }
            parts.append(*part);
            skipBlank();
            const qsizetype dot = m_pos;
            if (!symbol(u'.'))
                break;
            if (atEnd() || !(isWordChar(m_text[m_pos]) || isOpeningQuote(m_text[m_pos]))) {
                m_pos = dot; // "t.*": the dot is not part of the name
                break;
            }
        }
        return parts;
    }

    // Skips one token; a parenthesised group counts as one.
    void skipToken()
    {
        if (atEnd())
            return;
        const QChar c = m_text[m_pos];
        if (c == u'(') {
            ++m_pos;
            skipBlank();
            while (!atEnd() && !symbol(u')'))
                skipToken();
            return;
        }
        if (c == u'\'') {
            readQuoted(u'\'');
        } else if (!readPart()) {
            ++m_pos;
        }
        skipBlank();
    }

private:
    static bool isOpeningQuote(QChar c) { return c == u'"' || c == u'`' || c == u'['; }

    QStringView bareWord() const
    {
        qsizetype end = m_pos;
        while (end < m_text.size() && isWordChar(m_text[end]))
            ++end;
        return m_text.mid(m_pos, end - m_pos);
    }

    // One part of a name at the position: a bare word or a quoted identifier.
    std::optional<QString> readPart()
    {
        if (atEnd())
            return std::nullopt;
        const QChar c = m_text[m_pos];
        if (c == u'"')
            return readQuoted(u'"');
        if (c == u'`')
            return readQuoted(u'`');
        if (c == u'[')
            return readQuoted(u']');
        const QStringView word = bareWord();
        if (word.isEmpty())
            return std::nullopt;
        m_pos += word.size();
        return word.toString();
    }

    // From an opening quote to its close; a doubled close is one character of the content.
    // Unterminated: std::nullopt, the position at the end.
    std::optional<QString> readQuoted(char16_t close)
    {
        QString content;
        ++m_pos;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos++];
            if (c != close) {
                content += c;
            } else if (m_pos < m_text.size() && m_text[m_pos] == close) {
                content += c;
                ++m_pos;
            } else {
                return content;
            }
        }
        return std::nullopt;
    }

    void skipBlank()
    {
        while (m_pos < m_text.size()) {
            const QStringView rest = m_text.mid(m_pos);
            if (rest.front().isSpace()) {
                ++m_pos;
            } else if (rest.startsWith(u"--")) {
                const qsizetype end = rest.indexOf(u'\n');
                m_pos = end < 0 ? m_text.size() : m_pos + end + 1;
            } else if (rest.startsWith(u"/*")) {
                skipBlockComment();
            } else {
                break;
            }
        }
    }

    // Nested as in PostgreSQL; an unterminated comment runs to the end.
    void skipBlockComment()
    {
        int depth = 0;
        while (m_pos < m_text.size()) {
            const QStringView rest = m_text.mid(m_pos);
            if (rest.startsWith(u"/*")) {
                ++depth;
                m_pos += 2;
            } else if (rest.startsWith(u"*/")) {
                m_pos += 2;
                if (--depth == 0)
                    return;
            } else {
                ++m_pos;
            }
        }
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

// After the name list: ON table (index, trigger), RESTRICT, MySQL's ALGORITHM = …; true when
// CASCADE is among them.
bool cascadeInRest(Reader &reader)
{
    bool cascade = false;
    while (!reader.atEnd()) {
        if (reader.keyword("CASCADE"))
            cascade = true;
        else
            reader.skipToken();
    }
    return cascade;
}

// DROP [TEMPORARY] kind [CONCURRENTLY] [IF EXISTS] name [(arguments)] [, …] [CASCADE]
QList<StatementEffect> dropEffects(Reader &reader)
{
    reader.keyword("TEMPORARY");
    static const struct
    {
        const char *word;
        Kind kind;
    } kinds[] = {{"TABLE", Kind::DropTable},       {"VIEW", Kind::DropView},
                 {"INDEX", Kind::DropIndex},       {"TRIGGER", Kind::DropTrigger},
                 {"SCHEMA", Kind::DropSchema},     {"DATABASE", Kind::DropDatabase},
                 {"SEQUENCE", Kind::DropSequence}, {"TYPE", Kind::DropType},
                 {"FUNCTION", Kind::DropFunction}, {"PROCEDURE", Kind::DropProcedure}};
    std::optional<Kind> kind;
    if (reader.keyword("MATERIALIZED")) {
        if (!reader.keyword("VIEW"))
            return {};
        kind = Kind::DropMaterializedView;
    }
    for (const auto &candidate : kinds) {
        if (!kind && reader.keyword(candidate.word))
            kind = candidate.kind;
    }
    if (!kind)
        return {};
    if (*kind == Kind::DropIndex)
        reader.keyword("CONCURRENTLY");
    if (reader.keyword("IF") && !reader.keyword("EXISTS"))
        return {};
    QList<StatementEffect> effects;
    do {
        const QStringList name = reader.identifier();
        if (name.isEmpty())
            return {};
        if (reader.peekSymbol(u'(')) // a routine's argument types
            reader.skipToken();
        effects.append({*kind, name.last()});
    } while (reader.symbol(u','));
    const bool cascade = cascadeInRest(reader);
    for (StatementEffect &effect : effects)
        effect.cascade = cascade;
    return effects;
}

// Table names of a comma list, each maybe after ONLY and before * or .* (PostgreSQL's
// inheritance, MySQL's multi-table DELETE). Empty when the list does not start with a name.
QStringList tableList(Reader &reader)
{
    QStringList tables;
    do {
        reader.keyword("ONLY");
        const QStringList name = reader.identifier();
        if (name.isEmpty())
            return {};
        tables.append(name.last());
        reader.symbol(u'.');
        reader.symbol(u'*');
    } while (reader.symbol(u','));
    return tables;
}

QList<StatementEffect> rowEffects(const QStringList &tables, bool cascade)
{
    QList<StatementEffect> effects;
    for (const QString &table : tables)
        effects.append({Kind::DeleteRows, table, cascade});
    return effects;
}

// TRUNCATE [TABLE] [ONLY] name [*] [, …] [RESTART IDENTITY] [CASCADE]
QList<StatementEffect> truncateEffects(Reader &reader)
{
    reader.keyword("TABLE");
    const QStringList tables = tableList(reader);
    if (tables.isEmpty())
        return {};
    return rowEffects(tables, cascadeInRest(reader));
}

// DELETE [LOW_PRIORITY] [QUICK] [IGNORE] FROM [ONLY] name …; MySQL's DELETE t1, t2 FROM … and
// DELETE FROM t1, t2 USING …; DELETE t WHERE … (SQL Server).
QList<StatementEffect> deleteEffects(Reader &reader)
{
    while (reader.keyword("LOW_PRIORITY") || reader.keyword("QUICK") || reader.keyword("IGNORE")) {
    }
    reader.keyword("FROM");
    return rowEffects(tableList(reader), false);
}

bool isConstraintWord(const QString &word)
{
    static const QStringList words = {
        QStringLiteral("CONSTRAINT"), QStringLiteral("PRIMARY"),    QStringLiteral("FOREIGN"),
        QStringLiteral("INDEX"),      QStringLiteral("KEY"),        QStringLiteral("CHECK"),
        QStringLiteral("UNIQUE"),     QStringLiteral("DEFAULT"),    QStringLiteral("NOT"),
        QStringLiteral("IDENTITY"),   QStringLiteral("EXPRESSION"), QStringLiteral("PARTITION"),
        QStringLiteral("SYSTEM"),     QStringLiteral("PERIOD")};
    return words.contains(word);
}

// ALTER TABLE [IF EXISTS] [ONLY] name [*] …, DROP [COLUMN] [IF EXISTS] column [CASCADE], …
// DROP CONSTRAINT, DROP DEFAULT, DROP NOT NULL and the like drop no column.
QList<StatementEffect> alterEffects(Reader &reader)
{
    if (!reader.keyword("TABLE"))
        return {};
    if (reader.keyword("IF") && !reader.keyword("EXISTS"))
        return {};
    reader.keyword("ONLY");
    const QStringList table = reader.identifier();
    if (table.isEmpty())
        return {};
    reader.symbol(u'*');
    QList<StatementEffect> effects;
    while (!reader.atEnd()) {
        if (!reader.keyword("DROP")) {
            reader.skipToken();
            continue;
        }
        const bool column = reader.keyword("COLUMN");
        if (reader.keyword("IF"))
            reader.keyword("EXISTS");
        if (!column && isConstraintWord(reader.peekKeyword()))
            continue;
        const QStringList name = reader.identifier();
        if (name.isEmpty())
            continue;
        effects.append(
            {Kind::DropColumn, table.last() + u'.' + name.last(), reader.keyword("CASCADE")});
    }
    return effects;
}

} // namespace

QList<StatementEffect> destructiveEffects(const QString &statement)
{
    Reader reader(statement);
    const QStringView text = reader.rest();
    const QString first = reader.peekKeyword();
    QList<StatementEffect> effects;
    if (reader.keyword("DROP"))
        effects = dropEffects(reader);
    else if (reader.keyword("ALTER"))
        effects = alterEffects(reader);
    else if (reader.keyword("TRUNCATE"))
        effects = truncateEffects(reader);
    else if (reader.keyword("DELETE"))
        effects = deleteEffects(reader);
    const bool destructive = first == u"DROP" || first == u"TRUNCATE" || first == u"DELETE";
    if (effects.isEmpty() && destructive) {
        constexpr qsizetype shown = 60;
        const QString simplified = text.toString().simplified();
        QString start = simplified.left(shown);
        if (simplified.size() > shown)
            start += u'…';
        effects.append({Kind::Unrecognised, start, false, first});
    }
    return effects;
}

} // namespace tidemark
