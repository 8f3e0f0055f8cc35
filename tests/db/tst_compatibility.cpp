// Jetbase compatibility in the database (JETBASE-COMPAT.md §5): rows written the way Jetbase
// writes them are read correctly, and the tables Tidemark creates match the contract column
// for column.

#include "dbtest.h"

#include <QRegularExpression>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

// The contract's DDL, written out here rather than taken from the dialect classes.
QString contractMigrationsDdl(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Postgres:
        return u"CREATE TABLE jetbase_migrations (order_executed INT GENERATED ALWAYS AS "
               "IDENTITY PRIMARY KEY, version VARCHAR(255), description VARCHAR(500) NOT NULL, "
               "filename VARCHAR(512) NOT NULL, migration_type VARCHAR(32) NOT NULL, applied_at "
               "TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL, checksum VARCHAR(64) NOT NULL)"_s;
    case SqlDialect::MySql:
        return u"CREATE TABLE jetbase_migrations (order_executed INT AUTO_INCREMENT PRIMARY KEY, "
               "version VARCHAR(255), description VARCHAR(500) NOT NULL, filename VARCHAR(512) "
               "NOT NULL, migration_type VARCHAR(32) NOT NULL, applied_at TIMESTAMP(6) DEFAULT "
               "CURRENT_TIMESTAMP(6) NOT NULL, checksum VARCHAR(64) NOT NULL)"_s;
    default:
        return u"CREATE TABLE jetbase_migrations (order_executed INTEGER PRIMARY KEY "
               "AUTOINCREMENT, version TEXT, description TEXT, filename TEXT NOT NULL, "
               "migration_type TEXT NOT NULL, applied_at TEXT DEFAULT "
               "(STRFTIME('%Y-%m-%d %H:%M:%f','NOW')), checksum TEXT)"_s;
    }
}

// Golden vectors of the contract (§4): file content and Jetbase's checksum.
const QByteArray UsersSql = "CREATE TABLE users (\n    id SERIAL PRIMARY KEY,\n"
                            "    name VARCHAR(255) NOT NULL\n);";
const QString UsersChecksum = u"d2f84e0a79e8039495a9c8a5186a397c7798109039aba234392315c7fc5296d5"_s;
const QByteArray MikeSql = "INSERT INTO users (name) VALUES ('mike2');\n\n--rollback\n"
                           "DELETE FROM users WHERE name = 'mike2';";
const QString MikeChecksum = u"9aea75ac1662c9e06491f28c86e9b125bc483e7e6e1f5ecc5adefb2a3dc38903"_s;
const QByteArray TwoTablesSql = "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n";
const QString TwoTablesChecksum =
    u"a2cc86546adf99f254322e3a15ae2d4d9b0c42f8f4e9b68321c7577c74cf53f3"_s;
const QByteArray SelectsSql = "SELECT 1;\nSELECT 2";
const QString SelectsChecksum =
    u"e004ebd5b5532a4b85984a62f8ad48a81aa3460c1ca07701f386135d72cdecf5"_s;

QString insertRow(const QString &version, const QString &description, const QString &fileName,
                  const QString &type, const QString &appliedAt, const QString &checksum)
{
    return u"INSERT INTO jetbase_migrations (version, description, filename, migration_type, "
           "applied_at, checksum) VALUES (%1, '%2', '%3', '%4', '%5', '%6')"_s.arg(
               version.isEmpty() ? u"NULL"_s : u"'" + version + u"'", description, fileName, type,
               appliedAt, checksum);
}

// Jetbase 0.18.1 writes "', 'NOW'" where the contract has "','NOW'".
QString withoutSpaceAfterComma(QString text)
{
    return text.replace(u", '"_s, u",'"_s);
}

