// The audit and repair operations of MigrationService: checksums and missing files.
#include "migrationservice.h"

#include "db/connection.h"
#include "engine/planner.h"
#include "history/trackingstore.h"

namespace tidemark {

Status MigrationService::auditAndRepair(const QString &command, bool fix, const Finder &find,
                                        const Repairer &repair)
{
    Result<std::shared_ptr<const MigrationSet>> set = scan();
    if (!set)
        return set.error();
    Result<std::unique_ptr<Connection>> opened =
        connect(fix ? Access::ReadWrite : Access::ReadOnly);
    if (!opened)
        return opened.error();
    Connection &connection = **opened;
    MigrationLock lock(connection, m_identity, command);
    if (fix) {
        if (Status s = lockForChanges(connection, lock); !s)
            return s;
    }
    Result<History> history = TrackingStore(connection).read();
    if (!history)
        return history.error();
    if (!find(**set, history.value()) || !fix)
        return {};
    // All repairs of one command in one transaction: all or nothing.
    TrackingStore store(connection);
    if (Status s = connection.begin(); !s)
        return s;
    if (Status s = repair(store); !s) {
        connection.rollback();
        return s;
    }
    return connection.commit();
}

Result<ChecksumReport> MigrationService::checksums(bool fix)
{
    ChecksumReport report;
    const auto find = [&](const MigrationSet &files, const History &history) {
        for (const HistoryRow &row : history.rows) {
            if (row.kind != MigrationKind::Versioned)
                continue;
            report.anyApplied = true;
            const Migration *m = files.findVersion(row.parsedVersion);
            if (m && m->checksum() != row.checksum)
                report.changed.append({row.version, m->fileName, row.checksum, m->checksum()});
        }
        return !report.changed.isEmpty();
    };
    const auto repair = [&](TrackingStore &store) -> Status {
        for (const ChecksumRepair &r : std::as_const(report.changed)) {
            if (Status s = store.updateChecksum(r.version, r.newChecksum); !s)
                return s;
        }
        report.fixed = true;
        return {};
    };
    if (Status s = auditAndRepair(QStringLiteral("fix-checksums"), fix, find, repair); !s)
        return s.error();
    return report;
}

Result<FilesReport> MigrationService::files(bool fix)
{
    FilesReport report;
    const auto find = [&](const MigrationSet &files, const History &history) {
        for (const HistoryRow &row : history.rows) {
            if (row.kind == MigrationKind::Versioned) {
                if (!files.findVersion(row.parsedVersion))
                    report.missingVersions.append(row.version);
            } else if (!files.findFile(row.fileName)) {
                report.missingRepeatables.append(row.fileName);
            }
        }
        return !report.isClean();
    };
    const auto repair = [&](TrackingStore &store) -> Status {
        for (const QString &version : std::as_const(report.missingVersions)) {
            if (Status s = store.forgetVersion(version); !s)
                return s;
        }
        for (const QString &file : std::as_const(report.missingRepeatables)) {
            if (Status s = store.forgetRepeatable(file); !s)
                return s;
        }
        report.fixed = true;
        return {};
    };
    if (Status s = auditAndRepair(QStringLiteral("fix-files"), fix, find, repair); !s)
        return s.error();
    return report;
}

} // namespace tidemark
