// check through both binaries: the pending files of a real project (SQLite and PostgreSQL
// URLs, so each database's rules apply), files named on the command line, the exit code on an
// error-level finding, --json, check_disable from jetbase.toml, and a bad rule name.
#include "clidatabase.h"
#include "clirunner.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

class TestCliCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pendingFiles_data() { addBinaryRows(); }
    void pendingFiles();
    void errorExitsOne();
    void postgresRules();
    void namedFilesAndConfiguration();
    void sarifAndGithubFormats();
    void upgradeRefusesOnErrors_data() { addBinaryRows(); }
    void upgradeRefusesOnErrors();
    void postgresAgreesWithCheck();
    void mariadbAgreesWithCheck();
    void renameUnderLiveViewOnMariaDb();
};

void TestCliCheck::pendingFiles()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__books.sql"),
                  "CREATE TABLE books (id INT);\nINSERT INTO books VALUES (1), (2), (3);\n"
                  "-- rollback\nDROP TABLE books;\n");
    project.write(QStringLiteral("V2__purge.sql"), "DELETE FROM books;\n-- rollback\nSELECT 1;\n");
    const CliRunner cli(binary, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade"), QStringLiteral("--count"), QStringLiteral("1")})
                 .exitCode,
             0);

    // Only what the next upgrade runs: V2, with its warning; warnings alone exit 0.
    CliResult r = cli.run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V2__purge.sql:1: warning [delete-without-where] DELETE "
                                       "without WHERE deletes every row. books has 3 row(s) "
                                       "now."));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("0 error(s), 1 warning(s), 0 note(s) in 1 file(s) checked "
                                       "for sqlite."));
    CLI_EXPECT_NOT_CONTAINS(r, r.stdoutText(), QStringLiteral("V1__books.sql"));

    r = cli.run({QStringLiteral("check"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 0);
    const QJsonObject o = r.json();
    QCOMPARE(o.value(QStringLiteral("warnings")).toInt(), 1);
    const QJsonObject finding = o.value(QStringLiteral("findings")).toArray().first().toObject();
    QCOMPARE(finding.value(QStringLiteral("rule")).toString(),
             QStringLiteral("delete-without-where"));
    QCOMPARE(finding.value(QStringLiteral("file")).toString(), QStringLiteral("V2__purge.sql"));
    QCOMPARE(finding.value(QStringLiteral("line")).toInt(), 1);
    QCOMPARE(finding.value(QStringLiteral("live_rows")).toInt(), 3);
    QVERIFY(!finding.value(QStringLiteral("alternative")).toString().isEmpty());
    // check changes nothing.
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});
}

void TestCliCheck::errorExitsOne()
{
    TempProject project(QStringLiteral("sqlite:///fresh.db"));
    const QString database = project.jetbaseDir() + QStringLiteral("/fresh.db");
    project.write(QStringLiteral("V1__commit.sql"),
                  "CREATE TABLE t (id INT);\nCOMMIT;\n-- rollback\nDROP TABLE t;\n");
    const CliRunner cli(Binary::Cli, project.root());
    // The SQLite file does not exist yet: every file is pending, and check does not create it.
    QVERIFY(!QFileInfo::exists(database));
    CliResult r = cli.run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V1__commit.sql:2: error [transaction-control]"));
    QVERIFY(!QFileInfo::exists(database));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("1 error(s)"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("allow=RULE"));
    r = cli.run({QStringLiteral("check"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 1);
    QCOMPARE(r.json().value(QStringLiteral("errors")).toInt(), 1);
}

void TestCliCheck::postgresRules()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__index.sql"),
                  "CREATE INDEX CONCURRENTLY ix_t ON t (id);\n-- rollback\nDROP INDEX ix_t;\n");
    const CliResult r = CliRunner(Binary::Cli, project.root()).run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V1__index.sql:1: error [pg-concurrently-in-transaction]"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("checked for postgresql"));

    // A locking rule on a live table says how big the table is now.
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE t (id INT)")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO t SELECT generate_series(1, 1500)")));
    project.write(QStringLiteral("V1__index.sql"),
                  "CREATE INDEX ix_t ON t (id);\n-- rollback\nDROP INDEX ix_t;\n");
    const CliResult counted = CliRunner(Binary::Cli, project.root()).run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(counted, 0);
    CLI_EXPECT_CONTAINS(counted, counted.stdoutText(),
                        QStringLiteral("V1__index.sql:1: warning [pg-index-without-concurrently] "
                                       "Builds an index on t while blocking writes to it for the "
                                       "whole build. t has 1,500 row(s) now."));
}

