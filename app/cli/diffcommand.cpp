// diff: the differences between the live schema and the desired one, without writing anything.
#include "cli/commands.h"
#include "cli/schemachangeviews.h"
#include "cli/schemasourceoptions.h"
#include "engine/schemadiff.h"

#include <QJsonArray>

namespace tidemark::cli {

int runDiff(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addOptions(schemaSourceOptions());
    if (auto code = context.parse(parser, QStringLiteral("Show how the database differs from the "
                                                         "desired schema; change nothing.")))
        return *code;
    DiffOptions options;
    if (Status s = readSchemaSource(parser, &options); !s)
        return context.fail(s.error());
    options.cancel = interruptFlag(); // Ctrl+C stops the load and drops the scratch space
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<DiffReport> report = diffSchemas(service->project(), options);
    if (!report)
        return context.fail(report.error());

    for (const QString &note : report->notes)
        context.out().info(note);
    if (report->diff.isEmpty()) {
        context.out().result(QStringLiteral("No changes detected."));
    } else {
        const QStringList lines =
            QStringList{QStringLiteral("Changes to reach %1:").arg(report->source)} +
            changeLines(report->diff.changes);
        context.out().result(lines.join(u'\n'));
    }
    for (const RenameCandidate &r : report->diff.renameCandidates)
        context.out().warning(renameCandidateWarning(r));
    if (!context.out().json())
        return 0;
    return context.succeed(
        {{QStringLiteral("source"), report->source},
         {QStringLiteral("changes"), changesJson(report->diff.changes)},
         {QStringLiteral("rename_candidates"), renameCandidatesJson(report->diff.renameCandidates)},
         {QStringLiteral("notes"), QJsonArray::fromStringList(report->notes)}});
}

} // namespace tidemark::cli