// name, then the column's properties, one row per column in table order.
QList<QStringList> columnsOf(const ScratchDatabase &db, const QString &table)
{
    switch (db.dialect()) {
    case SqlDialect::Postgres:
        return queryRows(db, u"SELECT column_name, data_type, character_maximum_length, "
                             "is_nullable, column_default, is_identity, identity_generation FROM "
                             "information_schema.columns WHERE table_schema = 'public' AND "
                             "table_name = '%1' ORDER BY ordinal_position"_s.arg(table));
    case SqlDialect::MySql:
        return queryRows(db, u"SELECT column_name, column_type, is_nullable, column_default, "
                             "extra, column_key FROM information_schema.columns WHERE "
                             "table_schema = DATABASE() AND table_name = '%1' ORDER BY "
                             "ordinal_position"_s.arg(table));
    default: {
        QList<QStringList> rows = queryRows(
            db, u"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('%1') "
                "ORDER BY cid"_s.arg(table));
        for (QStringList &row : rows)
            row[3] = withoutSpaceAfterComma(row[3]);
        return rows;
    }
    }
}

} // namespace

class TestCompatibility : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsJetbaseRows_data() { addDialectRows(); }
    void readsJetbaseRows()
    {
        TM_SCRATCH(db, project);
        QString error;
        QVERIFY2(db.exec(contractMigrationsDdl(db.dialect()), &error), qPrintable(error));
        // Jetbase's own order: V1, then V3 applied before V2 in time but recorded after it
        // (order_executed 3): "latest" goes by applied_at, not by order_executed.
        for (const QString &sql :
             {insertRow(u"1"_s, u"create users"_s, u"V1__create_users.sql"_s, u"VERSIONED"_s,
                        u"2026-11-22 01:46:25.598"_s, UsersChecksum),
              insertRow(u"2"_s, u"add mike"_s, u"V2__add_mike.sql"_s, u"VERSIONED"_s,
                        u"2026-11-22 01:46:27.250"_s, MikeChecksum),
              insertRow(u"3"_s, u"two tables"_s, u"V3__two_tables.sql"_s, u"VERSIONED"_s,
                        u"2026-11-22 01:46:26.004"_s, TwoTablesChecksum),
              insertRow({}, u"refresh"_s, u"RA__refresh.sql"_s, u"RUNS_ALWAYS"_s,
                        u"2026-11-22 01:46:27.900"_s, SelectsChecksum)})
            QVERIFY2(db.exec(sql, &error), qPrintable(error));
        project.write(u"V1__create_users.sql"_s, UsersSql);
        project.write(u"V2__add_mike.sql"_s, MikeSql);
        project.write(u"V3__two_tables.sql"_s, TwoTablesSql);
        project.write(u"RA__refresh.sql"_s, SelectsSql);
        TM_SERVICE(service, project);

        Result<History> history = service->history();
        TM_VERIFY_OK(history);
        QVERIFY(history->tableExists);
        QStringList order;
        for (const HistoryRow &row : history->rows)
            order.append(row.fileName);
        QCOMPARE(order, QStringList({u"V1__create_users.sql"_s, u"V3__two_tables.sql"_s,
                                     u"V2__add_mike.sql"_s, u"RA__refresh.sql"_s}));
        const HistoryRow &first = history->rows.first();
        QCOMPARE(first.version, u"1"_s);
        QCOMPARE(first.description, u"create users"_s);
        QCOMPARE(first.kind, MigrationKind::Versioned);
        QCOMPARE(first.checksum, UsersChecksum);
        QCOMPARE(first.orderExecuted, qint64(1));
        QVERIFY2(first.appliedAt.startsWith(u"2026-11-22 01:46:25.598"_s),
                 qPrintable(first.appliedAt));
        const HistoryRow &ra = history->rows.last();
        QCOMPARE(ra.kind, MigrationKind::RunsAlways);
        QVERIFY(ra.version.isEmpty());
        QCOMPARE(ra.orderExecuted, qint64(4));

        Result<QString> current = service->currentVersion();
        TM_VERIFY_OK(current);
        QCOMPARE(current.value(), u"2"_s);

        Result<StatusReport> status = service->status();
        TM_VERIFY_OK(status);
        QCOMPARE(status->latestVersion, u"2"_s);
        QVERIFY(status->problems.isEmpty());
        QCOMPARE(status->entries.size(), 4);
        // Applied, and the runs-always file says that it runs on every upgrade.
        for (const StatusEntry &e : status->entries)
            QVERIFY2(e.state == (e.kind == MigrationKind::RunsAlways ? MigrationState::RunsAlways
                                                                     : MigrationState::Applied),
                     qPrintable(e.fileName));
        QCOMPARE(status->pending.size(), 1); // the RA file, which runs on every upgrade
        QCOMPARE(status->pending.first().fileName, u"RA__refresh.sql"_s);
        TM_VERIFY_OK(service->validate());
        QVERIFY(service->validate()->isEmpty());

        // Extra columns added by others are tolerated; Tidemark goes on from there.
        QVERIFY(db.exec(u"ALTER TABLE jetbase_migrations ADD COLUMN deployed_by VARCHAR(20)"_s));
        project.write(u"V4__four.sql"_s, "CREATE TABLE four4 (id INT);\n");
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(outcome->run.completedFiles,
                 QStringList({u"V4__four.sql"_s, u"RA__refresh.sql"_s}));
        QCOMPARE(countRows(db, u"jetbase_migrations"_s), 5);
        QCOMPARE(db.query(u"SELECT order_executed FROM jetbase_migrations WHERE filename = "
                          "'RA__refresh.sql'"_s),
                 QStringList({u"4"_s}));
        QCOMPARE(service->currentVersion().value(), u"4"_s);
        if (db.dialect() == SqlDialect::Sqlite) {
            // The text format Jetbase's default writes.
            const QString appliedAt = db.query(u"SELECT applied_at FROM jetbase_migrations "
                                               "WHERE version = '4'"_s)
                                          .value(0);
            QVERIFY2(QRegularExpression(u"^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}$"_s)
                         .match(appliedAt)
                         .hasMatch(),
                     qPrintable(appliedAt));
        }
    }

    void tablesMatchContract_data() { addDialectRows(); }
    void tablesMatchContract()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__one.sql"_s, "CREATE TABLE one1 (id INT);\n");
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));
        project.write(u"V2__two.sql"_s, "CREATE TABLE two2 (id INT);\n");
        TM_VERIFY_OK(service->upgrade({}, false)); // the tables exist: created idempotently

        const QString null = u"<null>"_s;
        QList<QStringList> migrations, lock;
        switch (db.dialect()) {
        case SqlDialect::Postgres:
            migrations = {
                {u"order_executed"_s, u"integer"_s, null, u"NO"_s, null, u"YES"_s, u"ALWAYS"_s},
                {u"version"_s, u"character varying"_s, u"255"_s, u"YES"_s, null, u"NO"_s, null},
                {u"description"_s, u"character varying"_s, u"500"_s, u"NO"_s, null, u"NO"_s, null},
                {u"filename"_s, u"character varying"_s, u"512"_s, u"NO"_s, null, u"NO"_s, null},
                {u"migration_type"_s, u"character varying"_s, u"32"_s, u"NO"_s, null, u"NO"_s,
                 null},
                {u"applied_at"_s, u"timestamp without time zone"_s, null, u"NO"_s,
                 u"CURRENT_TIMESTAMP"_s, u"NO"_s, null},
                {u"checksum"_s, u"character varying"_s, u"64"_s, u"NO"_s, null, u"NO"_s, null}};
            lock = {
                {u"id"_s, u"integer"_s, null, u"NO"_s, null, u"NO"_s, null},
                {u"is_locked"_s, u"boolean"_s, null, u"NO"_s, u"false"_s, u"NO"_s, null},
                {u"locked_at"_s, u"timestamp without time zone"_s, null, u"YES"_s, null, u"NO"_s,
                 null},
                {u"process_id"_s, u"character varying"_s, u"36"_s, u"YES"_s, null, u"NO"_s, null}};
            break;
        case SqlDialect::MySql:
            migrations = {
                {u"order_executed"_s, u"int(11)"_s, u"NO"_s, null, u"auto_increment"_s, u"PRI"_s},
                {u"version"_s, u"varchar(255)"_s, u"YES"_s, u"NULL"_s, {}, {}},
                {u"description"_s, u"varchar(500)"_s, u"NO"_s, null, {}, {}},
                {u"filename"_s, u"varchar(512)"_s, u"NO"_s, null, {}, {}},
                {u"migration_type"_s, u"varchar(32)"_s, u"NO"_s, null, {}, {}},
                {u"applied_at"_s, u"timestamp(6)"_s, u"NO"_s, u"current_timestamp(6)"_s, {}, {}},
                {u"checksum"_s, u"varchar(64)"_s, u"NO"_s, null, {}, {}}};
            lock = {{u"id"_s, u"int(11)"_s, u"NO"_s, null, {}, u"PRI"_s},
                    {u"is_locked"_s, u"tinyint(1)"_s, u"NO"_s, u"0"_s, {}, {}},
                    {u"locked_at"_s, u"timestamp(6)"_s, u"YES"_s, u"NULL"_s, {}, {}},
                    {u"process_id"_s, u"varchar(36)"_s, u"YES"_s, u"NULL"_s, {}, {}}};
            break;
        default:
            migrations = {{u"order_executed"_s, u"INTEGER"_s, u"0"_s, null, u"1"_s},
                          {u"version"_s, u"TEXT"_s, u"0"_s, null, u"0"_s},
                          {u"description"_s, u"TEXT"_s, u"0"_s, null, u"0"_s},
                          {u"filename"_s, u"TEXT"_s, u"1"_s, null, u"0"_s},
                          {u"migration_type"_s, u"TEXT"_s, u"1"_s, null, u"0"_s},
                          {u"applied_at"_s, u"TEXT"_s, u"0"_s,
                           u"STRFTIME('%Y-%m-%d %H:%M:%f','NOW')"_s, u"0"_s},
                          {u"checksum"_s, u"TEXT"_s, u"0"_s, null, u"0"_s}};
            // locked_at has the default of Jetbase 0.18.1's SQLite DDL (the contract gives
            // only the type).
            lock = {{u"id"_s, u"INTEGER"_s, u"0"_s, null, u"1"_s},
                    {u"is_locked"_s, u"BOOLEAN"_s, u"1"_s, u"0"_s, u"0"_s},
                    {u"locked_at"_s, u"TEXT"_s, u"0"_s, u"STRFTIME('%Y-%m-%d %H:%M:%f','NOW')"_s,
                     u"0"_s},
                    {u"process_id"_s, u"TEXT"_s, u"0"_s, null, u"0"_s}};
            QCOMPARE(db.query(u"SELECT COUNT(*) FROM sqlite_master WHERE name = "
                              "'jetbase_migrations' AND sql LIKE '%order_executed INTEGER PRIMARY "
                              "KEY AUTOINCREMENT%'"_s),
                     QStringList({u"1"_s}));
        }
        QCOMPARE(columnsOf(db, u"jetbase_migrations"_s), migrations);
        QCOMPARE(columnsOf(db, u"jetbase_lock"_s), lock);
        if (db.dialect() == SqlDialect::Postgres) {
            for (const QString &table : {u"jetbase_migrations"_s, u"jetbase_lock"_s}) {
                QCOMPARE(
                    db.query(u"SELECT kcu.column_name FROM information_schema.table_constraints "
                             "tc JOIN information_schema.key_column_usage kcu ON "
                             "kcu.constraint_name = tc.constraint_name WHERE tc.table_name = "
                             "'%1' AND tc.constraint_type = 'PRIMARY KEY'"_s.arg(table)),
                    QStringList({table == u"jetbase_lock" ? u"id"_s : u"order_executed"_s}));
            }
        }

        // The single lock row, unlocked, and the CHECK (id = 1) where the contract has one.
        QCOMPARE(queryRows(db, u"SELECT id, process_id FROM jetbase_lock"_s),
                 QList<QStringList>({{u"1"_s, null}}));
        QVERIFY(!isTrue(db.query(u"SELECT is_locked FROM jetbase_lock"_s).value(0)));
        QVERIFY(!db.exec(u"INSERT INTO jetbase_lock (id, is_locked) VALUES (2, %1)"_s.arg(
            db.dialect() == SqlDialect::Sqlite ? u"0"_s : u"FALSE"_s)));
        QCOMPARE(countRows(db, u"jetbase_lock"_s), 1);
        // Tidemark's tables are beside Jetbase's, never inside them.
        QVERIFY(db.tableExists(u"tidemark_journal"_s));
    }
};

QTEST_GUILESS_MAIN(TestCompatibility)
#include "tst_compatibility.moc"