void TestCliCheck::namedFilesAndConfiguration()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    const QString file =
        project.write(QStringLiteral("V1__drop.sql"),
                      "DROP TABLE old;\nDELETE FROM log;\n-- rollback\nSELECT 1;\n");
    const CliRunner cli(Binary::Cli, project.root());
    CliResult r = cli.run({QStringLiteral("check"), file});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("[drop-table]"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("[delete-without-where]"));
    // Named files need no database: only the URL's kind, here one that points nowhere.
    r = cli.run({QStringLiteral("--url"), QStringLiteral("postgresql://ci@127.0.0.1:1/none"),
                 QStringLiteral("check"), file});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("checked for postgresql"));

    QVERIFY(
        writeFile(project.jetbaseDir() + QStringLiteral("/jetbase.toml"),
                  "check_disable = [\"drop-table\"]\ncheck_error = \"delete-without-where\"\n"));
    r = cli.run({QStringLiteral("check"), file});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_NOT_CONTAINS(r, r.stdoutText(), QStringLiteral("[drop-table]"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("error [delete-without-where]"));

    QVERIFY(writeFile(project.jetbaseDir() + QStringLiteral("/jetbase.toml"),
                      "check_disable = \"drop-tabel\"\n"));
    r = cli.run({QStringLiteral("check"), file});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("unknown check rule 'drop-tabel'"));

    r = cli.run({QStringLiteral("chek")});
    CLI_EXPECT_EXIT(r, 2);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Did you mean \"check\"?"));
}

// upgrade runs check on the files it would run: an error-level finding refuses the run before
// anything changes; warnings do not; --no-check runs anyway; the dry run shows the SQL.
void TestCliCheck::upgradeRefusesOnErrors()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__books.sql"),
                  "CREATE TABLE books (id INT);\nDELETE FROM books;\n-- rollback\nDROP TABLE "
                  "books;\n");
    project.write(QStringLiteral("V2__more.sql"),
                  "CREATE TABLE more (id INT);\n-- rollback\nDROP TABLE more;\n");
    const CliRunner cli(binary, project.root());
    // A warning alone does not stop it.
    CliResult r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--count"),
                           QStringLiteral("1"), QStringLiteral("--dry-run")});
    CLI_EXPECT_EXIT(r, 0);

    QVERIFY(writeFile(project.jetbaseDir() + QStringLiteral("/jetbase.toml"),
                      "check_error = [\"delete-without-where\"]\n"));
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("V1__books.sql:2: error [delete-without-where] DELETE "
                                       "without WHERE deletes every row."));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("upgrade --no-check"));
    QVERIFY(trackedVersions(db).isEmpty());
    QVERIFY(!db.tableExists(QStringLiteral("books")));
    // The dry run is not refused: it changes nothing.
    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--dry-run")});
    CLI_EXPECT_EXIT(r, 0);
    // Files the run does not reach are not checked: V2 alone is fine after V1 ran.
    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--no-check")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));

    // A misspelt rule in the settings stops upgrade too (it would check with the wrong rules).
    project.write(QStringLiteral("V3__even_more.sql"),
                  "CREATE TABLE even_more (id INT);\n-- rollback\nDROP TABLE even_more;\n");
    QVERIFY(writeFile(project.jetbaseDir() + QStringLiteral("/jetbase.toml"),
                      "check_error = [\"delete-without-wher\"]\n"));
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("unknown check rule"));
    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--no-check")});
    CLI_EXPECT_EXIT(r, 0);
}

