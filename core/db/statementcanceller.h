#pragma once

#include "db/databaseurl.h"

#include <QString>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

struct pg_cancel;
struct sqlite3;

namespace tidemark {

class Connection;
struct LibPq;

// Stops the statement a Connection is running, from another thread: PostgreSQL sends a cancel
// request (libpq's PQcancel on the driver's native handle), MySQL/MariaDB runs KILL QUERY for
// the connection's id from a second connection, SQLite calls sqlite3_interrupt. The server
// then fails the statement, and the caller rolls the file back as for any failure.
class StatementCanceller
{
public:
    // Reads what cancelling needs on the connection's own thread.
    explicit StatementCanceller(Connection &connection);
    ~StatementCanceller();
    StatementCanceller(const StatementCanceller &) = delete;
    StatementCanceller &operator=(const StatementCanceller &) = delete;

    // Thread-safe. False (and why) when the request could not be sent.
    bool cancel(QString *why = nullptr);

private:
    SqlDialect m_dialect;
    ConnectionSpec m_spec;
    const LibPq *m_pq = nullptr;
    pg_cancel *m_pgCancel = nullptr;
    sqlite3 *m_sqlite = nullptr;
    qint64 m_mysqlConnectionId = 0;
};

// While it lives, watches a cancel flag (Ctrl+C, SIGTERM, the window's Stop) and the first time
// it is set cancels the running statement, so a statement that waits for a lock or runs long
// stops within a poll interval instead of at its end.
class CancelWatchdog
{
public:
    CancelWatchdog(Connection &connection, const std::atomic_bool *cancel);
    ~CancelWatchdog();
    CancelWatchdog(const CancelWatchdog &) = delete;
    CancelWatchdog &operator=(const CancelWatchdog &) = delete;

    bool fired() const { return m_fired.load(); }

private:
    void watch();

    StatementCanceller m_canceller;
    const std::atomic_bool *m_cancel;
    std::atomic_bool m_fired{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace tidemark
