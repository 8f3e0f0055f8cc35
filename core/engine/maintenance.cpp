// The audit and repair operations of MigrationService: checksums and missing files.
#include "migrationservice.h"

#include "db/connection.h"
#include "engine/planner.h"
#include "history/trackingstore.h"

namespace tidemark {

namespace {

Status inTransaction(Connection &connection, const std::function<Status()> &work)
{
    if (Status s = connection.begin(); !s)
        return s;
    if (Status s = work(); !s) {
        connection.rollback();
        return s;
    }
    return connection.commit();
}

} // namespace

Result<ChecksumReport> MigrationService::checksums(bool fix)
{
    Result<std::shared_ptr<const MigrationSet>> set = scan();
    if (!set)
        return set.error();
    Result<std::unique_ptr<Connection>> opened = connect();
    if (!opened)
        return opened.error();
    Connection &connection = **opened;
    MigrationLock lock(connection, m_identity, QStringLiteral("fix-checksums"));
    if (fix) {
        if (Status s = lockForChanges(connection, lock); !s)
            return s.error();
    }
    Result<History> history = TrackingStore(connection).read();
    if (!history)
        return history.error();

    ChecksumReport report;
    for (const HistoryRow &row : history->rows) {
        if (row.kind != MigrationKind::Versioned)
            continue;
        report.anyApplied = true;
        const Migration *m = (*set)->findVersion(Version::fromKey(row.version));
        if (m && m->checksum() != row.checksum)
            report.changed.append({row.version, m->fileName, row.checksum, m->checksum()});
    }
    if (!fix || report.changed.isEmpty())
        return report;
    TrackingStore store(connection);
    Status done = inTransaction(connection, [&]() -> Status {
        for (const ChecksumRepair &repair : std::as_const(report.changed)) {
            if (Status s = store.updateChecksum(repair.version, repair.newChecksum); !s)
                return s;
        }
        return {};
    });
    if (!done)
        return done.error();
    report.fixed = true;
    return report;
}

Result<FilesReport> MigrationService::files(bool fix)
{
    Result<std::shared_ptr<const MigrationSet>> set = scan();
    if (!set)
        return set.error();
    Result<std::unique_ptr<Connection>> opened = connect();
    if (!opened)
        return opened.error();
    Connection &connection = **opened;
    MigrationLock lock(connection, m_identity, QStringLiteral("fix-files"));
    if (fix) {
        if (Status s = lockForChanges(connection, lock); !s)
            return s.error();
    }
    Result<History> history = TrackingStore(connection).read();
    if (!history)
        return history.error();

    FilesReport report;
    for (const HistoryRow &row : history->rows) {
        if (row.kind == MigrationKind::Versioned) {
            if (!(*set)->findVersion(Version::fromKey(row.version)))
                report.missingVersions.append(row.version);
        } else if (!(*set)->findFile(row.fileName)) {
            report.missingRepeatables.append(row.fileName);
        }
    }
    if (!fix || report.isClean())
        return report;
    TrackingStore store(connection);
    Status done = inTransaction(connection, [&]() -> Status {
        for (const QString &version : std::as_const(report.missingVersions)) {
            if (Status s = store.forgetVersion(version); !s)
                return s;
        }
        for (const QString &file : std::as_const(report.missingRepeatables)) {
            if (Status s = store.forgetRepeatable(file); !s)
                return s;
        }
        return {};
    });
    if (!done)
        return done.error();
    report.fixed = true;
    return report;
}

} // namespace tidemark
