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
        {QStringLiteral("models"),
         QStringLiteral("Take the desired schema from the SQLAlchemy models (model_paths, "
                        "JETBASE_MODELS or models/ folders; the default when there are any).")},
    });
    if (auto code = context.parse(parser, QStringLiteral("Show how the database differs from the "
                                                         "desired schema; change nothing.")))
        return *code;
    if (int(parser.isSet(QStringLiteral("schema"))) +
            int(parser.isSet(QStringLiteral("from-url"))) +
            int(parser.isSet(QStringLiteral("models"))) >
        1)
        return context.fail(Error::make(
            Error::Code::Usage,
            QStringLiteral("Give one of --schema, --from-url and --models, not several.")));
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    DiffOptions options;
    options.schemaPath = parser.value(QStringLiteral("schema"));
    options.fromUrl = parser.value(QStringLiteral("from-url"));
    options.fromModels = parser.isSet(QStringLiteral("models"));
    Result<DiffReport> report = diffSchemas(service->project(), options);
    if (!report)
        return context.fail(report.error());

    for (const QString &note : report->notes)
        context.out().info(note);
    if (report->diff.isEmpty()) {
        context.out().result(QStringLiteral("No changes detected."));
    } else {
        QStringList lines{QStringLiteral("Changes to reach %1:").arg(report->source)};
        for (const SchemaChange &c : report->diff.changes) {
            lines.append(QStringLiteral("  %1 %2").arg(marker(c.kind)).arg(c.summary()));
            for (const QString &detail : tableDetails(c))
                lines.append(QStringLiteral("      ") + detail);
        }
        context.out().result(lines.join(u'\n'));
    }
    for (const RenameCandidate &r : report->diff.renameCandidates)
        context.out().warning(QStringLiteral("Warning: ") + r.summary() +
                              QStringLiteral("; it is shown as a drop and an add, which "
                                             "would lose the data."));
    if (!context.out().json())
        return 0;
    QJsonArray changes, renames;
    for (const SchemaChange &c : report->diff.changes) {
        QJsonObject change{{QStringLiteral("kind"), schemaChangeKindName(c.kind)},
                           {QStringLiteral("table"), c.table},
                           {QStringLiteral("object"), c.object},
                           {QStringLiteral("summary"), c.summary()}};
        if (const QStringList details = tableDetails(c); !details.isEmpty())
            change.insert(QStringLiteral("definition"), QJsonArray::fromStringList(details));
        changes.append(change);
    }
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
