#include "migrationlock.h"

#include "db/connection.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QUuid>

namespace tidemark {

namespace {

constexpr int PollIntervalMs = 200;

const QString UnlockAdvice = QStringLiteral(
    "If you are completely sure that no other migrations are running, you can unlock using:\n"
    "  tidemark --cli unlock\n"
    "Or wait for the lock with --lock-timeout SECONDS.\n"
    "WARNING: Unlocking then running a migration while another migration process is running "
    "may lead to database corruption.");

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load();
}

Error cancelledError()
{
    return Error::make(Error::Code::Cancelled,
                       QStringLiteral("Stopped while waiting for the lock."));
}

} // namespace

MigrationLock::MigrationLock(Connection &connection, RunIdentity identity, QString command)
    : m_connection(connection)
    , m_identity(std::move(identity))
    , m_command(std::move(command))
{}

MigrationLock::~MigrationLock()
{
    release();
}

Status MigrationLock::acquireSession(int timeoutSeconds, const std::atomic_bool *cancel)
{
    const QString sql = m_connection.dialect().trySessionLockSql();
    if (sql.isEmpty() || m_sessionHeld)
        return {};
    const QDeadlineTimer deadline(std::chrono::seconds(std::max(0, timeoutSeconds)));
    for (;;) {
        Result<QVariant> taken = m_connection.scalar(sql);
        if (!taken)
            return taken.error();
        if (taken->toInt() == 1 || taken->toBool()) {
            m_sessionHeld = true;
            return {};
        }
        if (isCancelled(cancel))
            return cancelledError();
        if (deadline.hasExpired())
            return heldError(m_connection, timeoutSeconds);
        QThread::msleep(PollIntervalMs);
    }
}

Status MigrationLock::tryRowOnce(bool *taken)
{
    const Dialect &d = m_connection.dialect();
    const QString uuid = QUuid::createUuid().toString(QUuid::WithoutBraces);
    // One transaction for the row and its holder record: one commit (one fsync on SQLite).
    if (Status s = m_connection.begin(); !s)
        return s;
    Result<QSqlQuery> update = m_connection.exec(
        QStringLiteral("UPDATE jetbase_lock SET is_locked = %1, locked_at = %2, process_id = ? "
                       "WHERE id = 1 AND is_locked = %3")
            .arg(d.trueLiteral(), d.nowSql(), d.falseLiteral()),
        {uuid});
    if (!update) {
        m_connection.rollback();
        return update.error();
    }
    *taken = update->numRowsAffected() == 1;
    if (!*taken)
        return m_connection.rollback();
    for (const auto &[sql, binds] :
         {std::pair{QStringLiteral("DELETE FROM tidemark_lock_holder"), QVariantList{}},
          std::pair{QStringLiteral("INSERT INTO tidemark_lock_holder (process_id, os_user, host, "
                                   "pid, command, tool_version) VALUES (?, ?, ?, ?, ?, ?)"),
                    QVariantList{uuid, m_identity.osUser, m_identity.host, m_identity.pid,
                                 m_command, m_identity.toolVersion}}}) {
        if (Result<QSqlQuery> done = m_connection.exec(sql, binds); !done) {
            m_connection.rollback();
            return done.error();
        }
    }
    if (Status s = m_connection.commit(); !s)
        return s;
    m_processId = uuid;
    return {};
}

Status MigrationLock::acquireRow(int timeoutSeconds, const std::atomic_bool *cancel)
{
    if (holdsRow())
        return {};
    const QDeadlineTimer deadline(std::chrono::seconds(std::max(0, timeoutSeconds)));
    for (;;) {
        bool taken = false;
        if (Status s = tryRowOnce(&taken); !s)
            return s;
        if (taken)
            return {};
        if (isCancelled(cancel))
            return cancelledError();
        if (deadline.hasExpired())
            return heldError(m_connection, timeoutSeconds);
        QThread::msleep(PollIntervalMs);
    }
}

