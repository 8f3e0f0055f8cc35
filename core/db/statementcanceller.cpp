#include "statementcanceller.h"

#include "db/connection.h"
#include "db/libpq.h"
#include "db/nativehandle.h"

#include <sqlite3.h>

#include <chrono>

namespace tidemark {

namespace {

constexpr auto PollInterval = std::chrono::milliseconds(50);

} // namespace

StatementCanceller::StatementCanceller(Connection &connection)
    : m_dialect(connection.spec().dialect)
    , m_spec(connection.spec())
{
    const QSqlDatabase database = connection.database();
    switch (m_dialect) {
    case SqlDialect::Postgres:
        m_pq = libPq();
        if (PGconn *pg = nativeHandle<PGconn *>(database, {"PGconn*", "pg_conn*"}); pg && m_pq)
            m_pgCancel = m_pq->getCancel(pg);
        break;
    case SqlDialect::Sqlite:
        m_sqlite = nativeHandle<sqlite3 *>(database, {"sqlite3*"});
        break;
    case SqlDialect::MySql:
        if (Result<QVariant> id = connection.scalar(QStringLiteral("SELECT CONNECTION_ID()")))
            m_mysqlConnectionId = id->toLongLong();
        break;
    default:
        break;
    }
}

StatementCanceller::~StatementCanceller()
{
    if (m_pgCancel)
        m_pq->freeCancel(m_pgCancel);
}

bool StatementCanceller::cancel(QString *why)
{
    const auto fail = [why](const QString &text) {
        if (why)
            *why = text;
        return false;
    };
    switch (m_dialect) {
    case SqlDialect::Postgres: {
        if (!m_pq)
            return fail(
                QStringLiteral("libpq, the PostgreSQL client library, could not be loaded"));
        if (!m_pgCancel)
            return fail(QStringLiteral("the PostgreSQL driver gave no connection handle"));
        char error[256] = {};
        if (!m_pq->cancel(m_pgCancel, error, sizeof error))
            return fail(QString::fromLocal8Bit(error));
        return true;
    }
    case SqlDialect::Sqlite:
        if (!m_sqlite)
            return fail(QStringLiteral("the SQLite driver gave no connection handle"));
        sqlite3_interrupt(m_sqlite);
        return true;
    case SqlDialect::MySql: {
        if (m_mysqlConnectionId <= 0)
            return fail(QStringLiteral("the connection's id is unknown"));
        // QtSql connections belong to the thread that opens them: this one is opened, used and
        // closed here.
        Result<std::unique_ptr<Connection>> second = Connection::open(m_spec);
        if (!second)
            return fail(second.error().message);
        Result<QSqlQuery> killed =
            (*second)->exec(QStringLiteral("KILL QUERY %1").arg(m_mysqlConnectionId));
        if (!killed)
            return fail(killed.error().dbText);
        return true;
    }
    default:
        return fail(QStringLiteral("this database cannot cancel a running statement"));
    }
}

CancelWatchdog::CancelWatchdog(Connection &connection, const std::atomic_bool *cancel)
    : m_canceller(connection)
    , m_cancel(cancel)
{
    if (m_cancel)
        m_thread = std::thread([this] { watch(); });
}

CancelWatchdog::~CancelWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void CancelWatchdog::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        if (m_cancel->load()) {
            m_fired = true;
            lock.unlock();
            m_canceller.cancel();
            return;
        }
        m_wake.wait_for(lock, PollInterval);
    }
}

} // namespace tidemark
