#include "preflight/statementshapes.h"

#include "migration/statementeffects.h"
#include "preflight/viewuses.h"

namespace tidemark {

bool isDdl(const TokenView &v)
{
    static const QStringList words{QStringLiteral("CREATE"), QStringLiteral("ALTER"),
                                   QStringLiteral("DROP"), QStringLiteral("RENAME"),
                                   QStringLiteral("TRUNCATE")};
    if (v.contains({QStringLiteral("TEMPORARY")}) || v.word(1) == u"TEMP")
        return false; // temporary tables commit nothing implicitly on MySQL
    return words.contains(v.word(0));
}

bool isDml(const TokenView &v)
{
    static const QStringList words{QStringLiteral("INSERT"), QStringLiteral("UPDATE"),
                                   QStringLiteral("DELETE"), QStringLiteral("REPLACE")};
    return words.contains(v.word(0));
}

// "CREATE [OR REPLACE] [TEMP] TABLE/VIEW [IF NOT EXISTS] name": kind word and name.
std::pair<QString, QString> createdObject(const TokenView &v)
{
    if (v.word(0) != u"CREATE")
        return {};
    qsizetype i = 1;
    while (i < v.size() && !v.word(i).isEmpty() &&
           QStringList{QStringLiteral("OR"), QStringLiteral("REPLACE"), QStringLiteral("TEMP"),
                       QStringLiteral("TEMPORARY"), QStringLiteral("UNIQUE"),
                       QStringLiteral("MATERIALIZED"), QStringLiteral("UNLOGGED"),
                       QStringLiteral("GLOBAL"), QStringLiteral("LOCAL")}
               .contains(v.word(i)))
        ++i;
    const QString kind = v.word(i);
    if (kind != u"TABLE" && kind != u"VIEW" && kind != u"INDEX" && kind != u"TRIGGER" &&
        kind != u"SEQUENCE")
        return {};
    ++i;
    if (v.word(i) == u"CONCURRENTLY")
        ++i;
    if (v.wordsAt(i, {QStringLiteral("IF"), QStringLiteral("NOT"), QStringLiteral("EXISTS")}))
        i += 3;
    if (kind == u"INDEX" && v.word(i) == u"ON")
        return {kind, QString()}; // an index without a name
    return {kind, v.nameAt(i)};
}

// The table of "ALTER TABLE [IF EXISTS] [ONLY] name ...", and the index after its name.
QString alteredTable(const TokenView &v, qsizetype *after)
{
    if (!v.startsWith({QStringLiteral("ALTER"), QStringLiteral("TABLE")}))
        return {};
    qsizetype i = 2;
    if (v.wordsAt(i, {QStringLiteral("IF"), QStringLiteral("EXISTS")}))
        i += 2;
    if (v.word(i) == u"ONLY")
        ++i;
    return v.nameAt(i, after);
}

// The table of "CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table".
QString indexedTable(const TokenView &v)
{
    const qsizetype on = v.find({QStringLiteral("ON")});
    if (on < 0)
        return {};
    qsizetype i = on + 1;
    if (v.word(i) == u"ONLY")
        ++i;
    return v.nameAt(i);
}

// Statements PostgreSQL refuses inside a transaction block because of CONCURRENTLY: index
// builds and drops, REINDEX, DETACH PARTITION (REFRESH MATERIALIZED VIEW CONCURRENTLY is fine).
bool concurrentlyOutsideTransaction(const TokenView &v)
{
    if (!v.contains({QStringLiteral("CONCURRENTLY")}))
        return false;
    const auto [kind, name] = createdObject(v);
    return kind == u"INDEX" || v.startsWith({QStringLiteral("DROP"), QStringLiteral("INDEX")}) ||
           v.startsWith({QStringLiteral("REINDEX")}) ||
           (v.startsWith({QStringLiteral("ALTER"), QStringLiteral("TABLE")}) &&
            v.contains({QStringLiteral("DETACH"), QStringLiteral("PARTITION")}));
}

// The DML verb of the statement, past a leading WITH (...) clause: "UPDATE", "DELETE", ...
// and in *from the index after it.
QString dmlVerb(const TokenView &v, qsizetype *from)
{
    qsizetype i = 0;
    if (v.word(0) == u"WITH") {
        int depth = 0;
        for (i = 1; i < v.size(); ++i) {
            const SqlToken &t = v.at(i);
            if (t.isPunctuation(u'('))
                ++depth;
            else if (t.isPunctuation(u')'))
                --depth;
            else if (depth == 0 && (t.isWord(u"UPDATE") || t.isWord(u"DELETE") ||
                                    t.isWord(u"INSERT") || t.isWord(u"SELECT")))
                break;
        }
    }
    *from = i + 1;
    return v.word(i);
}

// A WHERE of the statement itself, not of a subquery.
bool hasTopLevelWhere(const TokenView &v, qsizetype from)
{
    int depth = 0;
    for (qsizetype i = from; i < v.size(); ++i) {
        const SqlToken &t = v.at(i);
        if (t.isPunctuation(u'('))
            ++depth;
        else if (t.isPunctuation(u')'))
            --depth;
        else if (depth == 0 && t.isWord(u"WHERE"))
            return true;
    }
    return false;
}

bool isVolatileFunction(const QString &upper)
{
    static const QStringList names{
        QStringLiteral("RANDOM"),           QStringLiteral("CLOCK_TIMESTAMP"),
        QStringLiteral("GEN_RANDOM_UUID"),  QStringLiteral("UUID_GENERATE_V4"),
        QStringLiteral("UUID_GENERATE_V1"), QStringLiteral("TIMEOFDAY"),
        QStringLiteral("NEXTVAL"),          QStringLiteral("TXID_CURRENT")};
    return names.contains(upper);
}

// The views a statement (re)creates or drops, lower-case.
QStringList viewsMadeOrDropped(const QString &statement, const TokenView &v)
{
    QStringList views;
    if (const QString name = createdViewName(v); !name.isEmpty())
        views << name.toLower();
    for (const StatementEffect &effect : destructiveEffects(statement)) {
        if (effect.kind == StatementEffect::Kind::DropView ||
            effect.kind == StatementEffect::Kind::DropMaterializedView)
            views << effect.object.toLower();
    }
    return views;
}

} // namespace tidemark
