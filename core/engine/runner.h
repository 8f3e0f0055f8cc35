#pragma once

#include "common/result.h"
#include "common/runidentity.h"
#include "engine/plan.h"
#include "engine/runevents.h"
#include "engine/sessionlimits.h"
#include "history/progressstore.h"

#include <atomic>
#include <optional>

namespace tidemark {

class Connection;

// What a run did; error is set when it stopped early.
struct RunResult
{
    QString batchId;
    QStringList completedFiles;
    Error error;
    QString failedFile;
    // On databases without transactional DDL: the statements of the failed file that had
    // already taken effect (committed implicitly) and were not rolled back.
    QList<SqlStatement> statementsInEffect;
    // The failed file's record when part of it took effect (a transaction=off file, or DDL on
    // MySQL/MariaDB): the project is dirty until `resolve` settles it.
    std::optional<FileProgress> partlyApplied;
    bool failedFileRanWithoutTransaction = false; // "-- tidemark: transaction=off"
    bool lockWaitTimedOut = false;                // the failed statement's lock wait timed out
    bool ok() const { return !error.isError(); }
};

// Executes a plan: one transaction per file holding its statements, its tracking-row change and
// its journal row; the run stops at the first failure. Cancellation is checked between
// statements and between files. The caller holds the migration lock.
//
// A "-- tidemark: transaction=off" file runs statement by statement in autocommit instead, and
// on MySQL/MariaDB a file with statements that commit implicitly cannot be one transaction
// either: for both, a tidemark_progress row records how far the file got, committed together
// with the statements it describes. It is removed with the tracking-row change; when part of
// the file took effect and the file then failed or was stopped (or the process was killed), it
// stays and names what took effect.
class Runner
{
public:
    Runner(Connection &connection, RunIdentity identity);
    void setEventSink(RunEventSink sink) { m_sink = std::move(sink); }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }
    void setLimits(const RunLimits &limits) { m_limits = limits; }
    // Retries after a lock-wait timeout: the journal rows of failed tries say which try it was.
    void setTry(int number, int count)
    {
        m_tryNumber = number;
        m_tryCount = count;
    }

    RunResult run(const Plan &plan);

private:
    // Runs one file; false when the run must stop (result.error is set).
    bool runFile(const PlannedFile &file, bool upgrade, RunEvent event, RunResult &result);
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void emitEvent(const RunEvent &event) const;

    Connection &m_connection;
    RunIdentity m_identity;
    RunEventSink m_sink;
    const std::atomic_bool *m_cancel = nullptr;
    RunLimits m_limits;
    std::optional<SessionLimits> m_appliedLimits; // what the session has; none: the defaults
    // PostgreSQL: the previous file's commit message also opened the transaction of the next
    // file (one round trip less per file); whether the next file wants one, and whether it is
    // open now.
    bool m_openNextAhead = false;
    bool m_openedAhead = false;
    int m_tryNumber = 1;
    int m_tryCount = 1;
};

} // namespace tidemark
