// diff: the differences between the live schema and the desired one, without writing anything.
#include "cli/commands.h"
#include "engine/schemadiff.h"

#include <QJsonArray>

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

} // namespace

int runDiff(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addOptions({
        {QStringLiteral("schema"),
         QStringLiteral("The desired schema: a .sql file or a folder of them (default: "
                        "jetbase/schema.sql)."),
         QStringLiteral("PATH")},
        {QStringLiteral("from-url"), QStringLiteral("Take the desired schema from this database."),
         QStringLiteral("URL")},
    });
    if (auto code = context.parse(parser, QStringLiteral("Show how the database differs from the "
                                                         "desired schema; change nothing.")))
        return *code;
    if (parser.isSet(QStringLiteral("schema")) && parser.isSet(QStringLiteral("from-url")))
        return context.fail(Error::make(
            Error::Code::Usage, QStringLiteral("Give either --schema or --from-url, not both.")));
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    DiffOptions options;
    options.schemaPath = parser.value(QStringLiteral("schema"));
    options.fromUrl = parser.value(QStringLiteral("from-url"));
    Result<DiffReport> report = diffSchemas(service->project(), options);
    if (!report)
        return context.fail(report.error());

    for (const QString &note : report->notes)
        context.out().info(note);
    if (report->diff.isEmpty()) {
        context.out().result(QStringLiteral("No changes detected."));
    } else {
        QStringList lines{QStringLiteral("Changes to reach %1:").arg(report->source)};
        for (const SchemaChange &c : report->diff.changes)
            lines.append(QStringLiteral("  %1 %2").arg(marker(c.kind)).arg(c.summary()));
        context.out().result(lines.join(u'\n'));
    }
    for (const RenameCandidate &r : report->diff.renameCandidates)
        context.out().warning(QStringLiteral("Warning: ") + r.summary() +
                              QStringLiteral("; it is shown as a drop and an add, which "
                                             "would lose the data."));
    if (!context.out().json())
        return 0;
    QJsonArray changes, renames;
    for (const SchemaChange &c : report->diff.changes)
        changes.append(QJsonObject{{QStringLiteral("kind"), schemaChangeKindName(c.kind)},
                                   {QStringLiteral("table"), c.table},
                                   {QStringLiteral("object"), c.object},
                                   {QStringLiteral("summary"), c.summary()}});
    for (const RenameCandidate &r : report->diff.renameCandidates)
        renames.append(QJsonObject{{QStringLiteral("table"), r.isTable() ? QString() : r.table},
                                   {QStringLiteral("old_name"), r.oldName},
                                   {QStringLiteral("new_name"), r.newName},
                                   {QStringLiteral("summary"), r.summary()}});
    return context.succeed({{QStringLiteral("source"), report->source},
                            {QStringLiteral("changes"), changes},
                            {QStringLiteral("rename_candidates"), renames},
                            {QStringLiteral("notes"), QJsonArray::fromStringList(report->notes)}});
}

} // namespace tidemark::cli
