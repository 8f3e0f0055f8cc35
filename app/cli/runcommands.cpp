// upgrade and rollback: progress on stderr, the dry-run preview on stdout.
#include "cli/commands.h"
#include "cli/jsonviews.h"

#include <csignal>

namespace tidemark::cli {

namespace {

std::atomic_bool g_interrupted{false};

// The first signal asks the command to stop; a second one ends the process as the signal
// would, for a stop that itself hangs (atomic exchange, signal and raise are
// async-signal-safe).
extern "C" void onInterrupt(int signal)
{
    if (g_interrupted.exchange(true)) {
        std::signal(signal, SIG_DFL);
        std::raise(signal);
    }
}

const QString Rule = QString(40, u'-');

QString dryRunPreview(const Plan &plan)
{
    // Tidemark's own heading; the per-file "SQL Preview for" lines keep Jetbase's format.
    const qsizetype count = plan.files.size();
    QString text =
        QStringLiteral("\nTidemark dry run: the SQL that %1 would run, file by file (%2 %3).\n"
                       "Nothing is executed; the database is not changed.\n")
            .arg(plan.direction == Direction::Upgrade ? QStringLiteral("upgrade")
                                                      : QStringLiteral("rollback"))
            .arg(count)
            .arg(count == 1 ? QStringLiteral("file") : QStringLiteral("files")) +
        Rule + u"\n\n";
    for (const PlannedFile &file : plan.files) {
        const qsizetype n = file.statements.size();
        text += QStringLiteral("\nSQL Preview for %1 (%2 %3)\n\n")
                    .arg(file.fileName)
                    .arg(n)
                    .arg(n == 1 ? QStringLiteral("statement") : QStringLiteral("statements"));
        for (const SqlStatement &s : file.statements)
            text += s.text + u"\n\n";
        text += Rule + u"\n";
    }
    return text;
}

QJsonObject outcomeJson(const RunOutcome &outcome)
{
    QJsonArray files;
    for (const PlannedFile &file : outcome.plan.files)
        files.append(toJson(file));
    QJsonObject o{
        {QStringLiteral("dry_run"), outcome.dryRun},
        {QStringLiteral("files"), files},
        {QStringLiteral("completed"), QJsonArray::fromStringList(outcome.run.completedFiles)},
        {QStringLiteral("batch_id"), nullable(outcome.run.batchId)}};
    if (!outcome.run.ok()) {
        o.insert(QStringLiteral("failed_file"), outcome.run.failedFile);
        QJsonArray inEffect;
        for (const SqlStatement &s : outcome.run.statementsInEffect)
            inEffect.append(
                QJsonObject{{QStringLiteral("line"), s.line}, {QStringLiteral("sql"), s.text}});
        o.insert(QStringLiteral("statements_in_effect"), inEffect);
    }
    return o;
}

// Reports a run that stopped early: the error, and on databases that commit DDL implicitly what
// of the failed file is still in place.
int reportFailedRun(const CommandContext &context, const RunOutcome &outcome)
{
    Error error = outcome.run.error;
    if (!outcome.run.statementsInEffect.isEmpty()) {
        QStringList lines;
        for (const SqlStatement &s : outcome.run.statementsInEffect)
            lines.append(QStringLiteral("  line %1: %2").arg(s.line).arg(s.text.left(200)));
        const QString why = outcome.run.failedFileRanWithoutTransaction
                                ? QStringLiteral("The file runs without a transaction")
                                : QStringLiteral("This database commits DDL implicitly");
        error.hint = QStringLiteral("%1: these %2 statement(s) of %3 had already taken effect "
                                    "and were NOT rolled back:\n%4\n")
                         .arg(why)
                         .arg(outcome.run.statementsInEffect.size())
                         .arg(outcome.run.failedFile, lines.join(u'\n')) +
                     error.hint;
    } else if (error.code == Error::Code::Database) {
        error.hint = QStringLiteral("The file's changes were rolled back and it was not recorded; "
                                    "earlier files of this run stay applied.");
    }
    return context.fail(error, outcomeJson(outcome));
}

// Prints Jetbase's progress lines as the run goes, so a long run shows where it is.
void attachProgress(const CommandContext &context, MigrationService &service, bool upgrade)
{
    service.setCancelFlag(interruptFlag());
    service.setEventSink([&context, upgrade](const RunEvent &event) {
        const Output &out = context.out();
        switch (event.type) {
        case RunEvent::Type::FileStarted:
            for (const QString &warning : event.warnings)
                out.warning(QStringLiteral("Warning: ") + warning);
            if (event.fileIndex == 0)
                out.info(upgrade ? QStringLiteral("Starting migrations...")
                                 : QStringLiteral("Starting rollback..."));
            break;
        case RunEvent::Type::FileSucceeded:
            if (event.forgotOnly)
                out.info(QStringLiteral("Forgot the record of %1 without running SQL (it has no "
                                        "rollback section; its changes stay).")
                             .arg(event.fileName));
            else
                out.info((upgrade ? QStringLiteral("Migration applied successfully: %1")
                                  : QStringLiteral("Rollback applied successfully: %1"))
                             .arg(event.fileName));
            break;
        default:
            break;
        }
    });
}

Error badCount(int count)
{
    return Error::make(Error::Code::Usage,
                       QStringLiteral("--count must be a positive integer (got %1).").arg(count));
}

// The end of upgrade and rollback: the dry-run preview, "nothing to do", a failed run, or
// success, on stdout/stderr and in JSON.
int reportOutcome(const CommandContext &context, const Result<RunOutcome> &outcome,
                  const QString &nothingToDo, const QString &done)
{
    if (!outcome)
        return context.fail(outcome.error());
    if (outcome->dryRun) {
        for (const PlannedFile &file : outcome->plan.files) {
            for (const QString &warning : file.migration->warningLines())
                context.out().warning(QStringLiteral("Warning: ") + warning);
        }
        context.out().result(dryRunPreview(outcome->plan));
        return context.succeed(outcomeJson(outcome.value()));
    }
    if (outcome->plan.isEmpty()) {
        context.out().info(nothingToDo);
        return context.succeed(outcomeJson(outcome.value()));
    }
    if (!outcome->run.ok())
        return reportFailedRun(context, outcome.value());
    context.out().info(done);
    return context.succeed(outcomeJson(outcome.value()));
}

} // namespace

const std::atomic_bool *interruptFlag()
{
    return &g_interrupted;
}

void installInterruptHandler()
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

int runUpgrade(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addOptions({
        {{QStringLiteral("c"), QStringLiteral("count")},
         QStringLiteral("Apply only the next N versioned migrations."),
         QStringLiteral("N")},
        {{QStringLiteral("t"), QStringLiteral("to-version")},
         QStringLiteral("Apply pending versions up to and including VERSION."),
         QStringLiteral("VERSION")},
        {{QStringLiteral("d"), QStringLiteral("dry-run")},
         QStringLiteral("Print the SQL that would run; change nothing.")},
        {QStringLiteral("skip-validation"),
         QStringLiteral("Skip all checks of applied migrations.")},
        {QStringLiteral("skip-checksum-validation"),
         QStringLiteral("Do not check for changed applied files.")},
        {QStringLiteral("skip-file-validation"),
         QStringLiteral("Do not check for missing or out-of-order files.")},
        {QStringLiteral("no-check"),
         QStringLiteral("Run even when `check` finds error-level problems in the files.")},
    });
    if (auto code = context.parse(parser, QStringLiteral("Apply pending migrations.")))
        return *code;
    int exitCode = 0;
    UpgradeOptions options;
    options.count = context.intOption(parser, QStringLiteral("count"), &exitCode);
    if (exitCode)
        return exitCode;
    options.toVersion = parser.value(QStringLiteral("to-version"));
    options.skipValidation = parser.isSet(QStringLiteral("skip-validation"));
    options.skipChecksumValidation = parser.isSet(QStringLiteral("skip-checksum-validation"));
    options.skipFileValidation = parser.isSet(QStringLiteral("skip-file-validation"));
    options.skipCheck = parser.isSet(QStringLiteral("no-check"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (options.count && *options.count < 1)
        return context.fail(badCount(*options.count));
    if (options.count && !options.toVersion.isEmpty())
        return context.fail(Error::make(
            Error::Code::Usage,
            QStringLiteral("Cannot specify both --count and --to-version for upgrade.")));

    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    attachProgress(context, *service, true);
    return reportOutcome(context, service->upgrade(options, dryRun),
                         QStringLiteral("Migrations are up to date."),
                         QStringLiteral("Migrations completed successfully."));
}

int runRollback(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addOptions({
        {{QStringLiteral("c"), QStringLiteral("count")},
         QStringLiteral("Roll back the N latest migrations (default 1)."),
         QStringLiteral("N")},
        {{QStringLiteral("t"), QStringLiteral("to-version")},
         QStringLiteral("Roll back everything applied after VERSION (VERSION stays)."),
         QStringLiteral("VERSION")},
        {QStringLiteral("last-batch"),
         QStringLiteral("Roll back everything the latest upgrade run applied.")},
        {QStringLiteral("all"), QStringLiteral("Roll back every applied versioned migration.")},
        {{QStringLiteral("d"), QStringLiteral("dry-run")},
         QStringLiteral("Print the SQL that would run; change nothing.")},
        {QStringLiteral("forget-without-rollback"),
         QStringLiteral("For files without a rollback section: only forget their record, "
                        "keeping their changes in the database (journaled).")},
    });
    if (auto code =
            context.parse(parser, QStringLiteral("Roll back applied migrations, newest first.")))
        return *code;
    int exitCode = 0;
    RollbackOptions options;
    options.count = context.intOption(parser, QStringLiteral("count"), &exitCode);
    if (exitCode)
        return exitCode;
    options.toVersion = parser.value(QStringLiteral("to-version"));
    options.lastBatch = parser.isSet(QStringLiteral("last-batch"));
    options.all = parser.isSet(QStringLiteral("all"));
    options.forgetWithoutRollback = parser.isSet(QStringLiteral("forget-without-rollback"));
    const bool dryRun = parser.isSet(QStringLiteral("dry-run"));
    if (options.count && *options.count < 1)
        return context.fail(badCount(*options.count));

    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    attachProgress(context, *service, false);
    return reportOutcome(context, service->rollback(options, dryRun),
                         QStringLiteral("Nothing to rollback."),
                         QStringLiteral("Rollbacks completed successfully."));
}

} // namespace tidemark::cli
