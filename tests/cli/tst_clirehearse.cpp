// rehearse through the real binary on SQLite, PostgreSQL and MariaDB: a project whose rollbacks
// are right passes; a rollback that forgets a column, one that drops the wrong index and an
// upgrade that fails halfway are caught with the comparer's words or the failing statement; the
// database itself is left exactly as it was; the throwaway database is dropped (or kept with
// --keep); --json; the demo project passes.
#include "clidatabase.h"
#include "clirunner.h"
#include "democopy.h"
#include "testsupport.h"

#include <QJsonArray>

#include <QtTest>
#include <csignal>

using namespace tidemark;
using namespace tidemark::test;

namespace {

// A base table applied for real, so the rehearsal starts from a database with history.
void writeBase(const TempProject &project)
{
    project.write(QStringLiteral("V1__books.sql"),
                  "CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(100));\n"
                  "INSERT INTO books VALUES (1, 'Dune');\n-- rollback\nDROP TABLE books;\n");
}

QJsonObject fileResult(const QJsonObject &report, const QString &file)
{
    for (const QJsonValue &v : report.value(QStringLiteral("files")).toArray())
        if (v.toObject().value(QStringLiteral("file")).toString() == file)
            return v.toObject();
    return {};
}

} // namespace

class TestCliRehearse : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passesAndLeavesTheDatabase_data() { addDialectColumnRows(); }
    void passesAndLeavesTheDatabase();
    void rollbackForgetsAColumn_data() { addDialectColumnRows(); }
    void rollbackForgetsAColumn();
    void rollbackDropsTheWrongIndex_data() { addDialectColumnRows(); }
    void rollbackDropsTheWrongIndex();
    void upgradeFailsHalfway_data() { addDialectColumnRows(); }
    void upgradeFailsHalfway();
    void keepPrintsTheUrl_data() { addDialectColumnRows(); }
    void keepPrintsTheUrl();
    void missingRollbackSection();
    void repeatablesDoNotHideABrokenRollback_data() { addDialectColumnRows(); }
    void repeatablesDoNotHideABrokenRollback();
    void changedAppliedFileReplaysFromTheJournal_data() { addDialectColumnRows(); }
    void changedAppliedFileReplaysFromTheJournal();
    void historyNotFromAnEmptyDatabase_data();
    void historyNotFromAnEmptyDatabase();
    void liveDatabaseNameIsRefusedOnMariadb();
    void heldLockOnTheLiveFileDoesNotBlock();
    void ctrlCDropsTheThrowawayDatabase_data();
    void ctrlCDropsTheThrowawayDatabase();
    void demoProjectPasses_data() { addBinaryRows(); }
    void demoProjectPasses();
};

void TestCliRehearse::passesAndLeavesTheDatabase()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeBase(project);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    // MariaDB names the table in DROP INDEX.
    project.write(QStringLiteral("V2__isbn.sql"),
                  QByteArray("ALTER TABLE books ADD COLUMN isbn VARCHAR(20);\n"
                             "CREATE INDEX ix_books_isbn ON books (isbn);\n-- rollback\n") +
                      (dialect == SqlDialect::MySql ? "DROP INDEX ix_books_isbn ON books;\n"
                                                    : "DROP INDEX ix_books_isbn;\n") +
                      "ALTER TABLE books DROP COLUMN isbn;\n");
    project.write(QStringLiteral("V3__authors.sql"),
                  "CREATE TABLE authors (id INT PRIMARY KEY, name VARCHAR(50));\n"
                  "-- rollback\nDROP TABLE authors;\n");
    const QStringList before = snapshotOf(db);

    CliResult r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V2__isbn.sql  passed: upgrade, rollback to the schema "
                                       "before it, upgrade again to the same schema"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("V3__authors.sql  passed"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Rehearsal passed: 2 file(s)."));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        dialect == SqlDialect::Sqlite
                            ? QStringLiteral("a copy of the SQLite file")
                            : QStringLiteral("with the 1 applied migration file(s) replayed"));
    // The database is only read, and no throwaway database is left behind.
    QCOMPARE(snapshotOf(db), before);
    QVERIFY(!db.tableExists(QStringLiteral("authors")));
    const QString left = throwawayLeftBehind(db, r.stderrText());
    QVERIFY2(left.isEmpty(), qPrintable(left));
}

