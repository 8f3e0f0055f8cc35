// validate, validate-checksums, fix-checksums, validate-files, fix-files, fix, lock, unlock,
// resolve.
#include "cli/commands.h"
#include "cli/jsonviews.h"
#include "common/invocation.h"
#include "engine/planner.h"

namespace tidemark::cli {

namespace {

const QString Rule = QString(40, u'-');

QString arrowList(const QStringList &items)
{
    QStringList lines;
    for (const QString &item : items)
        lines.append(QStringLiteral("→ ") + item);
    return lines.join(u'\n');
}

QJsonObject checksumJson(const ChecksumReport &report)
{
    QJsonArray changed;
    for (const ChecksumRepair &r : report.changed)
        changed.append(QJsonObject{{QStringLiteral("version"), r.version},
                                   {QStringLiteral("filename"), r.fileName},
                                   {QStringLiteral("applied_checksum"), r.oldChecksum},
                                   {QStringLiteral("file_checksum"), r.newChecksum}});
    return {{QStringLiteral("changed"), changed}, {QStringLiteral("fixed"), report.fixed}};
}

QJsonObject filesJson(const FilesReport &report)
{
    return {
        {QStringLiteral("missing_versions"), QJsonArray::fromStringList(report.missingVersions)},
        {QStringLiteral("missing_repeatables"),
         QJsonArray::fromStringList(report.missingRepeatables)},
        {QStringLiteral("fixed"), report.fixed}};
}

// Prints the checksum audit or repair the way Jetbase does; returns false on error.
bool printChecksums(const CommandContext &context, MigrationService &service, bool fix,
                    QJsonObject *json, Error *error)
{
    Result<ChecksumReport> report = service.checksums(fix);
    if (!report) {
        *error = report.error();
        return false;
    }
    *json = checksumJson(report.value());
    const Output &out = context.out();
    if (!report->anyApplied) {
        out.result(QStringLiteral("No migrations have been applied; nothing to repair."));
    } else if (report->changed.isEmpty()) {
        out.result(QStringLiteral(
            "All migration checksums are valid - no altered upgrade statements detected."));
    } else if (!fix) {
        QStringList versions;
        for (const ChecksumRepair &r : report->changed)
            versions.append(r.version);
        out.result(QStringLiteral("JETBASE - Checksum Audit Report\n%1\nChanges detected in the "
                                  "following migration versions:\n%2")
                       .arg(Rule, arrowList(versions)));
    } else {
        QStringList lines;
        for (const ChecksumRepair &r : report->changed)
            lines.append(QStringLiteral("Repaired checksum for version: %1").arg(r.version));
        lines.append(QStringLiteral("Successfully repaired checksums"));
        out.result(lines.join(u'\n'));
    }
    return true;
}

bool printFiles(const CommandContext &context, MigrationService &service, bool fix,
                QJsonObject *json, Error *error)
{
    Result<FilesReport> report = service.files(fix);
    if (!report) {
        *error = report.error();
        return false;
    }
    *json = filesJson(report.value());
    const Output &out = context.out();
    if (report->isClean()) {
        out.result(fix ? QStringLiteral("No missing migration files.")
                       : QStringLiteral("All migrations have corresponding files."));
    } else if (!fix) {
        out.result(QStringLiteral("The following migration versions are missing their "
                                  "corresponding files:\n") +
                   arrowList(report->missingVersions + report->missingRepeatables));
    } else {
        if (!report->missingVersions.isEmpty())
            out.result(QStringLiteral("Stopped tracking the following missing versions:\n") +
                       arrowList(report->missingVersions));
        if (!report->missingRepeatables.isEmpty())
            out.result(QStringLiteral("Removed the following missing repeatable migrations from "
                                      "the database:\n") +
                       arrowList(report->missingRepeatables));
    }
    return true;
}

using ReportPrinter = bool (*)(const CommandContext &, MigrationService &, bool, QJsonObject *,
                               Error *);

// validate-checksums / fix-checksums and validate-files / fix-files: the audit, and with -f
// (or as the fix-* name) the repair.
int auditCommand(CommandContext &context, bool alwaysFix, const QString &fixSummary,
                 const QString &auditSummary, ReportPrinter print)
{
    QCommandLineParser parser;
    if (!alwaysFix)
        parser.addOption({{QStringLiteral("f"), QStringLiteral("fix")}, fixSummary});
    if (auto code = context.parse(parser, alwaysFix ? fixSummary : auditSummary))
        return *code;
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    QJsonObject json;
    Error error;
    if (!print(context, *service, alwaysFix || parser.isSet(QStringLiteral("fix")), &json, &error))
        return context.fail(error);
    return context.succeed(json);
}

int checksumCommand(CommandContext &context, bool alwaysFix)
{
    return auditCommand(
        context, alwaysFix,
        QStringLiteral("Record the current checksums of changed applied files."),
        QStringLiteral("Report applied files whose checksum changed (exit 0 either way)."),
        printChecksums);
}

int filesCommand(CommandContext &context, bool alwaysFix)
{
    return auditCommand(
        context, alwaysFix, QStringLiteral("Stop tracking applied migrations whose file is gone."),
        QStringLiteral("Report applied migrations whose file is gone (exit 0 either way)."),
        printFiles);
}

} // namespace

int runValidateChecksums(CommandContext &context)
{
    return checksumCommand(context, false);
}
int runFixChecksums(CommandContext &context)
{
    return checksumCommand(context, true);
}
int runValidateFiles(CommandContext &context)
{
    return filesCommand(context, false);
}
int runFixFiles(CommandContext &context)
{
    return filesCommand(context, true);
}

int runFix(CommandContext &context)
{
    QCommandLineParser parser;
    if (auto code = context.parse(parser, QStringLiteral("fix-files, then fix-checksums.")))
        return *code;
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    QJsonObject files, checksums;
    Error error;
    if (!printFiles(context, *service, true, &files, &error) ||
        !printChecksums(context, *service, true, &checksums, &error))
        return context.fail(error);
    context.out().info(QStringLiteral("Fix completed successfully."));
    return context.succeed(
        {{QStringLiteral("files"), files}, {QStringLiteral("checksums"), checksums}});
}

int runValidate(CommandContext &context)
{
    QCommandLineParser parser;
    if (auto code = context.parse(
            parser, QStringLiteral("Check files and applied migrations; exit 1 on any problem.")))
        return *code;
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<QList<ValidationProblem>> problems = service->validate();
    if (!problems)
        return context.fail(problems.error());
    // Legal but probably unintended (a mistyped rollback marker): warnings, not problems.
    QStringList warnings;
    if (Result<std::shared_ptr<const MigrationSet>> files = service->scan()) {
        for (const QList<Migration> *kind :
             {&(*files)->versioned(), &(*files)->runsAlways(), &(*files)->runsOnChange()}) {
            for (const Migration &m : *kind)
                warnings += m.warningLines();
        }
    }
    for (const QString &warning : std::as_const(warnings))
        context.out().warning(QStringLiteral("Warning: ") + warning);
    const QJsonObject json{{QStringLiteral("problems"), toJsonArray(problems.value())},
                           {QStringLiteral("warnings"), QJsonArray::fromStringList(warnings)}};
    if (!problems->isEmpty())
        return context.fail(validationError(problems.value()), json);
    context.out().result(QStringLiteral("Validation passed: file names, versions, applied files "
                                        "and checksums are consistent."));
    return context.succeed(json);
}

int runLock(CommandContext &context)
{
    QCommandLineParser parser;
    if (auto code = context.parse(
            parser, QStringLiteral("Take the migration lock and keep it until \"unlock\".")))
        return *code;
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<QString> id = service->lock();
    if (!id)
        return context.fail(id.error());
    context.out().result(QStringLiteral("Lock acquired (process id %1). Migrations are blocked "
                                        "until \"%2\".")
                             .arg(id.value(), cliCommand(QStringLiteral("unlock"))));
    return context.succeed({{QStringLiteral("process_id"), id.value()}});
}

int runUnlock(CommandContext &context)
{
    QCommandLineParser parser;
    if (auto code =
            context.parse(parser, QStringLiteral("Release the migration lock unconditionally.")))
        return *code;
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    if (Status s = service->unlock(); !s)
        return context.fail(s.error());
    context.out().result(QStringLiteral("Unlock successful."));
    return context.succeed();
}

int runResolve(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("version"),
                                 QStringLiteral("The partly applied file: its version, or its "
                                                "file name for a repeatable."));
    parser.addOption({QStringLiteral("applied"),
                      QStringLiteral("The file's work is complete now (you finished it by hand): "
                                     "record it as a successful run would.")});
    parser.addOption({QStringLiteral("not-applied"),
                      QStringLiteral("The file's work is undone now (you reverted it by hand): "
                                     "leave it pending.")});
    if (auto code = context.parse(parser,
                                  QStringLiteral("Settle a file that ran only in part (see "
                                                 "status), after repairing the database."),
                                  QStringLiteral("VERSION (--applied | --not-applied)")))
        return *code;
    const QStringList positional = parser.positionalArguments();
    const bool applied = parser.isSet(QStringLiteral("applied"));
    const bool notApplied = parser.isSet(QStringLiteral("not-applied"));
    if (positional.size() != 1 || applied == notApplied)
        return context.fail(
            Error::make(Error::Code::Usage,
                        QStringLiteral("resolve takes one version and exactly one of --applied and "
                                       "--not-applied, e.g. \"resolve 12 --applied\".")));
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<FileProgress> resolved = service->resolve(positional.first(), applied);
    if (!resolved)
        return context.fail(resolved.error());
    const bool upgrade = resolved->operation == u"upgrade";
    context.out().result(
        applied ? (upgrade ? QStringLiteral("Resolved %1: recorded as applied.")
                           : QStringLiteral("Resolved %1: its rollback recorded as done; the "
                                            "version is no longer applied."))
                      .arg(resolved->fileName)
                : (upgrade ? QStringLiteral("Resolved %1: left pending; the next upgrade runs it "
                                            "from its first statement.")
                           : QStringLiteral("Resolved %1: the version stays applied."))
                      .arg(resolved->fileName));
    return context.succeed({{QStringLiteral("resolved"), toJson(resolved.value())},
                            {QStringLiteral("applied"), applied}});
}

} // namespace tidemark::cli
