#include "migrationlock.h"

#include "common/invocation.h"
#include "db/connection.h"
#include "history/journal.h"

#include <QSysInfo>
#include <QUuid>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

#include <QDeadlineTimer>
#include <QThread>

namespace tidemark {

namespace {

constexpr int PollIntervalMs = 200;

QString unlockAdvice()
{
    return QStringLiteral(
               "If you are completely sure that no other migrations are running, you can unlock "
               "using:\n  %1\nOr wait for the lock with --lock-timeout SECONDS.\n"
               "WARNING: Unlocking then running a migration while another migration process is "
               "running may lead to database corruption.")
        .arg(cliCommand(QStringLiteral("unlock")));
}

bool isCancelled(const std::atomic_bool *cancel)
{
    return cancel && cancel->load();
}

// A process of this host that no longer exists (a reused pid counts as alive: never guess).
bool processIsGone(const QString &host, qint64 pid)
{
#ifdef Q_OS_UNIX
    if (pid <= 0 || host != QSysInfo::machineHostName())
        return false;
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
#else
    Q_UNUSED(host);
    Q_UNUSED(pid);
    return false;
#endif
}

// "1234 app@10.0.0.5 since ...": the leading backend pid or connection id.
qint64 leadingNumber(const QString &text)
{
    return text.section(u' ', 0, 0).toLongLong();
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
        bool released = false;
        if (Status s = releaseStaleRow(&released); !s)
            return s;
        if (released)
            continue;
        if (isCancelled(cancel))
            return cancelledError();
        if (deadline.hasExpired())
            return heldError(m_connection, timeoutSeconds);
        QThread::msleep(PollIntervalMs);
    }
}

Status MigrationLock::releaseStaleRow(bool *released)
{
    *released = false;
    Result<LockState> read = state(m_connection);
    if (!read)
        return read.error();
    const LockState &s = read.value();
    // Tidemark's own runs only (a holder record); never `lock`, which holds on purpose after
    // its process ended, and never Jetbase (no record): for those nobody can prove anything.
    if (!s.locked || s.holderHost.isEmpty() || s.holderCommand == u"lock")
        return {};
    QString why;
    if (s.holderGone) {
        why = QStringLiteral("its process %1 on this host (%2) no longer exists")
                  .arg(s.holderPid)
                  .arg(s.holderHost);
    } else if (m_sessionHeld) {
        // Every Tidemark run holds the session lock for as long as it holds the row; we hold
        // the session lock now, so the session that took the row has ended.
        why = QStringLiteral("its database session has ended (%1@%2, pid %3)")
                  .arg(s.holderUser, s.holderHost)
                  .arg(s.holderPid);
    } else {
        return {};
    }
    const Dialect &d = m_connection.dialect();
    if (Status st = m_connection.begin(); !st)
        return st;
    Result<QSqlQuery> freed = m_connection.exec(
        QStringLiteral("UPDATE jetbase_lock SET is_locked = %1, locked_at = NULL, process_id = "
                       "NULL WHERE id = 1 AND process_id = ?")
            .arg(d.falseLiteral()),
        {s.processId});
    if (freed)
        freed = m_connection.exec(
            QStringLiteral("DELETE FROM tidemark_lock_holder WHERE process_id = ?"), {s.processId});
    JournalEntry entry;
    entry.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    entry.operation = QStringLiteral("unlock");
    entry.fileName = QStringLiteral("jetbase_lock");
    entry.migrationType = QStringLiteral("LOCK");
    entry.osUser = m_identity.osUser;
    entry.host = m_identity.host;
    entry.toolVersion = m_identity.toolVersion;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.outcome = QStringLiteral("released");
    entry.errorText = QStringLiteral("Released the stale migration lock of %1 (%2, held since %3): "
                                     "%4.")
                          .arg(s.processId, s.holderCommand, s.lockedAt, why);
    Status journaled = freed ? Journal(m_connection).write(entry) : Status(freed.error());
    if (!journaled) {
        m_connection.rollback();
        return journaled;
    }
    if (Status st = m_connection.commit(); !st)
        return st;
    m_releasedStale = entry.errorText;
    *released = true;
    return {};
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
    QString advice = unlockAdvice();
    if (Result<LockState> read = state(connection); read.ok()) {
        const LockState &s = read.value();
        const QString held =
            s.heldSeconds >= 0 ? QStringLiteral(" (for %1 s)").arg(s.heldSeconds) : QString();
        if (s.locked) {
            who =
                QStringLiteral(" Held since %1%2 by process %3").arg(s.lockedAt, held, s.processId);
            if (!s.holderHost.isEmpty())
                who += QStringLiteral(" (%1@%2, pid %3, %4)")
                           .arg(s.holderUser, s.holderHost)
                           .arg(s.holderPid)
                           .arg(s.holderCommand);
            who += u'.';
            if (s.holderCommand == u"lock") {
                advice = QStringLiteral("The lock was taken on purpose with \"lock\"; release it "
                                        "with \"%1\" when the maintenance is over.")
                             .arg(cliCommand(QStringLiteral("unlock")));
            } else if (!s.holderHost.isEmpty() && s.holderHost == m_identity.host) {
                advice = QStringLiteral("That run is still going on this host (pid %1 is "
                                        "alive): wait for it with --lock-timeout SECONDS, or "
                                        "stop it (Ctrl+C, or the window's Stop).")
                             .arg(s.holderPid);
            } else if (!s.holderHost.isEmpty()) {
                advice = QStringLiteral("The holder runs on another host (%1); Tidemark cannot see "
                                        "whether it is still alive. Wait with --lock-timeout "
                                        "SECONDS; if you are sure it is gone:\n  unlock")
                             .arg(s.holderHost);
            }
        } else if (!s.sessionHolder.isEmpty()) {
            who = QStringLiteral(" Another session holds Tidemark's session lock: %1.")
                      .arg(s.sessionHolder);
            const bool postgres = connection.dialect().kind() == SqlDialect::Postgres;
            advice =
                QStringLiteral("A session lock is released only when its session ends; "
                               "\"unlock\" cannot release it. If no Tidemark run is active there "
                               "(a client that died and left its %1 behind), end that session:\n"
                               "  %2")
                    .arg(postgres ? QStringLiteral("backend") : QStringLiteral("connection"),
                         postgres ? QStringLiteral("SELECT pg_terminate_backend(%1);")
                                        .arg(s.sessionHolderId)
                                  : QStringLiteral("KILL %1;").arg(s.sessionHolderId));
        }
    }
    const QString waited =
        timeoutSeconds > 0 ? QStringLiteral(" (waited %1 s)").arg(timeoutSeconds) : QString();
    return Error::make(
        Error::Code::Lock,
        QStringLiteral("Migration lock is already held by another process%1.%2").arg(waited, who),
        advice);
}

Result<LockState> MigrationLock::state(Connection &connection)
{
    LockState lock;
    if (const QString sql = connection.dialect().sessionLockHolderSql(); !sql.isEmpty()) {
        if (Result<QVariant> holder = connection.scalar(sql); holder.ok()) {
            lock.sessionHolder = holder->toString();
            lock.sessionHolderId = leadingNumber(lock.sessionHolder);
        }
    }
    if (!connection.tableExists(QStringLiteral("jetbase_lock")))
        return lock;
    const Dialect &d = connection.dialect();
    const QString since = d.secondsSinceSql(QStringLiteral("locked_at"));
    Result<QSqlQuery> query = connection.exec(
        QStringLiteral("SELECT is_locked, %1, process_id, %2 FROM jetbase_lock WHERE id = 1")
            .arg(d.timestampTextSql(QStringLiteral("locked_at")),
                 since.isEmpty() ? QStringLiteral("NULL") : since));
    if (!query)
        return query.error();
    if (query->next()) {
        lock.locked = query->value(0).toBool() || query->value(0).toInt() == 1;
        lock.lockedAt = query->value(1).toString();
        lock.processId = query->value(2).toString();
        if (lock.locked && !query->isNull(3))
            lock.heldSeconds = query->value(3).toLongLong();
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
            lock.holderGone =
                lock.holderCommand != u"lock" && processIsGone(lock.holderHost, lock.holderPid);
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
