#pragma once

// Helpers shared by the db/ tests: the dialect rows, a project whose env.py points at a
// ScratchDatabase, MigrationService on it, and queries that read the database back.

#include "testsupport.h"

#include "db/connection.h"
#include "db/databaseurl.h"
#include "engine/migrationservice.h"
#include "engine/project.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlRecord>
#include <QtTest>

#include <memory>

Q_DECLARE_METATYPE(tidemark::SqlDialect)

// Fails the test with the error's full text when a Result, Status or RunResult is not ok. The
// expression is evaluated once.
#define TM_VERIFY_OK(expression)                                                                   \
    do {                                                                                           \
        const auto &tmChecked = (expression);                                                      \
        QVERIFY2(tmChecked.ok(), qPrintable(tidemark::test::errorText(tmChecked)));                \
    } while (false)

// A fresh database for the dialect of the current data row (skips or fails when its server is
// not configured) and a project whose env.py has its URL.
#define TM_SCRATCH(db, project)                                                                    \
    QFETCH(tidemark::SqlDialect, dialect);                                                         \
    tidemark::test::ScratchDatabase db(dialect);                                                   \
    TIDEMARK_REQUIRE(db);                                                                          \
    tidemark::test::TempProject project(db.url())

// A MigrationService on the project, or a failed test.
#define TM_SERVICE(service, project)                                                               \
    std::unique_ptr<tidemark::MigrationService> service = tidemark::test::openService(project);    \
    QVERIFY2(service, "Project::open failed")

namespace tidemark::test {

template <typename T> QString errorText(const Result<T> &result)
{
    return result.error().fullText();
}
inline QString errorText(const Status &status)
{
    return status.error().fullText();
}
inline QString errorText(const RunResult &run)
{
    return run.error.fullText();
}

// The `dialect` column with the rows "sqlite", "postgresql" and "mariadb" (those asked for).
inline void addDialectRows(bool sqlite = true, bool postgres = true, bool mariadb = true)
{
    QTest::addColumn<SqlDialect>("dialect");
    if (sqlite)
        QTest::newRow("sqlite") << SqlDialect::Sqlite;
    if (postgres)
        QTest::newRow("postgresql") << SqlDialect::Postgres;
    if (mariadb)
        QTest::newRow("mariadb") << SqlDialect::MySql;
}

// env.py with the URL and more Python lines (postgres_schema, skip_*).
inline void writeEnv(const TempProject &project, const QString &url, const QByteArray &more = {})
{
    QFile env(project.jetbaseDir() + QStringLiteral("/env.py"));
    if (!env.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write env.py");
    env.write("sqlalchemy_url = \"" + url.toUtf8() + "\"\n" + more);
}

// The system environment without JETBASE_* and TIDEMARK_* settings that could change the
// project's configuration.
inline QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &key : environment.keys()) {
        if (key.startsWith(QStringLiteral("JETBASE_")) || key == QStringLiteral("TIDEMARK_PROJECT"))
            environment.remove(key);
    }
    return environment;
}

inline std::unique_ptr<MigrationService> openService(const TempProject &project)
{
    ProjectOptions options;
    options.projectDir = project.root();
    options.environment = cleanEnvironment();
    Result<Project> opened = Project::open(options);
    if (!opened) {
        qWarning("%s", qPrintable(opened.error().fullText()));
        return nullptr;
    }
    return std::make_unique<MigrationService>(opened.value());
}

// Jetbase's checksum of statements as its line reader keeps them: SHA-256 of the texts joined
// with '\n', computed here independently of core.
inline QString checksumOf(const QStringList &statements)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(statements.join(u'\n').toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

// Every row of a query, every column as text; NULL reads as "<null>".
inline QList<QStringList> queryRows(const ScratchDatabase &db, const QString &sql)
{
    auto connection = connectTo(db.url());
    Result<QSqlQuery> q = connection->exec(sql);
    if (!q)
        qFatal("test query failed: %s", qPrintable(q.error().fullText()));
    QList<QStringList> rows;
    while (q->next()) {
        QStringList row;
        for (int i = 0; i < q->record().count(); ++i)
            row.append(q->isNull(i) ? QStringLiteral("<null>") : q->value(i).toString());
        rows.append(row);
    }
    return rows;
}

inline int countRows(const ScratchDatabase &db, const QString &tableAndWhere)
{
    return db.query(QStringLiteral("SELECT COUNT(*) FROM ") + tableAndWhere).value(0).toInt();
}

// A boolean column as the drivers return it: "true"/"false" or "1"/"0".
inline bool isTrue(const QString &value)
{
    return value == u"1" || value.compare(u"true", Qt::CaseInsensitive) == 0 || value == u"t";
}

// A timestamp column as "YYYY-MM-DD HH:MM:SS.ffffff" (SQLite: the stored text).
inline QString timestampText(SqlDialect dialect, const QString &column)
{
    switch (dialect) {
    case SqlDialect::Postgres:
        return QStringLiteral("to_char(%1, 'YYYY-MM-DD HH24:MI:SS.US')").arg(column);
    case SqlDialect::MySql:
        return QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%d %H:%i:%s.%f')").arg(column);
    default:
        return column;
    }
}

// VERSIONED rows of jetbase_migrations in the order they were applied.
inline QStringList appliedVersions(const ScratchDatabase &db)
{
    if (!db.tableExists(QStringLiteral("jetbase_migrations")))
        return {};
    return db.query(QStringLiteral("SELECT version FROM jetbase_migrations WHERE migration_type = "
                                   "'VERSIONED' ORDER BY order_executed"));
}

// Everything a run could change: every table with its columns and its row count, every other
// schema object (SQLite), and the lock row.
inline QStringList snapshot(const ScratchDatabase &db)
{
    QStringList state;
    switch (db.dialect()) {
    case SqlDialect::Postgres:
        state = db.query(QStringLiteral(
            "SELECT table_name || '.' || column_name || ':' || data_type FROM "
            "information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, "
            "ordinal_position"));
        break;
    case SqlDialect::MySql:
        state = db.query(QStringLiteral(
            "SELECT CONCAT(table_name, '.', column_name, ':', column_type) FROM "
            "information_schema.columns WHERE table_schema = DATABASE() ORDER BY table_name, "
            "ordinal_position"));
        break;
    default:
        state = db.query(QStringLiteral("SELECT type || ' ' || name || ': ' || COALESCE(sql, '') "
                                        "FROM sqlite_master ORDER BY type, name"));
    }
    for (const QString &table : tableNames(db)) {
        state.append(table + u" rows " + QString::number(countRows(db, table)));
        if (table == u"jetbase_lock")
            state.append(u"lock " + db.query(QStringLiteral("SELECT COALESCE(process_id, '-') FROM "
                                                            "jetbase_lock"))
                                        .join(u','));
    }
    return state;
}

inline QStringList fileNamesOf(const Plan &plan)
{
    QStringList names;
    for (const PlannedFile &file : plan.files)
        names.append(file.fileName);
    return names;
}

inline QStringList textsOf(const QList<SqlStatement> &statements)
{
    QStringList texts;
    for (const SqlStatement &s : statements)
        texts.append(s.text);
    return texts;
}

} // namespace tidemark::test
