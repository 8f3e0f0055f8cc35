// make-migrations: writes a migration that brings the database to the desired schema.
#include "cli/commands.h"
#include "cli/schemachangeviews.h"
#include "cli/schemasourceoptions.h"
#include "engine/migrationgenerator.h"

#include <QDir>
#include <QJsonArray>

namespace tidemark::cli {

namespace {

QJsonArray warningsJson(const GeneratedMigration &m)
{
    QJsonArray array;
    for (const DataLossWarning &w : m.warnings) {
        const SchemaChange &c = m.report.diff.changes.at(w.changeIndex);
        array.append(QJsonObject{{QStringLiteral("kind"), schemaChangeKindName(c.kind)},
                                 {QStringLiteral("table"), c.table},
                                 {QStringLiteral("object"), c.object},
                                 {QStringLiteral("count"), double(w.count)},
                                 {QStringLiteral("message"), w.message}});
    }
    return array;
}

} // namespace

int runMakeMigrations(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addOptions(schemaSourceOptions());
    parser.addOptions({
        {{QStringLiteral("d"), QStringLiteral("description")},
         QStringLiteral("The file's description (default: auto_generated)."),
         QStringLiteral("TEXT")},
        {QStringLiteral("rename"),
         QStringLiteral("Treat a rename candidate as a rename: TABLE.OLD=NEW for a column, "
                        "OLD=NEW for a table. Repeatable."),
         QStringLiteral("FROM=TO")},
        {QStringLiteral("strict"),
         QStringLiteral("Exit 1 and write nothing when a change would lose data (for CI).")},
        {QStringLiteral("allow-pending"),
         QStringLiteral("Compare even when versioned migrations are not applied yet.")},
    });
    if (auto code = context.parse(parser, QStringLiteral("Write a migration that brings the "
                                                         "database to the desired schema.")))
        return *code;
    GenerateOptions options;
    if (Status s = readSchemaSource(parser, &options.source); !s)
        return context.fail(s.error());
    options.renames = parser.values(QStringLiteral("rename"));
    options.allowPending = parser.isSet(QStringLiteral("allow-pending"));
    if (parser.isSet(QStringLiteral("description")))
        options.description = parser.value(QStringLiteral("description"));
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<GeneratedMigration> generated = generateMigration(service->project(), options);
    if (!generated)
        return context.fail(generated.error());
    const GeneratedMigration &m = generated.value();

    for (const QString &note : m.report.notes)
        context.out().info(note);
    for (const RenameCandidate &r : m.report.diff.renameCandidates)
        context.out().warning(renameCandidateWarning(r));
    QJsonObject fields{
        {QStringLiteral("source"), m.report.source},
        {QStringLiteral("changes"), changesJson(m.report.diff.changes)},
        {QStringLiteral("rename_candidates"), renameCandidatesJson(m.report.diff.renameCandidates)},
        {QStringLiteral("warnings"), warningsJson(m)},
        {QStringLiteral("notes"), QJsonArray::fromStringList(m.report.notes + m.sql.notes)},
    };
    if (m.isEmpty()) {
        context.out().result(QStringLiteral("No changes detected."));
        fields.insert(QStringLiteral("file"), QJsonValue());
        return context.succeed(fields);
    }
    for (const DataLossWarning &w : m.warnings)
        context.out().warning(QStringLiteral("Warning: ") + w.message);
    if (parser.isSet(QStringLiteral("strict")) && !m.warnings.isEmpty()) {
        Error e = Error::make(
            Error::Code::Validation,
            QStringLiteral("%1 change(s) would lose data; nothing was written (--strict).")
                .arg(m.warnings.size()),
            QStringLiteral("Review the warnings; run without --strict to write the migration "
                           "anyway."));
        return context.fail(e, fields);
    }
    Result<QString> path = saveGeneratedMigration(service->project(), m);
    if (!path)
        return context.fail(path.error(), fields);
    const QString shown = QDir::current().relativeFilePath(path.value());
    const QStringList lines = QStringList{QStringLiteral("Created %1 with %2 change(s) from %3:")
                                              .arg(shown)
                                              .arg(m.report.diff.changes.size())
                                              .arg(m.report.source)} +
                              changeLines(m.report.diff.changes);
    context.out().result(lines.join(u'\n'));
    fields.insert(QStringLiteral("file"), path.value());
    fields.insert(QStringLiteral("version"), m.version);
    fields.insert(QStringLiteral("upgrade"), QJsonArray::fromStringList(m.sql.upgrade));
    fields.insert(QStringLiteral("rollback"), QJsonArray::fromStringList(m.sql.rollback));
    return context.succeed(fields);
}

} // namespace tidemark::cli
