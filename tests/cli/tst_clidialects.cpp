// One full command-line flow on each of SQLite, PostgreSQL and MariaDB: upgrade, status --json,
// rollback --to-version, history and current, with dialect-specific bodies (dollar quotes,
// trigger BEGIN ... END); and what a statement that fails mid-file leaves behind.
#include "clidatabase.h"
#include "clirunner.h"

#include <QJsonArray>
#include <QUrl>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

// V3: a body with semicolons inside, used at once so that the test sees it work.
QByteArray bodyMigration(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Postgres:
        return "CREATE FUNCTION shout(t TEXT) RETURNS TEXT AS $$\n"
               "BEGIN\n"
               "  RETURN upper(t);\n"
               "END;\n"
               "$$ LANGUAGE plpgsql;\n"
               "INSERT INTO items (name) VALUES (shout('quiet'));\n"
               "-- rollback\n"
               "DELETE FROM items WHERE name = 'QUIET';\n"
               "DROP FUNCTION shout(TEXT);\n";
    case SqlDialect::MySql:
        return "CREATE TRIGGER items_shout BEFORE INSERT ON items FOR EACH ROW\n"
               "BEGIN\n"
               "  SET NEW.name = UPPER(NEW.name);\n"
               "END;\n"
               "INSERT INTO items (name) VALUES ('quiet');\n"
               "-- rollback\n"
               "DROP TRIGGER items_shout;\n"
               "DELETE FROM items WHERE name = 'QUIET';\n";
    default:
        return "CREATE TRIGGER items_shout AFTER INSERT ON items\n"
               "BEGIN\n"
               "  UPDATE items SET name = upper(name) WHERE rowid = NEW.rowid;\n"
               "END;\n"
               "INSERT INTO items (name) VALUES ('quiet');\n"
               "-- rollback\n"
               "DROP TRIGGER items_shout;\n"
               "DELETE FROM items WHERE name = 'QUIET';\n";
    }
}

void writeFlow(const TempProject &project, SqlDialect dialect)
{
    project.write(
        QStringLiteral("V1__create_items.sql"),
        "CREATE TABLE items (name VARCHAR(100) NOT NULL);\n-- rollback\nDROP TABLE items;\n");
    project.write(
        QStringLiteral("V2__seed.sql"),
        "INSERT INTO items (name) VALUES ('semi; colon -- not a comment');\n"
        "INSERT INTO items (name) VALUES ('it''s'); INSERT INTO items (name) VALUES ('two');\n"
        "-- rollback\nDELETE FROM items;\n");
    project.write(QStringLiteral("V3__body.sql"), bodyMigration(dialect));
    project.write(QStringLiteral("V4__extra.sql"),
                  "CREATE TABLE extra (id INT);\n-- rollback\nDROP TABLE extra;\n");
    project.write(QStringLiteral("RA__tidy.sql"), "DELETE FROM items WHERE name = 'nobody';\n");
}

QMap<QString, QString> statesByFile(const QJsonObject &status)
{
    QMap<QString, QString> states;
    for (const QJsonValue &v : status.value(QStringLiteral("migrations")).toArray())
        states.insert(v[QStringLiteral("filename")].toString(),
                      v[QStringLiteral("state")].toString());
    return states;
}

QString serverPassword(const ScratchDatabase &db)
{
    return db.dialect() == SqlDialect::Sqlite ? QString() : QUrl(db.url()).password();
}

} // namespace

class TestCliDialects : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fullFlow_data() { addDialectColumnRows(); }
    void fullFlow();
    void failureMidFile_data() { addDialectColumnRows(); }
    void failureMidFile();
};

