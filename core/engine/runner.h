#pragma once

#include "common/result.h"
#include "common/runidentity.h"
#include "engine/plan.h"
#include "engine/runevents.h"

#include <atomic>

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
    bool ok() const { return !error.isError(); }
};

// Executes a plan: one transaction per file holding its statements, its tracking-row change and
// its journal row; the run stops at the first failure. Cancellation is checked between
// statements and between files. The caller holds the migration lock.
class Runner
{
public:
    Runner(Connection &connection, RunIdentity identity);
    void setEventSink(RunEventSink sink) { m_sink = std::move(sink); }
    void setCancelFlag(const std::atomic_bool *cancel) { m_cancel = cancel; }

    RunResult run(const Plan &plan);

private:
    bool cancelled() const { return m_cancel && m_cancel->load(); }
    void emitEvent(const RunEvent &event) const;

    Connection &m_connection;
    RunIdentity m_identity;
    RunEventSink m_sink;
    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace tidemark
