// Read-only commands: status, history, current, journal, lock-status.
#include "cli/commands.h"
#include "cli/historycomparisonview.h"
#include "cli/jsonviews.h"
#include "cli/terminaltable.h"
#include "common/invocation.h"

namespace tidemark::cli {

namespace {

QString versionCell(MigrationKind kind, const QString &version)
{
    return kind == MigrationKind::Versioned ? version : migrationTypeName(kind);
}

bool parseNoOptions(CommandContext &context, const QString &summary, int *exitCode)
{
    QCommandLineParser parser;
    if (auto code = context.parse(parser, summary)) {
        *exitCode = *code;
        return false;
    }
    return true;
}

} // namespace

int runStatus(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("compare-url"),
                      QStringLiteral("Compare the applied migrations with those of this database "
                                     "(of the same kind) instead."),
                      QStringLiteral("url")});
    if (auto code = context.parse(parser, QStringLiteral("Show applied and pending migrations.")))
        return *code;
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    if (parser.isSet(QStringLiteral("compare-url")))
        return runStatusComparison(context, *service, parser.value(QStringLiteral("compare-url")));
    Result<StatusReport> report = service->status();
    if (!report)
        return context.fail(report.error());

    TerminalTable applied(QStringLiteral("Migrations Applied"),
                          {QStringLiteral("Version"), QStringLiteral("Description")});
    for (const StatusEntry &e : report->entries) {
        if (e.applied())
            applied.addRow({versionCell(e.kind, e.version), e.description});
    }
    TerminalTable pending(QStringLiteral("Migrations Pending"),
                          {QStringLiteral("Version"), QStringLiteral("Description")});
    for (const StatusEntry &e : report->pending)
        pending.addRow({versionCell(e.kind, e.version), e.description});
    context.out().result(applied.render() + u'\n' + pending.render());
    if (!report->problems.isEmpty()) {
        QStringList lines{QStringLiteral("Problems (upgrade will refuse to run until they are "
                                         "fixed or skipped):")};
        for (const ValidationProblem &p : report->problems)
            lines.append(QStringLiteral("  - ") + p.message);
        context.out().result(lines.join(u'\n'));
    }
    if (!report->ignored.isEmpty()) {
        QStringList lines{QStringLiteral("Ignored (not read as migrations):")};
        for (const IgnoredEntry &entry : report->ignored)
            lines.append(
                QStringLiteral("  - ignored: %1 because %2").arg(entry.relativePath, entry.reason));
        context.out().result(lines.join(u'\n'));
    }
    if (!report->unfinished.isEmpty()) {
        QStringList lines{QStringLiteral("Partly applied (upgrade and rollback refuse to run "
                                         "until each is resolved):")};
        for (const FileProgress &p : report->unfinished)
            lines.append(QStringLiteral("  - ") + p.summary());
        lines.append(QStringLiteral("  Repair by hand, then run \"resolve %1 --applied\" or "
                                    "\"resolve %1 --not-applied\".")
                         .arg(report->unfinished.first().target()));
        context.out().result(lines.join(u'\n'));
    }
    if (!context.out().json()) // building JSON for 10,000 migrations is not free
        return 0;
    QJsonArray appliedJson;
    for (const StatusEntry &e : report->entries) {
        if (e.applied())
            appliedJson.append(toJson(e));
    }
    return context.succeed({{QStringLiteral("url"), report->displayUrl},
                            {QStringLiteral("latest_version"), nullable(report->latestVersion)},
                            {QStringLiteral("applied"), appliedJson},
                            {QStringLiteral("pending"), toJsonArray(report->pending)},
                            {QStringLiteral("migrations"), toJsonArray(report->entries)},
                            {QStringLiteral("problems"), toJsonArray(report->problems)},
                            {QStringLiteral("partly_applied"), toJsonArray(report->unfinished)},
                            {QStringLiteral("ignored"), toJsonArray(report->ignored)}});
}