void TestCliRehearse::rollbackForgetsAColumn()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeBase(project);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V2__columns.sql"),
                  "ALTER TABLE books ADD COLUMN isbn VARCHAR(20);\n"
                  "ALTER TABLE books ADD COLUMN pages INT;\n"
                  "-- rollback\nALTER TABLE books DROP COLUMN isbn;\n");
    const QStringList before = snapshotOf(db);
    CliResult r = cli.run({QStringLiteral("rehearse"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 1);
    const QJsonObject file = fileResult(r.json(), QStringLiteral("V2__columns.sql"));
    QCOMPARE(file.value(QStringLiteral("result")).toString(), QStringLiteral("differs"));
    QCOMPARE(file.value(QStringLiteral("step")).toString(), QStringLiteral("rollback"));
    const QStringList differences =
        file.value(QStringLiteral("differences")).toVariant().toStringList();
    QCOMPARE(differences.size(), 1);
    QVERIFY2(differences.first().startsWith(QStringLiteral("add column books.pages")),
             qPrintable(differences.join(u'|')));
    QCOMPARE(r.json().value(QStringLiteral("ok")).toBool(), false);
    QCOMPARE(snapshotOf(db), before);

    r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V2__columns.sql  FAILED: after rollback the schema is not "
                                       "the one before the file ran"));
    CLI_EXPECT_CONTAINS(
        r, r.stderrText(),
        QStringLiteral(
            "Rehearsal failed: V2__columns.sql, in its rollback; 0 other file(s) not rehearsed."));
}

