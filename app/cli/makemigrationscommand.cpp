// make-migrations: writes a migration that brings the database to the desired schema.
#include "cli/commands.h"
#include "cli/schemachangeviews.h"
#include "cli/schemasourceoptions.h"
#include "engine/migrationgenerator.h"

#include <QDir>
#include <QJsonArray>

#include <optional>

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
        {QStringLiteral("from-drift"),
         QStringLiteral("Write what was changed in the database by hand (see drift) as a "
                        "migration, recorded as applied: the database already has it.")},
        {QStringLiteral("undo-drift"),
         QStringLiteral("Write a migration that removes what was changed by hand (see drift); "
                        "upgrade runs it.")},
    });
    if (auto code = context.parse(parser, QStringLiteral("Write a migration that brings the "
                                                         "database to the desired schema.")))
        return *code;
    GenerateOptions options;
    if (Status s = readSchemaSource(parser, &options.source); !s)
        return context.fail(s.error());
    options.source.cancel = interruptFlag(); // Ctrl+C stops the load and drops the scratch space
    options.renames = parser.values(QStringLiteral("rename"));
    options.allowPending = parser.isSet(QStringLiteral("allow-pending"));
    const bool undoDrift = parser.isSet(QStringLiteral("undo-drift"));
    const bool fromDrift = parser.isSet(QStringLiteral("from-drift")) || undoDrift;
    if (undoDrift && parser.isSet(QStringLiteral("from-drift")))
        return context.fail(Error::make(
            Error::Code::Usage, QStringLiteral("Give --from-drift or --undo-drift, not both.")));
    if (fromDrift && parser.isSet(QStringLiteral("allow-pending")))
        return context.fail(Error::make(
            Error::Code::Usage,
            QStringLiteral("--from-drift and --undo-drift cannot be combined with "
                           "--allow-pending: the recorded file would sort after the pending "
                           "ones, which upgrade would then skip."),
            QStringLiteral("Upgrade the pending migrations first.")));
    options.fromDrift = fromDrift;
    if (fromDrift)
        options.description = QStringLiteral("record_drift");
    if (parser.isSet(QStringLiteral("description")) && !undoDrift)
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
    // --undo-drift's second file, made before anything is written so --strict sees its losses.
    std::optional<GeneratedMigration> undo;
    if (undoDrift) {
        Result<GeneratedMigration> made = undoMigration(service->project(), m);
        if (!made)
            return context.fail(made.error(), fields);
        undo = std::move(made).value();
    }
    const QList<DataLossWarning> &losses = undo ? undo->warnings : m.warnings;
    for (const DataLossWarning &w : losses)
        context.out().warning(QStringLiteral("Warning: ") + w.message);
    if (parser.isSet(QStringLiteral("strict")) && !losses.isEmpty()) {
        Error e = Error::make(
            Error::Code::Validation,
            QStringLiteral("%1 change(s) would lose data; nothing was written (--strict).")
                .arg(losses.size()),
            QStringLiteral("Review the warnings; run without --strict to write the migration "
                           "anyway."));
        return context.fail(e, fields);
    }
    // The last moment a Ctrl+C can still keep the file from being written.
    if (interruptFlag()->load())
        return context.fail(Error::make(Error::Code::Cancelled,
                                        QStringLiteral("Stopped by the user before the migration "
                                                       "was written; nothing was written.")),
                            fields);
    Result<QString> path = saveGeneratedMigration(service->project(), m);
    if (!path)
        return context.fail(path.error(), fields);
    const QString shown = QDir::current().relativeFilePath(path.value());
    if (fromDrift) {
        // The database already has these changes: the file joins its history without running.
        if (Status s = service->recordAsApplied(
                m.fileName, QStringLiteral("make-migrations --from-drift: the changes were made "
                                           "by hand; recorded without running"));
            !s) {
            Error e = s.error();
            e.message = QStringLiteral("Wrote %1 but could not record it as applied: %2")
                            .arg(shown, e.message);
            e.hint = QStringLiteral("Remove the file, or keep it and do not upgrade it: the "
                                    "database already has its changes.");
            return context.fail(e, fields);
        }
        fields.insert(QStringLiteral("recorded_as_applied"), true);
    }
    const QStringList lines = QStringList{QStringLiteral("Created %1 with %2 change(s) from %3:")
                                              .arg(shown)
                                              .arg(m.report.diff.changes.size())
                                              .arg(m.report.source)} +
                              changeLines(m.report.diff.changes);
    context.out().result(lines.join(u'\n'));
    if (fromDrift)
        context.out().info(QStringLiteral("Recorded %1 as applied without running it: the "
                                          "database already has these changes.")
                               .arg(m.fileName));
    if (undo) {
        // The drift is now history; the undo is a normal pending migration after it, so a
        // replay of the history (drift, rehearse) runs both and stays consistent.
        Result<QString> undoPath = saveGeneratedMigration(service->project(), undo.value());
        if (!undoPath)
            return context.fail(undoPath.error(), fields);
        const QString undoShown = QDir::current().relativeFilePath(undoPath.value());
        context.out().result(
            (QStringList{QStringLiteral("Created %1 (pending) that undoes it:").arg(undoShown)} +
             changeLines(undo->report.diff.changes))
                .join(u'\n'));
        context.out().info(QStringLiteral("Run upgrade to remove the drift from the database."));
        fields.insert(QStringLiteral("undo_file"), undoPath.value());
        fields.insert(QStringLiteral("undo_version"), undo->version);
    }
    fields.insert(QStringLiteral("file"), path.value());
    fields.insert(QStringLiteral("version"), m.version);
    fields.insert(QStringLiteral("upgrade"), QJsonArray::fromStringList(m.sql.upgrade));
    fields.insert(QStringLiteral("rollback"), QJsonArray::fromStringList(m.sql.rollback));
    return context.succeed(fields);
}

} // namespace tidemark::cli
