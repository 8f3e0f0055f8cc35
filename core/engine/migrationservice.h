#pragma once

#include "common/result.h"
#include "common/runidentity.h"
#include "engine/plan.h"
#include "engine/project.h"
#include "engine/runner.h"
#include "history/journal.h"
#include "history/migrationlock.h"
#include "history/progressstore.h"

#include <atomic>
#include <functional>
#include <memory>

namespace tidemark {

class TrackingStore;

struct StatusReport
{
    QList<StatusEntry> entries; // every file and every tracked row, once
    // What `upgrade` would run, in order (V, then RA, then ROC): the one definition of
    // "pending" that status, --json, the window's list and its status bar share. Runs-always
    // files are always in it; runs-on-change files when new or changed; a partly applied file
    // (see unfinished) is not, until it is resolved.
    QList<StatusEntry> pending;
    QList<ValidationProblem> problems;
    QString latestVersion; // empty when nothing is applied
    QString displayUrl;
    // Files that ran without one transaction and did not finish (tidemark_progress): while any
    // is listed the project is dirty and upgrade and rollback refuse to run.
    QList<FileProgress> unfinished;
    // The window's overview of a SQLite project whose file does not exist yet: its path.
    QString missingDatabaseFile;
    QList<IgnoredEntry> ignored; // near misses in the migrations folder, not read
};

// Everything the window shows on opening a project. The journal and the lock state are read
// over the status report's connection and the files are scanned once, so a big project costs
// about one `status`; a journal or lock state that cannot be read leaves its error text.
struct ProjectOverview
{
    StatusReport status;
    std::shared_ptr<const MigrationSet> files; // the files the status report was made from
    QList<JournalEntry> journal;               // newest first
    QString journalError;
    LockState lock;
    QString lockError;
    // With keepConnection: the connection all of it was read over, still open for more reading
    // on this thread (the window's check contexts); else, and when the SQLite file does not
    // exist yet, null.
    std::shared_ptr<Connection> connection;
};

struct RunOutcome
{
    std::shared_ptr<const MigrationSet> migrations; // keeps plan's pointers valid
    Plan plan;
    bool dryRun = false;
    RunResult run; // empty for dry runs and empty plans
    bool ok() const { return run.ok(); }
};

struct ChecksumRepair
{
    QString version;
    QString fileName;
    QString oldChecksum;
    QString newChecksum;
};

struct ChecksumReport
{
    bool anyApplied = false;
    QList<ChecksumRepair> changed;
    bool fixed = false;
};

struct FilesReport
{
    QStringList missingVersions;    // applied versions whose file is gone
    QStringList missingRepeatables; // applied RA/ROC files that are gone
    bool fixed = false;
    bool isClean() const { return missingVersions.isEmpty() && missingRepeatables.isEmpty(); }
};

// The operations of the command line and the window, on one project. Every call opens its own
// connection on the calling thread and closes it before returning, so the window can call from
// a worker thread. Nothing here prints.
class MigrationService
{
public:
    explicit MigrationService(Project project, RunIdentity identity = RunIdentity::current());

    const Project &project() const { return m_project; }
    void setLockTimeout(int seconds) { m_lockTimeout = seconds; }
    void setEventSink(RunEventSink sink) { m_sink = std::move(sink); }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

    Result<std::shared_ptr<const MigrationSet>> scan() const;
    Result<StatusReport> status() const;
    Result<History> history() const;
    Result<QString> currentVersion() const; // empty when nothing applied
    Result<QList<ValidationProblem>> validate() const;
    Result<QList<JournalEntry>> journal(int limit) const;
    // Whole: every file read (check, rehearse: they use the SQL). Summaries: through the
    // checksum cache in the user's cache folder, without the SQL of files that did not change
    // (status, which only compares, and the window, which reads a file's SQL when it needs it;
    // TIDEMARK_CHECKSUM_CACHE=off reads every file).
    enum class Scan { Whole, Summaries };
    Result<ProjectOverview> overview(int journalLimit, Scan scan = Scan::Whole,
                                     bool keepConnection = false) const;

    Result<RunOutcome> upgrade(const UpgradeOptions &options, bool dryRun);
    Result<RunOutcome> rollback(const RollbackOptions &options, bool dryRun);

    Result<ChecksumReport> checksums(bool fix);
    Result<FilesReport> files(bool fix);

    // Settles a partly applied file after the user repaired the database by hand: applied
    // records it as done (tracking row as a successful run would leave it), not applied leaves
    // the tracking table as before the file. Journaled; target is a version or a file name.
    Result<FileProgress> resolve(const QString &target, bool applied);
    // Records a versioned file as applied without running it: the database already has what it
    // does (make-migrations --from-drift). Journaled with reason.
    Status recordAsApplied(const QString &fileName, const QString &reason);

    Result<LockState> lockState() const;
    Result<QString> lock();
    Status unlock();

private:
    using PlanMaker =
        std::function<Result<Plan>(Connection &, const MigrationSet &, const History &)>;
    // The shared path of upgrade and rollback: plan, lock, plan again under the lock when the
    // tracking table changed meanwhile (another run applied something), run.
    Result<RunOutcome> execute(const QString &command, bool dryRun, const PlanMaker &makePlan);
    using Finder = std::function<bool(const MigrationSet &, const History &)>;
    using Repairer = std::function<Status(TrackingStore &)>;
    // The shared path of the audit/repair commands: find problems (returns true when any), and
    // with fix, repair them under the lock in one transaction.
    Status auditAndRepair(const QString &command, bool fix, const Finder &find,
                          const Repairer &repair);
    // Read-only commands never create a database: a SQLite file that does not exist is an
    // error naming its absolute path, not a new empty database.
    enum class Access { ReadOnly, ReadWrite };
    Result<std::unique_ptr<Connection>> connect(Access access = Access::ReadOnly) const;
    Result<std::shared_ptr<const MigrationSet>> scanSummaries() const;
    // status() and overview(): scans the files on another thread while this one reads the
    // history and then calls alsoRead (when set) on the same connection.
    Result<StatusReport> readStatus(const std::function<void(Connection &)> &alsoRead,
                                    std::shared_ptr<const MigrationSet> *files, Scan scanKind,
                                    std::shared_ptr<Connection> *keepConnection = nullptr) const;
    // Connects, takes the session lock, creates the tables and takes the row lock.
    Status lockForChanges(Connection &connection, MigrationLock &lock) const;
    // Refuses to run while a file is partly applied. With the lock held (lockHeld), a record
    // left "running" by a killed process is marked interrupted and journaled first.
    Status refuseWhenDirty(Connection &connection, bool lockHeld) const;

    Project m_project;
    RunIdentity m_identity;
    int m_lockTimeout = 0;
    RunEventSink m_sink;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace tidemark