void TestCliRehearse::rollbackDropsTheWrongIndex()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeBase(project);
    const bool mysql = dialect == SqlDialect::MySql;
    project.write(QStringLiteral("V2__title_index.sql"),
                  QByteArray("CREATE INDEX ix_title ON books (title);\n-- rollback\n") +
                      (mysql ? "DROP INDEX ix_title ON books;\n" : "DROP INDEX ix_title;\n"));
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    // The rollback drops V2's index instead of its own.
    project.write(QStringLiteral("V3__id_title_index.sql"),
                  QByteArray("CREATE INDEX ix_id_title ON books (id, title);\n-- rollback\n") +
                      (mysql ? "DROP INDEX ix_title ON books;\n" : "DROP INDEX ix_title;\n"));
    const QStringList before = snapshotOf(db);
    CliResult r = cli.run({QStringLiteral("rehearse"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 1);
    const QJsonObject file = fileResult(r.json(), QStringLiteral("V3__id_title_index.sql"));
    QCOMPARE(file.value(QStringLiteral("result")).toString(), QStringLiteral("differs"));
    const QString differences =
        file.value(QStringLiteral("differences")).toVariant().toStringList().join(u'|');
    QVERIFY2(differences.contains(QStringLiteral("ix_title")) &&
                 differences.contains(QStringLiteral("ix_id_title")),
             qPrintable(differences));
    QCOMPARE(snapshotOf(db), before);
}

void TestCliRehearse::upgradeFailsHalfway()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeBase(project);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V2__fine.sql"),
                  "CREATE TABLE fine (id INT);\n-- rollback\nDROP TABLE fine;\n");
    project.write(QStringLiteral("V3__broken.sql"),
                  "CREATE TABLE half (id INT);\nINSERT INTO no_such_table VALUES (1);\n"
                  "-- rollback\nDROP TABLE half;\n");
    project.write(QStringLiteral("V4__after.sql"),
                  "CREATE TABLE later (id INT);\n-- rollback\nDROP TABLE later;\n");
    const QStringList before = snapshotOf(db);
    CliResult r = cli.run({QStringLiteral("rehearse"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 1);
    const QJsonObject json = r.json();
    QCOMPARE(fileResult(json, QStringLiteral("V2__fine.sql")).value(QStringLiteral("result")),
             QJsonValue(QStringLiteral("not_reached")));
    const QJsonObject broken = fileResult(json, QStringLiteral("V3__broken.sql"));
    QCOMPARE(broken.value(QStringLiteral("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(broken.value(QStringLiteral("step")).toString(), QStringLiteral("upgrade"));
    const QString error = broken.value(QStringLiteral("error")).toString();
    QVERIFY2(error.contains(QStringLiteral("no_such_table")) &&
                 error.contains(QStringLiteral("V3__broken.sql:2")),
             qPrintable(error));
    QCOMPARE(fileResult(json, QStringLiteral("V4__after.sql")).value(QStringLiteral("result")),
             QJsonValue(QStringLiteral("not_reached")));
    QCOMPARE(snapshotOf(db), before);
    QVERIFY(!db.tableExists(QStringLiteral("half")));
}

void TestCliRehearse::keepPrintsTheUrl()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeBase(project);
    const CliRunner cli(Binary::Cli, project.root());
    CliResult r = cli.run({QStringLiteral("rehearse"), QStringLiteral("--keep")});
    CLI_EXPECT_EXIT(r, 0);
    const QString line = r.stdoutText()
                             .section(QStringLiteral("Kept the throwaway database: "), 1)
                             .section(u'\n', 0, 0)
                             .trimmed();
    QVERIFY2(!line.isEmpty(), qPrintable(r.stdoutText()));
    // The kept database has the rehearsed file applied; its URL (with the password, which
    // output never shows) reaches it.
    QString url = line;
    if (dialect != SqlDialect::Sqlite) {
        const QString name = line.section(u'/', -1).section(u'?', 0, 0);
        QVERIFY(throwawayDatabases(db).contains(name));
        url = db.url();
        url.replace(db.name(), name);
    }
    CliResult current = cli.run({QStringLiteral("--url"), url, QStringLiteral("current")});
    CLI_EXPECT_EXIT(current, 0);
    CLI_EXPECT_CONTAINS(current, current.stdoutText(), QStringLiteral("1"));
    if (dialect == SqlDialect::Sqlite)
        QVERIFY(QFile::remove(line.mid(QStringLiteral("sqlite:///").size())));
    else
        QVERIFY(
            db.exec(QStringLiteral("DROP DATABASE ") + url.section(u'/', -1).section(u'?', 0, 0)));
}

void TestCliRehearse::missingRollbackSection()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__oneway.sql"), "CREATE TABLE oneway (id INT);\n");
    const CliRunner cli(Binary::Cli, project.root());
    CliResult r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V1__oneway.sql  FAILED: no rollback section"));
    QVERIFY(trackedVersions(db).isEmpty());
}

// A runs-always file is pending on every upgrade; it runs after the versioned files, so what
// it makes is never taken for the first file's, and that file's broken rollback still shows.
void TestCliRehearse::repeatablesDoNotHideABrokenRollback()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeBase(project);
    project.write(QStringLiteral("RA__stamp.sql"),
                  "CREATE TABLE IF NOT EXISTS stamps (id INT);\nINSERT INTO stamps VALUES (1);\n");
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V2__two_tables.sql"),
                  "CREATE TABLE IF NOT EXISTS extra (id INT);\n"
                  "CREATE TABLE IF NOT EXISTS extra2 (id INT);\n-- rollback\nDROP TABLE extra;\n");
    CliResult r = cli.run({QStringLiteral("rehearse"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 1);
    const QJsonObject file = fileResult(r.json(), QStringLiteral("V2__two_tables.sql"));
    QCOMPARE(file.value(QStringLiteral("result")).toString(), QStringLiteral("differs"));
    QCOMPARE(file.value(QStringLiteral("step")).toString(), QStringLiteral("rollback"));
    QCOMPARE(file.value(QStringLiteral("differences")).toVariant().toStringList().join(u'|'),
             QStringLiteral("add table extra2 (1 column)"));

    // Fixed, the runs-always file is rehearsed too, after the versioned one.
    project.write(QStringLiteral("V2__two_tables.sql"),
                  "CREATE TABLE IF NOT EXISTS extra (id INT);\n"
                  "CREATE TABLE IF NOT EXISTS extra2 (id INT);\n-- rollback\nDROP TABLE extra2;\n"
                  "DROP TABLE extra;\n");
    r = cli.run({QStringLiteral("rehearse"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(fileResult(r.json(), QStringLiteral("RA__stamp.sql")).value(QStringLiteral("result")),
             QJsonValue(QStringLiteral("passed")));
}

// On MariaDB a database is a schema of the same server: a file that names the live database
// would reach it from the throwaway one, so the rehearsal refuses before making anything.
// An applied file edited after it ran: the replay runs what ran (the journal's text); the
// steps then read the project's files as upgrade will, so they meet the same changed checksum
// that upgrade refuses, on every database.
void TestCliRehearse::changedAppliedFileReplaysFromTheJournal()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeBase(project);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V1__books.sql"),
                  "CREATE TABLE books (id INT PRIMARY KEY, name VARCHAR(100));\n"
                  "-- rollback\nDROP TABLE books;\n");
    project.write(QStringLiteral("V2__title_index.sql"),
                  QByteArray("CREATE INDEX ix_title ON books (title);\n-- rollback\n") +
                      (dialect == SqlDialect::MySql ? "DROP INDEX ix_title ON books;\n"
                                                    : "DROP INDEX ix_title;\n"));
    CliResult r = cli.run({QStringLiteral("rehearse"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 1);
    const QJsonObject file = fileResult(r.json(), QStringLiteral("V2__title_index.sql"));
    QCOMPARE(file.value(QStringLiteral("step")).toString(), QStringLiteral("upgrade"));
    QVERIFY2(file.value(QStringLiteral("error"))
                 .toString()
                 .contains(QStringLiteral("V1__books.sql (version 1) has changed since it was "
                                          "applied")),
             qPrintable(file.value(QStringLiteral("error")).toString()));
    if (dialect != SqlDialect::Sqlite) { // SQLite copies the file: nothing is replayed
        QCOMPARE(r.json().value(QStringLiteral("base_kind")).toString(), QStringLiteral("replay"));
        QVERIFY2(
            r.json()
                .value(QStringLiteral("base"))
                .toString()
                .contains(QStringLiteral("(1 of them changed or missing since they ran: replayed "
                                         "from the text the journal stored)")),
            qPrintable(r.json().value(QStringLiteral("base")).toString()));
    }
    // As upgrade does, rehearse follows skip_checksum_validation: then the file passes on the
    // schema the first V1 made.
    QFile toml(project.jetbaseDir() + QStringLiteral("/jetbase.toml"));
    QVERIFY(toml.open(QIODevice::WriteOnly));
    toml.write("skip_checksum_validation = true\n");
    toml.close();
    r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("V2__title_index.sql  passed"));
}

void TestCliRehearse::historyNotFromAnEmptyDatabase_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("postgresql") << SqlDialect::Postgres;
    QTest::newRow("mariadb") << SqlDialect::MySql;
}

// A table (and a view over it) made before the first migration: replaying the files into an
// empty database fails, so the rehearsal starts from the live schema and history instead, says so,
// and still catches a rollback that forgets a column.
void TestCliRehearse::historyNotFromAnEmptyDatabase()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE legacy (id INT PRIMARY KEY, name VARCHAR(50))")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO legacy VALUES (1, 'kept')")));
    QVERIFY(db.exec(QStringLiteral("CREATE VIEW legacy_names AS SELECT id, name FROM legacy")));
    project.write(QStringLiteral("V1__legacy_code.sql"),
                  "ALTER TABLE legacy ADD COLUMN code VARCHAR(10);\n"
                  "-- rollback\nALTER TABLE legacy DROP COLUMN code;\n");
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V2__index.sql"),
                  QByteArray("CREATE INDEX ix_legacy_code ON legacy (code);\n-- rollback\n") +
                      (dialect == SqlDialect::MySql ? "DROP INDEX ix_legacy_code ON legacy;\n"
                                                    : "DROP INDEX ix_legacy_code;\n"));
    const QStringList before = snapshotOf(db);

    CliResult r = cli.run({QStringLiteral("rehearse"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 0);
    const QJsonObject report = r.json();
    QCOMPARE(report.value(QStringLiteral("base_kind")).toString(), QStringLiteral("live-schema"));
    const QString base = report.value(QStringLiteral("base")).toString();
    // The hand-made view is copied too.
    QVERIFY2(base.contains(QStringLiteral("with the live schema copied (1 table(s), 1 view(s); "
                                          "no rows) and its 1 history row(s), because the "
                                          "applied files could not be replayed: Replaying the "
                                          "applied migrations")),
             qPrintable(base));
    QCOMPARE(fileResult(report, QStringLiteral("V2__index.sql"))
                 .value(QStringLiteral("result"))
                 .toString(),
             QStringLiteral("passed"));
    QCOMPARE(snapshotOf(db), before);

    // On that base a rollback that forgets a column is still caught.
    project.write(QStringLiteral("V3__columns.sql"),
                  "ALTER TABLE legacy ADD COLUMN a INT;\nALTER TABLE legacy ADD COLUMN b INT;\n"
                  "-- rollback\nALTER TABLE legacy DROP COLUMN a;\n");
    r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("V3__columns.sql  FAILED: after rollback the schema is "
                                       "not the one before the file ran"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("add column legacy.b"));
    QCOMPARE(snapshotOf(db), before);
    QCOMPARE(rowCount(db, QStringLiteral("legacy")), 1);
    // Both throwaway databases are gone: the one the replay failed in, and the copy.
    const QString marker = QStringLiteral("could not be replayed into ");
    const qsizetype at = r.stderrText().indexOf(marker);
    QVERIFY2(at >= 0, qPrintable(r.stderrText()));
    const QString first = r.stderrText().mid(at + marker.size()).section(u' ', 0, 0);
    QVERIFY(first.startsWith(QStringLiteral("tidemark_throwaway_")));
    QVERIFY(!throwawayDatabases(db).contains(first));
    const QString left = throwawayLeftBehind(db, r.stderrText());
    QVERIFY2(left.isEmpty(), qPrintable(left));
}

void TestCliRehearse::liveDatabaseNameIsRefusedOnMariadb()
{
    ScratchDatabase db(SqlDialect::MySql);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    writeBase(project);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V2__qualified.sql"),
                  QStringLiteral("DELETE FROM `%1`.books;\n-- rollback\nSELECT 1;\n")
                      .arg(db.name())
                      .toUtf8());
    const QStringList before = snapshotOf(db);
    CliResult r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(
        r, r.stderrText(),
        QStringLiteral("V2__qualified.sql names the live database %1").arg(db.name()));
    QCOMPARE(snapshotOf(db), before);
    QCOMPARE(rowCount(db, QStringLiteral("books")), 1);
}

