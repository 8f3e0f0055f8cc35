#include "preflight/viewuses.h"

#include "db/connection.h"
#include "preflight/statementshapes.h"

#include <QHash>
#include <QSqlQuery>

namespace tidemark {

namespace {

// Words that end a FROM item's alias.
bool endsFromItem(const QString &upper)
{
    static const QSet<QString> words{
        QStringLiteral("WHERE"),   QStringLiteral("JOIN"),          QStringLiteral("ON"),
        QStringLiteral("USING"),   QStringLiteral("GROUP"),         QStringLiteral("ORDER"),
        QStringLiteral("HAVING"),  QStringLiteral("LIMIT"),         QStringLiteral("UNION"),
        QStringLiteral("EXCEPT"),  QStringLiteral("INTERSECT"),     QStringLiteral("WINDOW"),
        QStringLiteral("LEFT"),    QStringLiteral("RIGHT"),         QStringLiteral("INNER"),
        QStringLiteral("OUTER"),   QStringLiteral("FULL"),          QStringLiteral("CROSS"),
        QStringLiteral("NATURAL"), QStringLiteral("STRAIGHT_JOIN"), QStringLiteral("WITH")};
    return words.contains(upper);
}

} // namespace

QString createdViewName(const TokenView &v)
{
    if (v.word(0) != u"CREATE")
        return {};
    static const QSet<QString> otherKinds{
        QStringLiteral("TABLE"),    QStringLiteral("INDEX"),     QStringLiteral("TRIGGER"),
        QStringLiteral("FUNCTION"), QStringLiteral("PROCEDURE"), QStringLiteral("SEQUENCE"),
        QStringLiteral("SCHEMA"),   QStringLiteral("DATABASE"),  QStringLiteral("TYPE"),
        QStringLiteral("EVENT"),    QStringLiteral("ROLE"),      QStringLiteral("USER")};
    for (qsizetype i = 1; i < v.size(); ++i) {
        if (v.at(i).isPunctuation(u'(') || otherKinds.contains(v.word(i)))
            return {};
        if (v.word(i) != u"VIEW")
            continue;
        qsizetype at = i + 1;
        if (v.wordsAt(at, {QStringLiteral("IF"), QStringLiteral("NOT"), QStringLiteral("EXISTS")}))
            at += 3;
        return v.nameAt(at);
    }
    return {};
}

QList<ViewUse> viewUsesOf(const TokenView &v, const QString &view)
{
    if (v.size() == 0)
        return {}; // an empty definition: MariaDB shows none without SHOW VIEW
    QString name = view;
    qsizetype start = 0;
    if (v.word(0) == u"CREATE") {
        name = createdViewName(v);
        if (name.isEmpty())
            return {};
        start = v.find({QStringLiteral("AS")});
        if (start < 0)
            return {};
    } else if (v.word(0) != u"SELECT" && v.word(0) != u"WITH" && !v.at(0).isPunctuation(u'(')) {
        return {};
    }
    QSet<QString> names;
    QStringList tables;
    for (qsizetype i = start; i < v.size(); ++i) {
        if (v.at(i).isName())
            names.insert(v.at(i).text.toLower());
        if (v.word(i) != u"FROM" && v.word(i) != u"JOIN" && v.word(i) != u"STRAIGHT_JOIN")
            continue;
        // FROM a [AS] x, b y JOIN c ...
        qsizetype next = i + 1;
        for (;;) {
            const QString table = v.nameAt(next, &next);
            if (table.isEmpty())
                break;
            tables << table.toLower();
            if (v.word(next) == u"AS")
                ++next;
            if (next < v.size() && v.at(next).isName() && !endsFromItem(v.word(next)))
                ++next;
            if (next >= v.size() || !v.at(next).isPunctuation(u','))
                break;
            ++next;
        }
    }
    tables.removeDuplicates();
    QList<ViewUse> uses;
    for (const QString &table : std::as_const(tables))
        uses.append({name, table, names});
    return uses;
}

QList<TableRename> renamesOf(const TokenView &v)
{
    QList<TableRename> renames;
    if (v.startsWith({QStringLiteral("RENAME"), QStringLiteral("TABLE")})) {
        for (qsizetype i = 2;;) {
            const QString from = v.nameAt(i, &i);
            if (from.isEmpty() || v.word(i) != u"TO")
                break;
            const QString to = v.nameAt(i + 1, &i);
            renames.append({from, QString(), to});
            if (i >= v.size() || !v.at(i).isPunctuation(u','))
                break;
            ++i;
        }
        return renames;
    }
    qsizetype i = 0;
    const QString table = alteredTable(v, &i);
    if (table.isEmpty())
        return {};
    const auto nameText = [&v](qsizetype at) {
        return at < v.size() && v.at(at).isName() ? v.at(at).text : QString();
    };
    // One clause after another, separated by top-level commas.
    int depth = 0;
    bool clauseStart = true;
    for (; i < v.size(); ++i) {
        const SqlToken &t = v.at(i);
        if (t.isPunctuation(u'(')) {
            ++depth;
        } else if (t.isPunctuation(u')')) {
            --depth;
        } else if (depth == 0 && t.isPunctuation(u',')) {
            clauseStart = true;
            continue;
        }
        if (!clauseStart || depth != 0)
            continue;
        clauseStart = false;
        if (v.word(i) == u"RENAME") {
            if (v.word(i + 1) == u"TO" || v.word(i + 1) == u"AS") {
                renames.append({table, QString(), v.nameAt(i + 2)});
                continue;
            }
            qsizetype c = i + 1;
            if (v.word(c) == u"COLUMN")
                ++c;
            else if (v.word(c) == u"INDEX" || v.word(c) == u"KEY" || v.word(c) == u"CONSTRAINT")
                continue;
            if (!nameText(c).isEmpty() && v.word(c + 1) == u"TO" && !nameText(c + 2).isEmpty())
                renames.append({table, nameText(c), nameText(c + 2)});
        } else if (v.word(i) == u"CHANGE") {
            qsizetype c = i + 1;
            if (v.word(c) == u"COLUMN")
                ++c;
            const QString from = nameText(c);
            const QString to = nameText(c + 1);
            if (!from.isEmpty() && !to.isEmpty() && from.compare(to, Qt::CaseInsensitive) != 0)
                renames.append({table, from, to});
        }
    }
    return renames;
}

Result<QList<ViewUse>> readViewUses(Connection &connection)
{
    const QString sql = connection.dialect().viewUsesSql();
    if (sql.isEmpty())
        return QList<ViewUse>();
    Result<QSqlQuery> query = connection.exec(sql);
    if (!query)
        return query.error();
    QList<ViewUse> uses;
    QHash<std::pair<QString, QString>, qsizetype> byViewAndTable;
    const SqlDialect dialect = connection.spec().dialect;
    while (query->next()) {
        const QString view = query->value(0).toString();
        if (query->value(1).isNull()) {
            const QList<SqlToken> tokens = tokenizeStatement(query->value(3).toString(), dialect);
            uses += viewUsesOf(TokenView(tokens), view);
            continue;
        }
        const std::pair key{view, query->value(1).toString().toLower()};
        if (!byViewAndTable.contains(key)) {
            byViewAndTable.insert(key, uses.size());
            uses.append({view, key.second, {}});
        }
        if (!query->value(2).isNull())
            uses[byViewAndTable.value(key)].columns.insert(query->value(2).toString().toLower());
    }
    return uses;
}

} // namespace tidemark
