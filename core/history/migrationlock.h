#pragma once

#include "common/result.h"
#include "common/runidentity.h"

#include <QString>

#include <atomic>

namespace tidemark {

class Connection;

struct LockState
{
    bool locked = false;
    QString lockedAt;  // as the database returns it
    QString processId; // the UUID in jetbase_lock
    // Tidemark's own record of the holder (empty when Jetbase or `lock` took it).
    QString holderUser;
    QString holderHost;
    qint64 holderPid = 0;
    QString holderCommand;
    QString sessionHolder; // who holds the PostgreSQL / MariaDB session lock, when someone does
    qint64 sessionHolderId = 0; // its backend pid (PostgreSQL) or connection id (MariaDB)
    qint64 heldSeconds = -1;    // since locked_at, by the server's clock; -1: unknown
    // The holder is provably gone: a Tidemark run on this host whose process no longer exists.
    bool holderGone = false;
};

// The migration lock: Jetbase's jetbase_lock row (so Jetbase and Tidemark exclude each other)
// plus a session-level lock where the database has one (PostgreSQL advisory lock, MariaDB
// GET_LOCK), taken first, so that two Tidemark runs never interleave even before the row is
// written. Lives on the connection it was made with; the destructor releases what is held.
class MigrationLock
{
public:
    MigrationLock(Connection &connection, RunIdentity identity, QString command);
    ~MigrationLock();
    MigrationLock(const MigrationLock &) = delete;
    MigrationLock &operator=(const MigrationLock &) = delete;

    // Waits up to timeoutSeconds (0: try once) for the session lock. Call before creating the
    // tracking tables, so that concurrent first runs do not race on CREATE TABLE.
    Status acquireSession(int timeoutSeconds, const std::atomic_bool *cancel = nullptr);
    // Waits up to timeoutSeconds for the jetbase_lock row (tables must exist).
    Status acquireRow(int timeoutSeconds, const std::atomic_bool *cancel = nullptr);
    // Releases the row (only if it is still ours) and the session lock. Safe to call twice.
    Status release();
    bool holdsRow() const { return !m_processId.isEmpty(); }
    QString processId() const { return m_processId; }
    // What acquireRow() released because its holder was gone (journaled); empty: nothing.
    QString releasedStale() const { return m_releasedStale; }

    // Reads the state without changing anything; tables missing means unlocked.
    static Result<LockState> state(Connection &connection);
    // Takes the row and keeps it after the process ends (the `lock` command).
    static Result<QString> lockIndefinitely(Connection &connection, const RunIdentity &identity);
    // Resets the row unconditionally (the `unlock` command); missing tables are fine.
    static Status forceUnlock(Connection &connection);

private:
    Status tryRowOnce(bool *taken);
    // Frees the row when its holder is provably gone (see releaseStale in the .cpp) and
    // journals that; *released says whether it did.
    Status releaseStaleRow(bool *released);
    Error heldError(Connection &connection, int timeoutSeconds) const;

    Connection &m_connection;
    RunIdentity m_identity;
    QString m_command;
    QString m_processId;
    bool m_sessionHeld = false;
    QString m_releasedStale;
};

} // namespace tidemark
