#pragma once

#include "common/sqldialect.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace tidemark {
class Connection;
}

namespace tidemark::test {

// The admin URL of a test server from TIDEMARK_TEST_PG_URL / TIDEMARK_TEST_MARIADB_URL, or
// empty when unset.
QString serverUrl(SqlDialect dialect);

// True when TIDEMARK_REQUIRE_SERVERS=1: a missing server is then a failure, not a skip.
bool serversRequired();

// A database of its own for one test: a SQLite file in a temporary folder, or a new database
// on the PostgreSQL or MariaDB test server, dropped again in the destructor.
class ScratchDatabase
{
public:
    // Empty url() when the server is not configured; check available().
    explicit ScratchDatabase(SqlDialect dialect);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    bool available() const { return !m_url.isEmpty(); }
    SqlDialect dialect() const { return m_dialect; }
    QString url() const { return m_url; } // a SQLAlchemy URL of the new database
    QString name() const { return m_name; }
    // Runs one statement on its own connection; returns the first column of every row.
    QStringList query(const QString &sql) const;
    bool exec(const QString &sql, QString *errorText = nullptr) const;
    bool tableExists(const QString &table) const;

private:
    SqlDialect m_dialect;
    QString m_url;
    QString m_name;
    QString m_adminUrl;
    std::unique_ptr<QTemporaryDir> m_dir;
};

// A connection of the test's own (qFatal when it cannot be had: a broken test setup).
std::unique_ptr<Connection> connectTo(const QString &url);

// Every table of the database's current schema, sorted.
QStringList tableNames(const ScratchDatabase &db);

// Skips (developer machine) or fails (CI) a test when the server is not configured.
#define TIDEMARK_REQUIRE(db)                                                                       \
    do {                                                                                           \
        if (!(db).available()) {                                                                   \
            if (tidemark::test::serversRequired())                                                 \
                QFAIL("server not configured but TIDEMARK_REQUIRE_SERVERS=1");                     \
            QSKIP("server not configured (set TIDEMARK_TEST_PG_URL / TIDEMARK_TEST_MARIADB_URL)"); \
        }                                                                                          \
    } while (false)

// A temporary project: <root>/jetbase/migrations and an env.py with the given URL.
class TempProject
{
public:
    explicit TempProject(const QString &url = {});
    QString root() const { return m_dir.path(); }
    QString jetbaseDir() const { return m_dir.path() + QStringLiteral("/jetbase"); }
    QString migrationsDir() const { return jetbaseDir() + QStringLiteral("/migrations"); }
    void setUrl(const QString &url);
    // Writes a file under migrations/ (sub folders created as needed); returns its path.
    QString write(const QString &relativePath, const QByteArray &content) const;
    bool remove(const QString &relativePath) const;

private:
    QTemporaryDir m_dir;
};

} // namespace tidemark::test