void TestCliCheck::sarifAndGithubFormats()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(
        QStringLiteral("V1__purge.sql"),
        "CREATE TABLE t (id INT);\nCOMMIT;\nDELETE FROM t;\n-- rollback\nDROP TABLE t;\n");
    // Run from the project's root, as CI runs from the repository: paths are relative to it.
    const CliRunner cli(Binary::Cli, project.root());
    CliResult r =
        cli.run({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("sarif")});
    CLI_EXPECT_EXIT(r, 1); // the COMMIT is an error
    const QJsonObject sarif = r.json();
    QCOMPARE(sarif.value(QStringLiteral("version")).toString(), QStringLiteral("2.1.0"));
    const QJsonObject run = sarif.value(QStringLiteral("runs")).toArray().first().toObject();
    QCOMPARE(
        run[QStringLiteral("tool")][QStringLiteral("driver")][QStringLiteral("name")].toString(),
        QStringLiteral("Tidemark"));
    const QJsonArray results = run.value(QStringLiteral("results")).toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject first = results.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("ruleId")).toString(),
             QStringLiteral("transaction-control"));
    QCOMPARE(first.value(QStringLiteral("level")).toString(), QStringLiteral("error"));
    const QJsonObject location =
        first[QStringLiteral("locations")][0][QStringLiteral("physicalLocation")].toObject();
    QCOMPARE(location[QStringLiteral("artifactLocation")][QStringLiteral("uri")].toString(),
             QStringLiteral("jetbase/migrations/V1__purge.sql"));
    QCOMPARE(location[QStringLiteral("region")][QStringLiteral("startLine")].toInt(), 2);

    r = cli.run({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("github")});
    CLI_EXPECT_EXIT(r, 1);
    QCOMPARE(r.stdoutText().split(u'\n', Qt::SkipEmptyParts),
             (QStringList{QStringLiteral("::error file=jetbase/migrations/V1__purge.sql,line=2,"
                                         "title=tidemark transaction-control::COMMIT ends or "
                                         "splits the transaction Tidemark runs the file in; "
                                         "upgrade refuses the file. Remove it, or start the file "
                                         "with -- tidemark: transaction=off."),
                          QStringLiteral("::warning file=jetbase/migrations/V1__purge.sql,line=3,"
                                         "title=tidemark delete-without-where::DELETE without "
                                         "WHERE deletes every row. Add a WHERE clause naming the "
                                         "rows to delete.")}));

    r = cli.run({QStringLiteral("check"), QStringLiteral("--format"), QStringLiteral("xml")});
    CLI_EXPECT_EXIT(r, 2);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("--format takes text, sarif or github"));
    r = cli.run({QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("--format"),
                 QStringLiteral("sarif")});
    CLI_EXPECT_EXIT(r, 2);
}

