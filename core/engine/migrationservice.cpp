#include "migrationservice.h"

#include "common/heaptuning.h"
#include "common/invocation.h"
#include "db/connection.h"
#include "db/statementcanceller.h"
#include "engine/planner.h"
#include "engine/resolution.h"
#include "history/trackingstore.h"
#include "migration/checksumcache.h"
#include "preflight/checkinorder.h"

#include <QFileInfo>

#include <algorithm>
#include <chrono>
#include <future>
#include <thread>

namespace tidemark {

MigrationService::MigrationService(Project project, RunIdentity identity)
    : m_project(std::move(project))
    , m_identity(std::move(identity))
    , m_lockTimeout(m_project.lockTimeoutSeconds())
{}

Result<std::shared_ptr<const MigrationSet>> MigrationService::scan() const
{
    Result<MigrationSet> set = MigrationSet::scan(m_project.location().migrationsDir);
    if (!set)
        return set.error();
    return std::make_shared<const MigrationSet>(std::move(set).value());
}

Result<std::shared_ptr<const MigrationSet>> MigrationService::scanSummaries() const
{
    const QString &folder = m_project.location().migrationsDir;
    if (qEnvironmentVariable("TIDEMARK_CHECKSUM_CACHE") == u"off")
        return scan();
    ChecksumCache cache = ChecksumCache::load(folder);
    Result<MigrationSet> set = MigrationSet::scan(folder, &cache);
    if (!set)
        return set.error();
    cache.save();
    return std::make_shared<const MigrationSet>(std::move(set).value());
}

namespace {

// The absolute path of a SQLite database file that does not exist yet; empty otherwise.
QString missingSqliteFile(const ConnectionSpec &spec)
{
    const QString &file = spec.databaseName;
    if (spec.dialect != SqlDialect::Sqlite || file == u":memory:" || file.startsWith(u"file:") ||
        QFileInfo::exists(file))
        return {};
    return QFileInfo(file).absoluteFilePath();
}

} // namespace

Result<std::unique_ptr<Connection>> MigrationService::connect(Access access) const
{
    Result<ConnectionSpec> spec = m_project.connectionSpec();
    if (!spec)
        return spec.error();
    if (const QString missing = missingSqliteFile(spec.value());
        access == Access::ReadOnly && !missing.isEmpty())
        return Error::make(Error::Code::Connection,
                           QStringLiteral("database file does not exist: %1").arg(missing),
                           QStringLiteral("Check the path in sqlalchemy_url (env.py) or --url; a "
                                          "relative path counts from the jetbase folder. Nothing "
                                          "was created: \"upgrade\" creates the file."));
    return Connection::open(spec.value());
}

Status MigrationService::lockForChanges(Connection &connection, MigrationLock &lock) const
{
    if (Status s = lock.acquireSession(m_lockTimeout, m_cancel); !s)
        return s;
    if (Status s = TrackingStore(connection).ensureTables(); !s)
        return s;
    return lock.acquireRow(m_lockTimeout, m_cancel);
}

namespace {

Error dirtyError(const QList<FileProgress> &unfinished)
{
    QStringList lines;
    for (const FileProgress &p : unfinished)
        lines.append(p.summary());
    const FileProgress &first = unfinished.first();
    return Error::make(
        Error::Code::Validation,
        QStringLiteral("The database is dirty: %1 file(s) ran only in part.\n%2")
            .arg(unfinished.size())
            .arg(lines.join(u'\n')),
        QStringLiteral("Look at what took effect, repair the database by hand, then run "
                       "\"resolve %1 --applied\" when the file's work is now complete or "
                       "\"resolve %1 --not-applied\" when you undid it. Tidemark never re-runs a "
                       "partly applied file by itself.")
            .arg(first.target()));
}

} // namespace

Status MigrationService::refuseWhenDirty(Connection &connection, bool lockHeld) const
{
    ProgressStore store(connection);
    Result<QList<FileProgress>> read = store.read();
    if (!read)
        return read.error();
    QList<FileProgress> rows = std::move(read).value();
    if (rows.isEmpty())
        return {};
    if (lockHeld) {
        // We hold the lock, so no other run is writing these: a "running" record was left by
        // a process that died (kill -9, power loss). Say so once, in the journal.
        Journal journal(connection);
        for (FileProgress &p : rows) {
            if (p.state != u"running")
                continue;
            p.state = QStringLiteral("interrupted");
            if (Status s = store.finish(p); !s)
                return s;
            JournalEntry entry;
            entry.batchId = p.batchId;
            entry.operation = p.operation;
            entry.fileName = p.fileName;
            entry.version = p.version;
            entry.migrationType = p.migrationType;
            entry.checksum = p.checksum;
            entry.osUser = p.osUser;
            entry.host = p.host;
            entry.toolVersion = m_identity.toolVersion;
            entry.startedAt = QDateTime::fromString(p.startedAt, Qt::ISODateWithMs);
            entry.outcome = QStringLiteral("interrupted");
            entry.errorText = p.summary();
            entry.failingLine = p.runningLine;
            if (Status s = journal.write(entry); !s)
                return s;
        }
    }
    return dirtyError(rows);
}

Result<StatusReport> MigrationService::status() const
{
    return readStatus({}, nullptr, Scan::Summaries);
}

Result<ProjectOverview> MigrationService::overview(int journalLimit, Scan scan,
                                                   bool keepConnection) const
{
    ProjectOverview overview;
    const auto alsoRead = [&overview, journalLimit](Connection &connection) {
        if (Result<QList<JournalEntry>> journal = Journal(connection).read(journalLimit))
            overview.journal = std::move(journal).value();
        else
            overview.journalError = journal.error().message;
        if (Result<LockState> lock = MigrationLock::state(connection))
            overview.lock = lock.value();
        else
            overview.lockError = lock.error().message;
    };
    Result<StatusReport> status = readStatus(alsoRead, &overview.files, scan,
                                             keepConnection ? &overview.connection : nullptr);
    if (!status)
        return status.error();
    overview.status = std::move(status).value();
    return overview;
}

Result<StatusReport> MigrationService::readStatus(const std::function<void(Connection &)> &alsoRead,
                                                  std::shared_ptr<const MigrationSet> *files,
                                                  Scan scanKind,
                                                  std::shared_ptr<Connection> *keepConnection) const
{
    // The files are read on other threads while this one talks to the database (QtSql
    // connections stay on the thread that made them); both take about as long on a big project.
    auto scanning = std::async(std::launch::async, [this, scanKind] {
        adviseLargePagesForThisThread();
        return scanKind == Scan::Summaries ? scanSummaries() : scan();
    });
    // The window opens a project whose SQLite file is not created yet: everything is pending,
    // and it says so (the command line's status refuses instead, see connect()).
    Result<ConnectionSpec> spec = m_project.connectionSpec();
    if (!spec) {
        scanning.wait();
        return spec.error();
    }
    const QString missing = alsoRead ? missingSqliteFile(spec.value()) : QString();
    Result<std::unique_ptr<Connection>> connection =
        missing.isEmpty() ? connect()
                          : Result<std::unique_ptr<Connection>>(std::unique_ptr<Connection>());
    Result<History> history = !connection         ? Result<History>(connection.error())
                              : missing.isEmpty() ? TrackingStore(**connection).read()
                                                  : Result<History>(History());
    Result<QList<FileProgress>> unfinished =
        history && missing.isEmpty() ? ProgressStore(**connection).read()
                                     : Result<QList<FileProgress>>(QList<FileProgress>());
    if (!unfinished)
        return unfinished.error();
    if (history && alsoRead && missing.isEmpty())
        alsoRead(**connection);
    Result<std::shared_ptr<const MigrationSet>> set = scanning.get();
    if (!set)
        return set.error();
    if (!history)
        return history.error();
    if (files)
        *files = set.value();
    if (keepConnection && *connection)
        *keepConnection = std::move(connection).value();

    Planner planner(**set, history.value(), spec->dialect);
    StatusReport report;
    report.displayUrl = spec->displayUrl;
    report.missingDatabaseFile = missing;
    report.ignored = (*set)->ignored();
    report.unfinished = std::move(unfinished).value();
    report.entries = planner.status();
    report.problems = planner.validate(true, true);
    if (const HistoryRow *latest = planner.latest())
        report.latestVersion = latest->version;

    // What the next upgrade would run, ignoring validation (status must show it either way).
    UpgradeOptions everything;
    everything.skipValidation = true;
    everything.withStatements = false;
    Result<Plan> plan = planner.upgrade(everything);
    if (plan) {
        for (const PlannedFile &file : plan->files) {
            // A partly applied file does not run again until it is resolved.
            const bool partly =
                std::any_of(report.unfinished.cbegin(), report.unfinished.cend(),
                            [&](const FileProgress &p) { return p.fileName == file.fileName; });
            if (partly)
                continue;
            StatusEntry e;
            e.kind = file.migration->kind();
            e.version = file.versionKey;
            e.description = file.migration->name.description;
            e.fileName = file.fileName;
            e.fileChecksum = file.migration->checksum();
            e.state = file.alreadyTracked ? MigrationState::Changed : MigrationState::Pending;
            if (file.migration->kind() == MigrationKind::RunsAlways)
                e.state = MigrationState::RunsAlways;
            report.pending.append(std::move(e));
        }
    }
    return report;
}

Result<History> MigrationService::history() const
{
    Result<std::unique_ptr<Connection>> connection = connect();
    if (!connection)
        return connection.error();
    return TrackingStore(**connection).read();
}

Result<QString> MigrationService::currentVersion() const
{
    Result<History> rows = history();
    if (!rows)
        return rows.error();
    const HistoryRow *latest = rows->latestVersioned();
    return latest ? latest->version : QString();
}

Result<QList<ValidationProblem>> MigrationService::validate() const
{
    Result<std::shared_ptr<const MigrationSet>> set = scan();
    if (!set)
        return set.error();
    Result<std::unique_ptr<Connection>> connection = connect();
    if (!connection)
        return connection.error();
    Result<History> rows = TrackingStore(**connection).read();
    if (!rows)
        return rows.error();
    const Planner planner(**set, rows.value(), (*connection)->spec().dialect);
    // The pending files must also be runnable: a file the SQL lexer rejects (an unterminated
    // string or dollar quote) would stop the next upgrade.
    UpgradeOptions everything;
    everything.skipValidation = true;
    if (Result<Plan> plan = planner.upgrade(everything); !plan)
        return plan.error();
    QList<ValidationProblem> problems = planner.validate(true, true);
    Result<QList<FileProgress>> unfinished = ProgressStore(**connection).read();
    if (!unfinished)
        return unfinished.error();
    for (const IgnoredEntry &ignored : (*set)->ignored())
        problems.append(
            {ValidationProblem::Kind::IgnoredFile,
             {},
             ignored.relativePath,
             QStringLiteral("ignored: %1 because %2").arg(ignored.relativePath, ignored.reason)});
    for (const FileProgress &p : unfinished.value())
        problems.append({ValidationProblem::Kind::PartlyApplied, p.version, p.fileName,
                         p.summary() + QStringLiteral(" Repair it, then run \"resolve %1 "
                                                      "--applied\" or \"--not-applied\".")
                                           .arg(p.target())});
    return problems;
}

Result<QList<JournalEntry>> MigrationService::journal(int limit) const
{
    Result<std::unique_ptr<Connection>> connection = connect();
    if (!connection)
        return connection.error();
    return Journal(**connection).read(limit);
}

namespace {

// upgrade runs `check` on the files it would run, in their order and against the database's
// views, and refuses on an error-level finding.
Status refuseOnCheckErrors(Connection &connection, const Plan &plan, const CheckSettings &settings,
                           const QHash<QString, QString> &accepted)
{
    QList<CheckedMigration> files;
    QList<const Migration *> migrations;
    for (const PlannedFile &file : plan.files) {
        if (file.migration) {
            files.append(
                {file.migration->relativePath, file.migration->kind(), &file.migration->text});
            migrations.append(file.migration);
        }
    }
    const QList<QList<CheckFinding>> findings =
        checkInOrder(files, connection.spec().dialect, settings, &connection, nullptr, false);
    QStringList errors;
    for (qsizetype i = 0; i < findings.size(); ++i) {
        const Migration *migration = migrations.at(i);
        if (accepted.value(migration->fileName) == migration->checksum())
            continue;
        for (const CheckFinding &finding : findings.at(i))
            if (finding.severity == CheckSeverity::Error)
                errors.append(checkFindingText(finding));
    }
    if (errors.isEmpty())
        return {};
    return Error::make(
        Error::Code::Validation,
        QStringLiteral("check found %1 error(s) in the files this upgrade would run; nothing "
                       "was run:\n%2")
            .arg(errors.size())
            .arg(errors.join(u'\n')),
        QStringLiteral("Fix them, allow a statement with \"-- tidemark: allow=RULE\" on the line "
                       "above it, or run %1 --no-check to upgrade anyway.")
            .arg(cliCommand(QStringLiteral("upgrade"))));
}

} // namespace

Result<RunOutcome> MigrationService::execute(const QString &command, bool dryRun,
                                             const PlanMaker &makePlan)
{
    // The files are read on another thread while this one connects, except where connecting
    // creates a SQLite file: a run refused for its files leaves no file behind.
    const std::shared_future<Result<std::shared_ptr<const MigrationSet>>> scanning =
        std::async(std::launch::async, [this] {
            adviseLargePagesForThisThread();
            return scan();
        }).share();
    Result<RunLimits> limits = m_project.runLimits();
    if (!limits)
        return limits.error();
    const Result<ConnectionSpec> spec = m_project.connectionSpec();
    if (spec && !missingSqliteFile(spec.value()).isEmpty() && !scanning.get())
        return scanning.get().error();
    Result<std::unique_ptr<Connection>> opened =
        connect(dryRun ? Access::ReadOnly : Access::ReadWrite);
    const Result<History> seen =
        opened ? TrackingStore(**opened).read() : Result<History>(opened.error());
    const Result<std::shared_ptr<const MigrationSet>> &set = scanning.get();
    if (!set)
        return set.error();
    if (!opened)
        return opened.error();
    Connection &connection = **opened;

    RunOutcome outcome;
    outcome.migrations = set.value();
    outcome.dryRun = dryRun;
    const auto planWith = [&](const Result<History> &history) -> Result<Plan> {
        if (!history)
            return history.error();
        return makePlan(connection, *outcome.migrations, history.value());
    };
    // A run that is refused (a file the lexer rejects, a --to-version that is not pending,
    // validation) is refused before anything is written, tracking tables included. Under the
    // lock the tracking table is read again: when a run that held the lock before us changed
    // it, the plan is made again, so that a second run that waited for the first one sees what
    // the first one applied.
    MigrationLock lock(connection, m_identity, command);
    if (dryRun) {
        if (Status s = refuseWhenDirty(connection, false); !s)
            return s.error();
    }
    Result<Plan> plan = planWith(seen);
    if (!dryRun) {
        if (!plan)
            return plan.error();
        if (Status s = lockForChanges(connection, lock); !s)
            return s.error();
        if (Status s = refuseWhenDirty(connection, true); !s) {
            lock.release();
            return s.error();
        }
        const Result<History> now = TrackingStore(connection).read();
        if (!now || !now->sameAs(seen.value()))
            plan = planWith(now);
    }
    if (!plan)
        return plan.error();
    outcome.plan = std::move(plan).value();
    if (dryRun || outcome.plan.isEmpty())
        return outcome;

    Runner runner(connection, m_identity);
    runner.setEventSink(m_sink);
    runner.setCancelFlag(m_cancel);
    runner.setLimits(limits.value());
    {
        // Stop cancels the running statement on the server, not only between statements.
        const CancelWatchdog watchdog(connection, m_cancel);
        const int tries = 1 + limits->retriesOnLockTimeout;
        Plan remaining = outcome.plan;
        QStringList completed;
        for (int attempt = 1;; ++attempt) {
            runner.setTry(attempt, tries);
            outcome.run = runner.run(remaining);
            completed += outcome.run.completedFiles;
            // Retry only a file that failed because its lock wait timed out and was rolled back
            // whole: it runs again from its first statement, after a growing pause.
            const RunResult &run = outcome.run;
            if (run.ok() || !run.lockWaitTimedOut || !run.statementsInEffect.isEmpty() ||
                run.partlyApplied || attempt >= tries)
                break;
            remaining.files.remove(0, run.completedFiles.size());
            const auto pause = std::chrono::seconds(std::min(30, 1 << std::min(attempt - 1, 5)));
            const auto until = std::chrono::steady_clock::now() + pause;
            while (std::chrono::steady_clock::now() < until && !(m_cancel && m_cancel->load()))
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (m_cancel && m_cancel->load())
                break;
        }
        outcome.run.completedFiles = completed;
    }
    if (Status s = lock.release(); !s && outcome.run.ok())
        outcome.run.error = s.error();
    return outcome;
}

Result<RunOutcome> MigrationService::upgrade(const UpgradeOptions &requested, bool dryRun)
{
    UpgradeOptions options = requested;
    const Configuration &config = m_project.config();
    options.skipValidation |= config.flag(QStringLiteral("skip_validation"));
    options.skipChecksumValidation |= config.flag(QStringLiteral("skip_checksum_validation"));
    options.skipFileValidation |= config.flag(QStringLiteral("skip_file_validation"));
    std::optional<CheckSettings> check;
    if (!dryRun && !options.skipCheck) {
        Result<CheckSettings> settings = checkSettings(config);
        if (!settings)
            return settings.error();
        check = std::move(settings).value();
    }
    return execute(QStringLiteral("upgrade"), dryRun,
                   [&](Connection &connection, const MigrationSet &files,
                       const History &history) -> Result<Plan> {
                       const SqlDialect dialect = connection.spec().dialect;
                       Result<Plan> plan = Planner(files, history, dialect).upgrade(options);
                       if (plan && check)
                           if (Status s = refuseOnCheckErrors(connection, plan.value(), *check,
                                                              options.checkAccepted);
                               !s)
                               return s.error();
                       return plan;
                   });
}

Result<RunOutcome> MigrationService::rollback(const RollbackOptions &options, bool dryRun)
{
    return execute(
        QStringLiteral("rollback"), dryRun,
        [&](Connection &connection, const MigrationSet &files,
            const History &history) -> Result<Plan> {
            QStringList lastBatch;
            if (options.lastBatch) {
                Result<QStringList> versions = Journal(connection).lastUpgradeBatchVersions();
                if (!versions)
                    return versions.error();
                lastBatch = versions.value();
            }
            return Planner(files, history, connection.spec().dialect).rollback(options, lastBatch);
        });
}

Result<FileProgress> MigrationService::resolve(const QString &target, bool applied)
{
    Result<std::shared_ptr<const MigrationSet>> set = scan();
    if (!set)
        return set.error();
    Result<std::unique_ptr<Connection>> opened = connect(Access::ReadWrite);
    if (!opened)
        return opened.error();
    Connection &connection = **opened;
    MigrationLock lock(connection, m_identity, QStringLiteral("resolve"));
    if (Status s = lockForChanges(connection, lock); !s)
        return s.error();
    Result<FileProgress> resolved = resolveLocked(connection, **set, target, applied, m_identity);
    if (Status s = lock.release(); !s && resolved)
        return s.error();
    return resolved;
}

Status MigrationService::recordAsApplied(const QString &fileName, const QString &reason)
{
    Result<std::shared_ptr<const MigrationSet>> set = scan();
    if (!set)
        return set.error();
    const Migration *migration = (*set)->findFile(fileName);
    if (!migration || migration->kind() != MigrationKind::Versioned)
        return Error::make(Error::Code::NotFound,
                           QStringLiteral("No versioned migration file named %1.").arg(fileName));
    Result<std::unique_ptr<Connection>> opened = connect(Access::ReadWrite);
    if (!opened)
        return opened.error();
    Connection &connection = **opened;
    MigrationLock lock(connection, m_identity, QStringLiteral("record"));
    if (Status s = lockForChanges(connection, lock); !s)
        return s;
    const Status recorded = recordAppliedLocked(connection, *migration, reason, m_identity);
    if (Status s = lock.release(); !s && recorded)
        return s;
    return recorded;
}

Result<LockState> MigrationService::lockState() const
{
    Result<std::unique_ptr<Connection>> connection = connect();
    if (!connection)
        return connection.error();
    return MigrationLock::state(**connection);
}

Result<QString> MigrationService::lock()
{
    Result<std::unique_ptr<Connection>> connection = connect(Access::ReadWrite);
    if (!connection)
        return connection.error();
    if (Status s = TrackingStore(**connection).ensureTables(); !s)
        return s.error();
    return MigrationLock::lockIndefinitely(**connection, m_identity);
}

Status MigrationService::unlock()
{
    Result<std::unique_ptr<Connection>> connection = connect();
    if (!connection)
        return connection.error();
    return MigrationLock::forceUnlock(**connection);
}

} // namespace tidemark
