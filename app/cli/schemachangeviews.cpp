#include "cli/schemachangeviews.h"

#include <QJsonObject>

#include "schema/schemamodel.h"

namespace tidemark::cli {

namespace {

QChar marker(SchemaChange::Kind kind)
{
    const QString name = schemaChangeKindName(kind);
    if (name.startsWith(u"add"))
        return u'+';
    if (name.startsWith(u"drop"))
        return u'-';
    return u'~';
}

// What a new table holds (columns, keys, indexes, foreign keys), one line each, so that a
// reviewer sees more than its name; empty for other changes.
QStringList tableDetails(const SchemaChange &change)
{
    if (change.kind != SchemaChange::Kind::AddTable || !change.tableAfter)
        return {};
    Schema one;
    one.tables.append(*change.tableAfter);
    QStringList lines = describeSchema(one).split(u'\n', Qt::SkipEmptyParts);
    lines.removeFirst(); // "table <name>": the change's own line says it
    for (QString &line : lines)
        line = line.trimmed();
    return lines;
}

} // namespace

QStringList changeLines(const QList<SchemaChange> &changes)
{
    QStringList lines;
    for (const SchemaChange &c : changes) {
        lines.append(QStringLiteral("  %1 %2").arg(marker(c.kind)).arg(c.summary()));
        for (const QString &detail : tableDetails(c))
            lines.append(QStringLiteral("      ") + detail);
    }
    return lines;
}

QJsonArray changesJson(const QList<SchemaChange> &changes)
{
    QJsonArray array;
    for (const SchemaChange &c : changes) {
        QJsonObject change{{QStringLiteral("kind"), schemaChangeKindName(c.kind)},
                           {QStringLiteral("table"), c.table},
                           {QStringLiteral("object"), c.object},
                           {QStringLiteral("summary"), c.summary()}};
        if (const QStringList details = tableDetails(c); !details.isEmpty())
            change.insert(QStringLiteral("definition"), QJsonArray::fromStringList(details));
        array.append(change);
    }
    return array;
}

QJsonArray renameCandidatesJson(const QList<RenameCandidate> &candidates)
{
    QJsonArray array;
    for (const RenameCandidate &r : candidates)
        array.append(QJsonObject{{QStringLiteral("table"), r.isTable() ? QString() : r.table},
                                 {QStringLiteral("old_name"), r.oldName},
                                 {QStringLiteral("new_name"), r.newName},
                                 {QStringLiteral("summary"), r.summary()}});
    return array;
}

QString renameCandidateWarning(const RenameCandidate &r)
{
    const QString option = r.isTable() ? QString(r.oldName + u'=' + r.newName)
                                       : QString(r.table + u'.' + r.oldName + u'=' + r.newName);
    return QStringLiteral("Warning: %1; it is shown as a drop and an add, which would lose the "
                          "data. If it is a rename, pass --rename %2.")
        .arg(r.summary(), option);
}

} // namespace tidemark::cli