// What check calls an error, the server refuses; what it lets pass, the server runs.
void TestCliCheck::postgresAgreesWithCheck()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__base.sql"),
                  "CREATE TABLE t (id INT);\nCREATE MATERIALIZED VIEW mv AS SELECT id FROM t;\n"
                  "CREATE UNIQUE INDEX ux_mv ON mv (id);\n-- rollback\nDROP MATERIALIZED VIEW mv;\n"
                  "DROP TABLE t;\n");
    // REFRESH ... CONCURRENTLY may run in a transaction: no finding, and upgrade runs it.
    project.write(QStringLiteral("V2__refresh.sql"),
                  "REFRESH MATERIALIZED VIEW CONCURRENTLY mv;\n-- rollback\nSELECT 1;\n");
    const CliRunner cli(Binary::Cli, project.root());
    CliResult r = cli.run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(r, 0);
    // The index on the view this file makes blocks nothing either: no finding at all.
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("0 error(s), 0 warning(s)"));
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    // CREATE INDEX CONCURRENTLY in a transactional file: an error for check, and the server
    // refuses it (the file is rolled back, nothing is recorded).
    project.write(QStringLiteral("V3__index.sql"),
                  "CREATE INDEX CONCURRENTLY ix_t ON t (id);\n-- rollback\nDROP INDEX ix_t;\n");
    r = cli.run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("[pg-concurrently-in-transaction]"));
    // upgrade runs the same check first and refuses before touching the database ...
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("check found 1 error(s) in the files this upgrade would "
                                       "run; nothing was run:"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("--no-check"));
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    // ... and with --no-check the server refuses it, as check said.
    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--no-check")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("CONCURRENTLY"));
    CLI_EXPECT_NOT_CONTAINS(r, r.stderrText(), QStringLiteral("check found"));
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));
    // The safe way check names: a file of its own with transaction=off.
    project.write(QStringLiteral("V3__index.sql"),
                  "-- tidemark: transaction=off\nCREATE INDEX CONCURRENTLY ix_t ON t (id);\n"
                  "-- rollback\nDROP INDEX ix_t;\n");
    r = cli.run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(r, 0);
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QVERIFY(trackedVersions(db).contains(QStringLiteral("3")));
}

// mysql-ddl-with-data says a failure leaves the file partly applied: on MariaDB it does.
void TestCliCheck::mariadbAgreesWithCheck()
{
    ScratchDatabase db(SqlDialect::MySql);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__mixed.sql"),
                  "CREATE TABLE staged (id INT PRIMARY KEY);\nINSERT INTO staged VALUES (1), (1);\n"
                  "-- rollback\nDROP TABLE staged;\n");
    const CliRunner cli(Binary::Cli, project.root());
    CliResult r = cli.run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V1__mixed.sql:2: warning [mysql-ddl-with-data]"));
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    QVERIFY(db.tableExists(QStringLiteral("staged"))); // the DDL stayed: partly applied
    QVERIFY(trackedVersions(db).isEmpty());
}

// rename-used-by-view reads the live database's views, and says MariaDB's view fails after the
// rename: it does.
void TestCliCheck::renameUnderLiveViewOnMariaDb()
{
    ScratchDatabase db(SqlDialect::MySql);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__books.sql"),
                  "CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(200));\n"
                  "-- rollback\nDROP TABLE books;\n");
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    // The view is made by hand, so only the live database knows it.
    QVERIFY(db.exec(QStringLiteral("CREATE VIEW shelf AS SELECT id, title FROM books")));
    project.write(QStringLiteral("V2__rename.sql"),
                  "ALTER TABLE books RENAME COLUMN title TO name;\n"
                  "-- rollback\nALTER TABLE books RENAME COLUMN name TO title;\n");
    CliResult r = cli.run({QStringLiteral("check")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V2__rename.sql:1: warning [rename-used-by-view] Renames "
                                       "column books.title, which view(s) shelf read. "
                                       "MariaDB/MySQL keep the old name in the view, so it fails "
                                       "from then on."));
    // Files named on the command line are checked on their text alone: no database, no view.
    r = cli.run({QStringLiteral("check"),
                 project.jetbaseDir() + QStringLiteral("/migrations/V2__rename.sql")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_NOT_CONTAINS(r, r.stdoutText(), QStringLiteral("rename-used-by-view"));
    // A warning does not stop upgrade; afterwards the view fails, as check said.
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QString error;
    QVERIFY(!db.exec(QStringLiteral("SELECT * FROM shelf"), &error));
    QVERIFY2(error.contains(QStringLiteral("invalid"), Qt::CaseInsensitive), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestCliCheck)
#include "tst_clicheck.moc"
