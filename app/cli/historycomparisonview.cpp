// status --compare-url: the project's database and another one, migration by migration.
#include "cli/historycomparisonview.h"

#include "cli/terminaltable.h"
#include "engine/historycomparison.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tidemark::cli {

namespace {

using State = HistoryComparisonRow::State;

QString sideCell(const QString &appliedAt, State state)
{
    if (appliedAt.isEmpty())
        return QStringLiteral("-");
    return state == State::ChecksumDiffers ? QStringLiteral("applied, other checksum")
                                           : QStringLiteral("applied");
}

QJsonValue sideJson(const QString &checksum, const QString &appliedAt)
{
    if (appliedAt.isEmpty())
        return QJsonValue::Null;
    return QJsonObject{{QStringLiteral("checksum"), checksum},
                       {QStringLiteral("applied_at"), appliedAt}};
}

} // namespace

int runStatusComparison(CommandContext &context, const MigrationService &service,
                        const QString &otherUrl)
{
    Result<HistoryComparison> comparison = compareHistories(service.project(), otherUrl);
    if (!comparison)
        return context.fail(comparison.error());

    TerminalTable table(QStringLiteral("History Comparison"),
                        {QStringLiteral("Version"), QStringLiteral("Description"),
                         QStringLiteral("Here"), QStringLiteral("There")});
    for (const HistoryComparisonRow &row : comparison->rows) {
        table.addRow(
            {row.kind == MigrationKind::Versioned ? row.version : migrationTypeName(row.kind),
             row.description, sideCell(row.appliedAtHere, row.state),
             sideCell(row.appliedAtThere, row.state)});
    }
    QStringList lines{QStringLiteral("Here:  %1").arg(comparison->hereUrl),
                      QStringLiteral("There: %1").arg(comparison->thereUrl)};
    if (!comparison->tableHere)
        lines.append(QStringLiteral("Here no migrations have been applied."));
    if (!comparison->tableThere)
        lines.append(QStringLiteral("There no migrations have been applied."));
    lines.append(table.render());
    const qsizetype differing = comparison->differing();
    lines.append(differing == 0
                     ? QStringLiteral("Both databases have applied the same migrations.")
                     : QStringLiteral("%1 of %2 migration(s) differ. For the schema itself: "
                                      "diff --from-url, or make-migrations --from-url for the "
                                      "catch-up migration.")
                           .arg(differing)
                           .arg(comparison->rows.size()));
    context.out().result(lines.join(u'\n'));
    if (!context.out().json())
        return 0;
    QJsonArray rows;
    for (const HistoryComparisonRow &row : comparison->rows) {
        rows.append(QJsonObject{
            {QStringLiteral("state"), historyStateName(row.state)},
            {QStringLiteral("kind"), migrationTypeName(row.kind)},
            {QStringLiteral("version"),
             row.version.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.version)},
            {QStringLiteral("description"), row.description},
            {QStringLiteral("file_name"), row.fileName},
            {QStringLiteral("here"), sideJson(row.checksumHere, row.appliedAtHere)},
            {QStringLiteral("there"), sideJson(row.checksumThere, row.appliedAtThere)}});
    }
    return context.succeed({{QStringLiteral("url"), comparison->hereUrl},
                            {QStringLiteral("compare_url"), comparison->thereUrl},
                            {QStringLiteral("differing"), differing},
                            {QStringLiteral("rows"), rows}});
}

} // namespace tidemark::cli
