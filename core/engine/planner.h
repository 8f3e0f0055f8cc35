#pragma once

#include "common/result.h"
#include "engine/plan.h"

#include <QSet>

namespace tidemark {

// Compares the files with the history once and decides what is applied, pending, changed,
// missing or out of order, and what an upgrade or a rollback would run. `status` and the
// window's list are the same entries; the runner executes the plans and never re-decides them.
class Planner
{
public:
    Planner(const MigrationSet &migrations, const History &history, SqlDialect dialect);

    QList<StatusEntry> status() const;
    const HistoryRow *latest() const { return m_history.latestVersioned(); }

    // Every problem, not only the first. Checks that an option skips are left out; nothing is
    // checked while no versioned migration is applied, as in Jetbase.
    QList<ValidationProblem> validate(bool fileChecks, bool checksumChecks) const;

    Result<Plan> upgrade(const UpgradeOptions &options) const;
    // lastBatchVersions: the journal's latest upgrade batch, for --last-batch.
    Result<Plan> rollback(const RollbackOptions &options,
                          const QStringList &lastBatchVersions) const;

    // Splits one file's section for execution; errors carry the file path and line.
    Result<QList<SqlStatement>> statementsOf(const Migration &migration, Direction direction) const;

private:
    bool isApplied(const Version &version) const;
    const HistoryRow *repeatableRow(const QString &fileName) const;

    const MigrationSet &m_migrations;
    const History &m_history;
    SqlDialect m_dialect;
    QSet<QString> m_appliedVersions; // canonical keys of the applied versioned rows
};

Error validationError(const QList<ValidationProblem> &problems);

} // namespace tidemark
