#pragma once

// Reading a scratch database back after a CLI run: the dialect rows of data-driven tests,
// the tables, the tracking rows and a snapshot that shows any change a refused run must not make.

#include "testsupport.h"

#include <QTest>

Q_DECLARE_METATYPE(tidemark::SqlDialect)

namespace tidemark::test {

// The "dialect" column with the rows sqlite, postgresql and mariadb.
inline void addDialectColumnRows()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("sqlite") << SqlDialect::Sqlite;
    QTest::newRow("postgresql") << SqlDialect::Postgres;
    QTest::newRow("mariadb") << SqlDialect::MySql;
}

// Schemas or databases whose name says they are Tidemark's scratch spaces (diff and
// make-migrations must drop theirs, also after an error).
inline QStringList leftoverScratch(const ScratchDatabase &db)
{
    switch (db.dialect()) {
    case SqlDialect::Postgres:
        return db.query(QStringLiteral("SELECT nspname FROM pg_namespace WHERE nspname LIKE "
                                       "'tidemark_scratch_%'"));
    case SqlDialect::MySql:
        return db.query(QStringLiteral("SELECT schema_name FROM information_schema.schemata WHERE "
                                       "schema_name LIKE 'tidemark_scratch_%'"));
    default:
        return {};
    }
}

// The throwaway databases rehearse and drift make on the scratch database's server.
inline QStringList throwawayDatabases(const ScratchDatabase &db)
{
    switch (db.dialect()) {
    case SqlDialect::Postgres:
        return db.query(QStringLiteral(
            "SELECT datname FROM pg_database WHERE datname LIKE 'tidemark_throwaway_%'"));
    case SqlDialect::MySql:
        return db.query(QStringLiteral("SELECT schema_name FROM information_schema.schemata "
                                       "WHERE schema_name LIKE 'tidemark_throwaway_%'"));
    default:
        return {};
    }
}

// Empty when the run's stderr says its throwaway database was dropped and it is really gone
// (other tests may be making their own at the same time); else what is wrong.
inline QString throwawayLeftBehind(const ScratchDatabase &db, const QString &stderrText)
{
    if (db.dialect() == SqlDialect::Sqlite)
        return stderrText.contains(QStringLiteral("Removed the")) ? QString() : stderrText;
    const QString marker = QStringLiteral("Dropped the throwaway database ");
    const qsizetype at = stderrText.indexOf(marker);
    if (at < 0)
        return QStringLiteral("no drop reported: ") + stderrText;
    const QString name = stderrText.mid(at + marker.size()).section(u'.', 0, 0);
    return throwawayDatabases(db).contains(name) ? name + QStringLiteral(" is still there")
                                                 : QString();
}

inline int rowCount(const ScratchDatabase &db, const QString &tableAndWhere)
{
    return db.query(QStringLiteral("SELECT COUNT(*) FROM ") + tableAndWhere).value(0).toInt();
}

// The versions in jetbase_migrations (VERSIONED rows) in the order they were applied.
inline QStringList trackedVersions(const ScratchDatabase &db)
{
    if (!db.tableExists(QStringLiteral("jetbase_migrations")))
        return {};
    return db.query(QStringLiteral("SELECT version FROM jetbase_migrations WHERE migration_type "
                                   "= 'VERSIONED' ORDER BY order_executed"));
}

// "version filename type checksum" of every tracking row, by order_executed.
inline QStringList trackingRows(const ScratchDatabase &db)
{
    if (!db.tableExists(QStringLiteral("jetbase_migrations")))
        return {};
    const QString concat =
        db.dialect() == SqlDialect::MySql
            ? QStringLiteral("CONCAT(COALESCE(version, '-'), ' ', filename, ' ', migration_type, "
                             "' ', checksum)")
            : QStringLiteral("COALESCE(version, '-') || ' ' || filename || ' ' || migration_type "
                             "|| ' ' || checksum");
    return db.query(
        QStringLiteral("SELECT %1 FROM jetbase_migrations ORDER BY order_executed").arg(concat));
}

// Tables with their row counts, the tracking rows and the lock row: what a refused run must
// leave exactly as it was.
inline QStringList snapshotOf(const ScratchDatabase &db)
{
    QStringList state;
    for (const QString &table : tableNames(db))
        state.append(table + QStringLiteral(": ") + QString::number(rowCount(db, table)));
    state += trackingRows(db);
    if (db.tableExists(QStringLiteral("jetbase_lock")))
        state +=
            db.query(QStringLiteral("SELECT COALESCE(process_id, 'unlocked') FROM jetbase_lock"));
    return state;
}

} // namespace tidemark::test

#define CLI_REQUIRE_DIALECT(db)                                                                    \
    QFETCH(tidemark::SqlDialect, dialect);                                                         \
    tidemark::test::ScratchDatabase db(dialect);                                                   \
    TIDEMARK_REQUIRE(db)