void TestCliDialects::fullFlow()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeFlow(project, dialect);
    const CliRunner cli(Binary::Cli, project.root());
    const QString password = serverPassword(db);
    QList<CliResult> runs;

    CliResult r = cli.run({QStringLiteral("upgrade")});
    runs << r;
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stderrText().count(QStringLiteral("Migration applied successfully: ")), 5);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Migrations completed successfully."));
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("2"),
                                               QStringLiteral("3"), QStringLiteral("4")}));
    QStringList names = db.query(QStringLiteral("SELECT name FROM items"));
    names.sort(); // in C++: MariaDB's collation sorts case-insensitively
    QCOMPARE(names,
             (QStringList{QStringLiteral("QUIET"), QStringLiteral("it's"),
                          QStringLiteral("semi; colon -- not a comment"), QStringLiteral("two")}));

    r = cli.run({QStringLiteral("status"), QStringLiteral("--json")});
    runs << r;
    CLI_EXPECT_EXIT(r, 0);
    QJsonObject status = r.json();
    QCOMPARE(status.value(QStringLiteral("latest_version")).toString(), QStringLiteral("4"));
    QMap<QString, QString> states = statesByFile(status);
    QCOMPARE(states.value(QStringLiteral("V1__create_items.sql")), QStringLiteral("applied"));
    QCOMPARE(states.value(QStringLiteral("V4__extra.sql")), QStringLiteral("applied"));
    // Only the runs-always file is pending: it runs on every upgrade.
    QCOMPARE(status.value(QStringLiteral("pending")).toArray().size(), 1);
    QCOMPARE(
        status.value(QStringLiteral("pending")).toArray().at(0)[QStringLiteral("type")].toString(),
        QStringLiteral("RUNS_ALWAYS"));
    QVERIFY(status.value(QStringLiteral("problems")).toArray().isEmpty());
    if (!password.isEmpty())
        QVERIFY(status.value(QStringLiteral("url")).toString().contains(QStringLiteral("***")));

    r = cli.run({QStringLiteral("rollback"), QStringLiteral("--to-version"), QStringLiteral("2")});
    runs << r;
    CLI_EXPECT_EXIT(r, 0);
    const QString err = r.stderrText();
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("Rollback applied successfully: V4__extra.sql"));
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("Rollback applied successfully: V3__body.sql"));
    QVERIFY(err.indexOf(QStringLiteral("V4__")) < err.indexOf(QStringLiteral("V3__")));
    CLI_EXPECT_NOT_CONTAINS(r, err, QStringLiteral("V2__seed.sql"));
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    QVERIFY(!db.tableExists(QStringLiteral("extra")));
    QCOMPARE(rowCount(db, QStringLiteral("items")), 3);
    // The trigger / function is gone: a new insert stays lower case.
    QVERIFY(db.exec(QStringLiteral("INSERT INTO items (name) VALUES ('low')")));
    QCOMPARE(rowCount(db, QStringLiteral("items WHERE name = 'low'")), 1);

    r = cli.run({QStringLiteral("status"), QStringLiteral("--json")});
    runs << r;
    status = r.json();
    states = statesByFile(status);
    QCOMPARE(states.value(QStringLiteral("V2__seed.sql")), QStringLiteral("applied"));
    QCOMPARE(states.value(QStringLiteral("V3__body.sql")), QStringLiteral("pending"));
    QCOMPARE(states.value(QStringLiteral("V4__extra.sql")), QStringLiteral("pending"));
    QCOMPARE(status.value(QStringLiteral("pending")).toArray().size(), 3); // V3, V4, RA
    QCOMPARE(status.value(QStringLiteral("latest_version")).toString(), QStringLiteral("2"));

    r = cli.run({QStringLiteral("history")});
    runs << r;
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Migration History"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("create items"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("seed"));
    CLI_EXPECT_NOT_CONTAINS(r, r.stdoutText(), QStringLiteral("extra"));

    r = cli.run({QStringLiteral("current")});
    runs << r;
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("Latest migration version: 2"));

    // Up again: the rolled-back files apply cleanly a second time. --quiet leaves stderr empty,
    // server notices ("relation already exists, skipping") included.
    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--quiet")});
    runs << r;
    CLI_EXPECT_EXIT(r, 0);
    QVERIFY2(r.err.isEmpty() && r.out.isEmpty(), r.describe().constData());
    QCOMPARE(trackedVersions(db).size(), 4);

    if (!password.isEmpty()) {
        for (const CliResult &run : runs) {
            QVERIFY2(!run.out.contains(password.toUtf8()) && !run.err.contains(password.toUtf8()),
                     run.describe().constData());
        }
    }
}

void TestCliDialects::failureMidFile()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__ok.sql"), "CREATE TABLE ok (id INT);\n");
    project.write(QStringLiteral("V2__bad.sql"), "CREATE TABLE half (id INT);\n"
                                                 "INSERT INTO half (id) VALUES (1);\n"
                                                 "\n"
                                                 "INSERT INTO no_such_table (id) VALUES (1);\n");
    project.write(QStringLiteral("V3__never.sql"), "CREATE TABLE never (id INT);\n");
    const CliRunner cli(Binary::Cli, project.root());

    const CliResult r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    const QString err = r.stderrText();
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("Migration applied successfully: V1__ok.sql"));
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("V2__bad.sql failed at line 4"));
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("no_such_table"));
    CLI_EXPECT_NOT_CONTAINS(r, err, QStringLiteral("V3__never.sql"));
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});
    QVERIFY(!db.tableExists(QStringLiteral("never")));
    QCOMPARE(rowCount(db, QStringLiteral("jetbase_lock WHERE process_id IS NULL")), 1);
    QCOMPARE(rowCount(db, QStringLiteral("tidemark_journal WHERE outcome = 'failed'")), 1);

    if (dialect == SqlDialect::MySql) {
        // DDL commits implicitly: the CREATE TABLE stays, and the message says so.
        QVERIFY(db.tableExists(QStringLiteral("half")));
        QCOMPARE(rowCount(db, QStringLiteral("half")), 0);
        CLI_EXPECT_CONTAINS(r, err, QStringLiteral("had already taken effect"));
        CLI_EXPECT_CONTAINS(r, err, QStringLiteral("line 1: CREATE TABLE half (id INT)"));
    } else {
        // One file, one transaction, DDL included.
        QVERIFY(!db.tableExists(QStringLiteral("half")));
        CLI_EXPECT_CONTAINS(r, err, QStringLiteral("rolled back"));
    }
}

QTEST_GUILESS_MAIN(TestCliDialects)
#include "tst_clidialects.moc"