int runHistory(CommandContext &context)
{
    int exitCode = 0;
    if (!parseNoOptions(context,
                        QStringLiteral("Show the applied migrations in the order they ran."),
                        &exitCode))
        return exitCode;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<History> history = service->history();
    if (!history)
        return context.fail(history.error());
    if (!history->tableExists) {
        context.out().result(QStringLiteral("No migrations have been applied."));
    } else if (history->rows.isEmpty()) {
        context.out().result(QStringLiteral("No migrations have been applied yet."));
    } else {
        TerminalTable table(QStringLiteral("Migration History"),
                            {QStringLiteral("Version"), QStringLiteral("Order Executed"),
                             QStringLiteral("Description"), QStringLiteral("Applied At")});
        for (const HistoryRow &row : history->rows)
            table.addRow({versionCell(row.kind, row.version), QString::number(row.orderExecuted),
                          row.description, row.appliedAt.left(22)});
        context.out().result(table.render());
    }
    if (!context.out().json())
        return 0;
    return context.succeed({{QStringLiteral("rows"), toJsonArray(history->rows)}});
}

int runCurrent(CommandContext &context)
{
    int exitCode = 0;
    if (!parseNoOptions(context, QStringLiteral("Show the latest applied version."), &exitCode))
        return exitCode;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<QString> version = service->currentVersion();
    if (!version)
        return context.fail(version.error());
    context.out().result(version->isEmpty()
                             ? QStringLiteral("No migrations have been applied yet.")
                             : QStringLiteral("Latest migration version: %1").arg(version.value()));
    return context.succeed({{QStringLiteral("version"), nullable(version.value())}});
}

int runJournal(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("limit"),
                      QStringLiteral("Show the N newest entries (default 50, 0: all)."),
                      QStringLiteral("N")});
    if (auto code = context.parse(parser, QStringLiteral("Show Tidemark's journal of past runs.")))
        return *code;
    int exitCode = 0;
    const std::optional<int> limit = context.intOption(parser, QStringLiteral("limit"), &exitCode);
    if (exitCode)
        return exitCode;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<QList<JournalEntry>> entries = service->journal(limit.value_or(50));
    if (!entries)
        return context.fail(entries.error());
    if (entries->isEmpty()) {
        context.out().result(QStringLiteral("The journal is empty."));
    } else {
        TerminalTable table(QStringLiteral("Journal"),
                            {QStringLiteral("Started (UTC)"), QStringLiteral("Operation"),
                             QStringLiteral("File"), QStringLiteral("Outcome"),
                             QStringLiteral("ms"), QStringLiteral("Who"), QStringLiteral("Batch")});
        for (const JournalEntry &e : entries.value())
            table.addRow(
                {e.startedAt.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), e.operation,
                 e.fileName,
                 e.outcome + (e.failingLine > 0 ? QStringLiteral(" (line %1)").arg(e.failingLine)
                                                : QString()),
                 QString::number(e.durationMs), e.osUser + u'@' + e.host, e.batchId.left(8)});
        context.out().result(table.render());
    }
    return context.succeed({{QStringLiteral("entries"), toJsonArray(entries.value())}});
}

int runLockStatus(CommandContext &context)
{
    int exitCode = 0;
    if (!parseNoOptions(
            context,
            QStringLiteral("Show whether the migration lock is held, by whom and since when."),
            &exitCode))
        return exitCode;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<LockState> state = service->lockState();
    if (!state)
        return context.fail(state.error());
    QStringList lines;
    if (state->locked) {
        lines << QStringLiteral("Status: LOCKED")
              << QStringLiteral("Locked At: %1").arg(state->lockedAt)
              << QStringLiteral("Process ID: %1").arg(state->processId);
        if (state->heldSeconds >= 0)
            lines << QStringLiteral("Held For: %1 s").arg(state->heldSeconds);
        if (!state->holderHost.isEmpty())
            lines << QStringLiteral("Held By: %1@%2 (pid %3, %4)%5")
                         .arg(state->holderUser, state->holderHost)
                         .arg(state->holderPid)
                         .arg(state->holderCommand,
                              state->holderGone
                                  ? QStringLiteral(" - holder process is gone; the next run "
                                                   "releases the lock and journals that")
                                  : QString());
        else
            lines << QStringLiteral("Held By: unknown (Jetbase, or \"%1\" from an older run)")
                         .arg(cliCommand(QStringLiteral("lock")));
    } else {
        lines << QStringLiteral("Status: UNLOCKED");
    }
    if (!state->sessionHolder.isEmpty())
        lines << QStringLiteral("Session Lock: held by %1").arg(state->sessionHolder);
    context.out().result(lines.join(u'\n'));
    return context.succeed(toJson(state.value()));
}

} // namespace tidemark::cli
