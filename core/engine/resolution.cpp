#include "resolution.h"

#include "db/connection.h"
#include "history/journal.h"
#include "history/trackingstore.h"
#include "migration/migrationset.h"

#include <QUuid>

namespace tidemark {

namespace {

bool matches(const FileProgress &p, const QString &target)
{
    if (p.fileName == target)
        return true;
    if (p.version.isEmpty())
        return false;
    const Version wanted = Version::fromKey(Version::keyFromRaw(target));
    return wanted.isValid() && wanted == Version::fromKey(p.version);
}

} // namespace

Result<FileProgress> resolveLocked(Connection &connection, const MigrationSet &files,
                                   const QString &target, bool applied, const RunIdentity &identity)
{
    ProgressStore progress(connection);
    Result<QList<FileProgress>> rows = progress.read();
    if (!rows)
        return rows.error();
    QStringList dirty;
    const FileProgress *found = nullptr;
    for (const FileProgress &p : rows.value()) {
        dirty.append(p.target());
        if (matches(p, target))
            found = &p;
    }
    if (!found)
        return Error::make(
            Error::Code::NotFound,
            QStringLiteral("%1 is not partly applied; nothing to resolve.").arg(target),
            dirty.isEmpty() ? QStringLiteral("No file is partly applied: the database is clean.")
                            : QStringLiteral("Partly applied: %1.").arg(dirty.join(u", ")));
    FileProgress p = *found;
    const bool upgrade = p.operation == u"upgrade";
    const Migration *migration = files.findFile(p.fileName);
    if (applied && upgrade) {
        if (!migration)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("%1 is gone from the migrations folder; it cannot "
                                              "be recorded as applied.")
                                   .arg(p.fileName),
                               QStringLiteral("Restore the file, or resolve with --not-applied."));
        if (!p.checksum.isEmpty() && migration->checksum() != p.checksum)
            return Error::make(
                Error::Code::Validation,
                QStringLiteral("%1 changed since the run that stopped part way "
                               "(checksum %2, now %3).")
                    .arg(p.fileName, p.checksum.left(12), migration->checksum().left(12)),
                QStringLiteral("Restore the file as it ran, then resolve again."));
    }

    TrackingStore store(connection);
    Result<History> history = store.read();
    if (!history)
        return history.error();
    if (Status s = connection.begin(); !s)
        return s.error();
    const auto abort = [&connection](Error e) -> Result<FileProgress> {
        connection.rollback();
        return e;
    };
    if (applied && upgrade) {
        bool tracked = false;
        if (migration->kind() != MigrationKind::Versioned) {
            for (const HistoryRow &row : history->rows)
                tracked = tracked || row.fileName == p.fileName;
        }
        if (Status s = store.recordApplied(*migration, tracked); !s)
            return abort(s.error());
    } else if (applied && !p.version.isEmpty()) {
        if (Status s = store.forgetVersion(p.version); !s)
            return abort(s.error());
    }
    JournalEntry entry;
    entry.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.operation = QStringLiteral("resolve");
    entry.fileName = p.fileName;
    entry.version = p.version;
    entry.migrationType = p.migrationType;
    entry.checksum = p.checksum;
    entry.osUser = identity.osUser;
    entry.host = identity.host;
    entry.toolVersion = identity.toolVersion;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.outcome = applied ? QStringLiteral("applied") : QStringLiteral("not-applied");
    entry.errorText = QStringLiteral("Resolved by hand (%1 of %2): %3")
                          .arg(applied ? QStringLiteral("applied") : QStringLiteral("not applied"),
                               p.operation, p.summary());
    if (Status s = Journal(connection).write(entry); !s)
        return abort(s.error());
    if (Status s = progress.remove(p); !s)
        return abort(s.error());
    if (Status s = connection.commit(); !s)
        return abort(s.error());
    return p;
}

Status recordAppliedLocked(Connection &connection, const Migration &migration,
                           const QString &reason, const RunIdentity &identity)
{
    if (Status s = connection.begin(); !s)
        return s;
    const auto abort = [&connection](Error e) -> Status {
        connection.rollback();
        return e;
    };
    if (Status s = TrackingStore(connection).recordApplied(migration, false); !s)
        return abort(s.error());
    JournalEntry entry;
    entry.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.operation = QStringLiteral("record");
    entry.fileName = migration.fileName;
    entry.version = migration.version().key();
    entry.migrationType = QStringLiteral("VERSIONED");
    entry.checksum = migration.checksum();
    entry.osUser = identity.osUser;
    entry.host = identity.host;
    entry.toolVersion = identity.toolVersion;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.outcome = QStringLiteral("applied");
    entry.errorText = reason;
    if (Status s = Journal(connection).write(entry); !s)
        return abort(s.error());
    if (Status s = connection.commit(); !s)
        return abort(s.error());
    return {};
}

} // namespace tidemark
