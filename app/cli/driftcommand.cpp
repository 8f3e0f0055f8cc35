// drift: what was changed in the database by hand, compared with what its history makes.
#include "cli/commands.h"
#include "cli/schemachangeviews.h"
#include "engine/drift.h"

#include <QJsonArray>

namespace tidemark::cli {

int runDrift(CommandContext &context)
{
    QCommandLineParser parser;
    if (auto code = context.parse(
            parser, QStringLiteral("Replay the applied migrations into a throwaway database and "
                                   "compare its schema with the live one: what was changed by "
                                   "hand. Exit 1 on drift; the database is only read.")))
        return *code;
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<DriftReport> report = detectDrift(service->project(), interruptFlag());
    if (!report)
        return context.fail(report.error());
    if (!report->droppedNote.isEmpty())
        context.out().info(report->droppedNote);
    for (const QString &note : report->notes)
        context.out().warning(QStringLiteral("Note: ") + note);
    const QJsonObject json{{QStringLiteral("drift"), report->drifted()},
                           {QStringLiteral("replayed_files"), report->replayedFiles},
                           {QStringLiteral("base"), report->base},
                           {QStringLiteral("notes"), QJsonArray::fromStringList(report->notes)},
                           {QStringLiteral("changes"), changesJson(report->diff.changes)}};
    if (!report->drifted()) {
        context.out().result(
            QStringLiteral("No drift: the schema is what the %1 applied migration file(s) make.")
                .arg(report->replayedFiles));
        return context.succeed(json);
    }
    const QStringList lines =
        QStringList{QStringLiteral("Drift: the database differs from what its %1 applied "
                                   "migration file(s) make. Changed by hand, as changes from "
                                   "the history's schema to the live one:")
                        .arg(report->replayedFiles)} +
        changeLines(report->diff.changes);
    context.out().result(lines.join(u'\n'));
    return context.fail(
        Error::make(
            Error::Code::Validation,
            QStringLiteral("Drift found: %1 difference(s).").arg(report->diff.changes.size()),
            QStringLiteral("Put the change into a migration, or undo it by hand.")),
        json);
}

} // namespace tidemark::cli