Status MigrationLock::release()
{
    Status result;
    if (!m_processId.isEmpty()) {
        const Dialect &d = m_connection.dialect();
        // A failed file may have left the connection inside an aborted transaction.
        if (m_connection.inTransaction())
            m_connection.rollback();
        m_connection.begin();
        Result<QSqlQuery> done = m_connection.exec(
            QStringLiteral("UPDATE jetbase_lock SET is_locked = %1, locked_at = NULL, "
                           "process_id = NULL WHERE id = 1 AND process_id = ?")
                .arg(d.falseLiteral()),
            {m_processId});
        if (done)
            done = m_connection.exec(
                QStringLiteral("DELETE FROM tidemark_lock_holder WHERE process_id = ?"),
                {m_processId});
        if (done) {
            if (Status s = m_connection.commit(); !s)
                result = s;
        } else {
            m_connection.rollback();
            result = done.error();
        }
        m_processId.clear();
    }
    if (m_sessionHeld) {
        m_connection.exec(m_connection.dialect().releaseSessionLockSql());
        m_sessionHeld = false;
    }
    return result;
}

Error MigrationLock::heldError(Connection &connection, int timeoutSeconds) const
{
    QString who;
    if (Result<LockState> s = state(connection); s.ok()) {
        if (s->locked) {
            who = QStringLiteral(" Held since %1 by process %2").arg(s->lockedAt, s->processId);
            if (!s->holderHost.isEmpty())
                who += QStringLiteral(" (%1@%2, pid %3, %4)")
                           .arg(s->holderUser, s->holderHost)
                           .arg(s->holderPid)
                           .arg(s->holderCommand);
            who += u'.';
        } else if (!s->sessionHolder.isEmpty()) {
            who = QStringLiteral(" Another Tidemark session holds it: %1.").arg(s->sessionHolder);
        }
    }
    const QString waited =
        timeoutSeconds > 0 ? QStringLiteral(" (waited %1 s)").arg(timeoutSeconds) : QString();
    return Error::make(
        Error::Code::Lock,
        QStringLiteral("Migration lock is already held by another process%1.%2").arg(waited, who),
        UnlockAdvice);
}

Result<LockState> MigrationLock::state(Connection &connection)
{
    LockState lock;
    if (const QString sql = connection.dialect().sessionLockHolderSql(); !sql.isEmpty()) {
        if (Result<QVariant> holder = connection.scalar(sql); holder.ok())
            lock.sessionHolder = holder->toString();
    }
    if (!connection.tableExists(QStringLiteral("jetbase_lock")))
        return lock;
    const Dialect &d = connection.dialect();
    Result<QSqlQuery> query = connection.exec(
        QStringLiteral("SELECT is_locked, %1, process_id FROM jetbase_lock WHERE id = 1")
            .arg(d.timestampTextSql(QStringLiteral("locked_at"))));
    if (!query)
        return query.error();
    if (query->next()) {
        lock.locked = query->value(0).toBool() || query->value(0).toInt() == 1;
        lock.lockedAt = query->value(1).toString();
        lock.processId = query->value(2).toString();
    }
    if (lock.locked && connection.tableExists(QStringLiteral("tidemark_lock_holder"))) {
        Result<QSqlQuery> holder = connection.exec(
            QStringLiteral("SELECT os_user, host, pid, command FROM tidemark_lock_holder "
                           "WHERE process_id = ?"),
            {lock.processId});
        if (holder.ok() && holder->next()) {
            lock.holderUser = holder->value(0).toString();
            lock.holderHost = holder->value(1).toString();
            lock.holderPid = holder->value(2).toLongLong();
            lock.holderCommand = holder->value(3).toString();
        }
    }
    return lock;
}

Result<QString> MigrationLock::lockIndefinitely(Connection &connection, const RunIdentity &identity)
{
    MigrationLock lock(connection, identity, QStringLiteral("lock"));
    if (Status s = lock.acquireRow(0); !s)
        return s.error();
    const QString id = lock.m_processId;
    lock.m_processId.clear(); // keep the row locked after this object goes away
    return id;
}

Status MigrationLock::forceUnlock(Connection &connection)
{
    if (!connection.tableExists(QStringLiteral("jetbase_lock")))
        return {};
    const Dialect &d = connection.dialect();
    Result<QSqlQuery> done =
        connection.exec(QStringLiteral("UPDATE jetbase_lock SET is_locked = %1, locked_at = NULL, "
                                       "process_id = NULL WHERE id = 1")
                            .arg(d.falseLiteral()));
    if (!done)
        return done.error();
    if (connection.tableExists(QStringLiteral("tidemark_lock_holder")))
        connection.exec(QStringLiteral("DELETE FROM tidemark_lock_holder"));
    return {};
}

} // namespace tidemark