// A lock held on the live SQLite file (tidemark lock) is copied with it; the copy is the
// rehearsal's alone, so its lock is released there and the live lock stays.
void TestCliRehearse::heldLockOnTheLiveFileDoesNotBlock()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeBase(project);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V2__more.sql"),
                  "CREATE TABLE more (id INT);\n-- rollback\nDROP TABLE more;\n");
    QCOMPARE(cli.run({QStringLiteral("lock")}).exitCode, 0);
    CliResult r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 0);
    r = cli.run({QStringLiteral("lock-status")});
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("LOCKED"));
    QCOMPARE(cli.run({QStringLiteral("unlock")}).exitCode, 0);
}

void TestCliRehearse::ctrlCDropsTheThrowawayDatabase_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("postgresql") << SqlDialect::Postgres;
    QTest::newRow("mariadb") << SqlDialect::MySql;
}

// Ctrl+C during a long statement of the rehearsal: it stops at once, says so, exits 1 and
// drops the throwaway database; the real one never saw anything.
void TestCliRehearse::ctrlCDropsTheThrowawayDatabase()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeBase(project);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    const bool postgres = dialect == SqlDialect::Postgres;
    project.write(QStringLiteral("V2__slow.sql"),
                  QByteArray(postgres ? "SELECT pg_sleep(60);\n" : "SELECT SLEEP(60);\n") +
                      "-- rollback\nSELECT 1;\n");
    const QStringList before = snapshotOf(db);
    std::unique_ptr<QProcess> process = cli.start({QStringLiteral("rehearse")});
    QVERIFY(process->waitForStarted(10000));
    const QString sleeping =
        postgres ? QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE "
                                  "'SELECT pg_sleep(60)%'")
                 : QStringLiteral("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE "
                                  "INFO LIKE 'SELECT SLEEP(60)%'");
    QTRY_VERIFY_WITH_TIMEOUT(db.query(sleeping).value(0).toInt() > 0, 20000);
    ::kill(pid_t(process->processId()), SIGINT);
    QVERIFY2(process->waitForFinished(15000), "rehearse did not stop");
    const QString err = QString::fromUtf8(process->readAllStandardError());
    QCOMPARE(process->exitCode(), 1);
    QVERIFY2(err.contains(QStringLiteral("Rehearsal stopped by the user")), qPrintable(err));
    const QString left = throwawayLeftBehind(db, err);
    QVERIFY2(left.isEmpty(), qPrintable(left));
    QCOMPARE(snapshotOf(db), before);
}

void TestCliRehearse::demoProjectPasses()
{
    QFETCH(Binary, binary);
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir.path()));
    const CliRunner cli(binary, dir.path());
    CliResult r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Rehearsal passed: 10 file(s)."));
    // The demo database does not exist yet, and rehearse does not create it.
    QVERIFY(!QFile::exists(dir.path() + QStringLiteral("/jetbase/demo.db")));
    QCOMPARE(cli.run({QStringLiteral("upgrade"), QStringLiteral("--count"), QStringLiteral("3")})
                 .exitCode,
             0);
    r = cli.run({QStringLiteral("rehearse")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("a copy of the SQLite file demo.db"));
}

QTEST_MAIN(TestCliRehearse)
#include "tst_clirehearse.moc"
