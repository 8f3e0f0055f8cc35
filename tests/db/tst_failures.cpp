// A statement failing in the middle of a file: one file, one transaction. SQLite and PostgreSQL
// keep no trace of the failed file; MariaDB commits DDL implicitly, and the run reports exactly
// which statements had taken effect. The run stops, the journal has a "failed" row and the
// lock is released.

#include "dbtest.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

const QString GoodFile = u"V1__create_ok.sql"_s;
const QString BadFile = u"V2__half_done.sql"_s;
const QString LaterFile = u"V3__create_later.sql"_s;

const QByteArray BadContent = "-- upgrade\n"
                              "CREATE TABLE t1 (id INT);\n"
                              "INSERT INTO t1 (id) VALUES (1);\n"
                              "\n"
                              "INSERT INTO missing_table (id)\n"
                              "    VALUES (2);\n"
                              "INSERT INTO t1 (id) VALUES (3);\n"
                              "-- rollback\n"
                              "DROP TABLE t1;\n";
const QString FailingStatement = u"INSERT INTO missing_table (id)\n    VALUES (2)"_s;
constexpr int FailingLine = 5;

void writeFiles(const TempProject &project)
{
    project.write(GoodFile, "CREATE TABLE ok1 (id INT);\n-- rollback\nDROP TABLE ok1;\n");
    project.write(BadFile, BadContent);
    project.write(LaterFile, "CREATE TABLE later3 (id INT);\n-- rollback\nDROP TABLE later3;\n");
}

} // namespace

class TestFailures : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void failureInTheMiddleOfAFile_data() { addDialectRows(); }
    void failureInTheMiddleOfAFile()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome); // planning worked; the run failed
        const RunResult &run = outcome->run;
        QVERIFY(!run.ok());
        QCOMPARE(run.error.code, Error::Code::Database);
        QCOMPARE(run.failedFile, BadFile);
        QCOMPARE(run.completedFiles, QStringList({GoodFile}));
        QCOMPARE(run.error.file, project.migrationsDir() + u'/' + BadFile);
        QCOMPARE(run.error.line, FailingLine);
        QCOMPARE(run.error.statement, FailingStatement);
        QVERIFY2(run.error.dbText.contains(u"missing_table"_s), qPrintable(run.error.dbText));
        QVERIFY(run.error.message.contains(BadFile));
        const QString full = run.error.fullText();
        QVERIFY2(full.contains(BadFile + u':' + QString::number(FailingLine)), qPrintable(full));
        QVERIFY(full.contains(run.error.dbText));

        // The earlier file of the run stays applied; later files did not run.
        QVERIFY(db.tableExists(u"ok1"_s));
        QVERIFY(!db.tableExists(u"later3"_s));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
        QCOMPARE(countRows(db, u"jetbase_migrations WHERE filename = '%1'"_s.arg(BadFile)), 0);

        if (db.dialect() == SqlDialect::MySql) {
            // CREATE TABLE committed implicitly and stays; the INSERT after it was rolled back.
            QCOMPARE(run.statementsInEffect.size(), 1);
            QCOMPARE(run.statementsInEffect.first().text, u"CREATE TABLE t1 (id INT)"_s);
            QCOMPARE(run.statementsInEffect.first().line, 2);
            QVERIFY(db.tableExists(u"t1"_s));
            QCOMPARE(countRows(db, u"t1"_s), 0);
        } else {
            QVERIFY(run.statementsInEffect.isEmpty());
            QVERIFY(!db.tableExists(u"t1"_s));
        }

        // Journal: V1 succeeded, V2 failed with its line and statement, in one batch.
        const QList<QStringList> journal =
            queryRows(db, u"SELECT filename, outcome, failing_line, failing_statement, batch_id, "
                          "error_text, sql_text FROM tidemark_journal ORDER BY id"_s);
        QCOMPARE(journal.size(), 2);
        QCOMPARE(journal.at(0).at(0), GoodFile);
        QCOMPARE(journal.at(0).at(1), u"success"_s);
        QCOMPARE(journal.at(0).at(2), u"<null>"_s);
        QCOMPARE(journal.at(1).at(0), BadFile);
        QCOMPARE(journal.at(1).at(1), u"failed"_s);
        QCOMPARE(journal.at(1).at(2), QString::number(FailingLine));
        QCOMPARE(journal.at(1).at(3), FailingStatement);
        QCOMPARE(journal.at(1).at(4), run.batchId);
        QCOMPARE(journal.at(0).at(4), run.batchId);
        QVERIFY(journal.at(1).at(5).contains(u"missing_table"_s));
        QVERIFY(journal.at(1).at(6).contains(u"INSERT INTO t1 (id) VALUES (3)"_s));

        // The lock was released on the error path.
        Result<LockState> lock = service->lockState();
        TM_VERIFY_OK(lock);
        QVERIFY(!lock->locked);
        QVERIFY(lock->sessionHolder.isEmpty());

        // Fixed file: the next run applies it and the later one (on MariaDB t1 already exists,
        // so the fixed file has to cope with that, as a user would write it).
        if (db.dialect() == SqlDialect::MySql) {
            // The committed CREATE TABLE makes the project dirty: upgrade refuses until the
            // user says what is true now (here: undone by hand).
            Result<RunOutcome> refused = service->upgrade({}, false);
            QVERIFY(!refused);
            QVERIFY2(refused.error().message.contains(u"dirty"_s),
                     qPrintable(refused.error().message));
            TM_VERIFY_OK(service->resolve(u"2"_s, false));
        }
        project.write(BadFile, "CREATE TABLE IF NOT EXISTS t1 (id INT);\n"
                               "INSERT INTO t1 (id) VALUES (1);\n"
                               "-- rollback\nDROP TABLE t1;\n");
        Result<RunOutcome> retry = service->upgrade({}, false);
        TM_VERIFY_OK(retry);
        TM_VERIFY_OK(retry->run);
        QCOMPARE(retry->run.completedFiles, QStringList({BadFile, LaterFile}));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s, u"3"_s}));
        QCOMPARE(countRows(db, u"t1"_s), 1);
    }

    // The first file of a run fails on its last statement: nothing at all is recorded.
    void failureOfTheFirstFile_data() { addDialectRows(); }
    void failureOfTheFirstFile()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__only.sql"_s, "CREATE TABLE only1 (id INT);\n"
                                         "INSERT INTO only1 (id) VALUES (1);\n"
                                         "INSERT INTO only1 (nope) VALUES (2);\n");
        TM_SERVICE(service, project);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        QVERIFY(!outcome->run.ok());
        QCOMPARE(outcome->run.error.line, 3);
        QVERIFY(outcome->run.completedFiles.isEmpty());
        QVERIFY(appliedVersions(db).isEmpty());
        QCOMPARE(service->currentVersion().value(), QString());
        if (db.dialect() == SqlDialect::MySql) {
            QCOMPARE(textsOf(outcome->run.statementsInEffect),
                     QStringList({u"CREATE TABLE only1 (id INT)"_s}));
            QCOMPARE(countRows(db, u"only1"_s), 0);
        } else {
            QVERIFY(!db.tableExists(u"only1"_s));
        }
    }

    // A failing DDL statement after DML: MariaDB commits implicitly before it runs a DDL
    // statement (the table already exists), but not when it cannot parse it.
    void failingDdlStatement_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QByteArray>("last");
        QTest::addColumn<QStringList>("inEffect"); // MariaDB
        const QStringList both = {u"CREATE TABLE d1 (id INT)"_s,
                                  u"INSERT INTO d1 (id) VALUES (1)"_s};
        const QStringList create = {u"CREATE TABLE d1 (id INT)"_s};
        for (const auto &[dialect, name] :
             QList<std::pair<SqlDialect, QString>>{{SqlDialect::Sqlite, u"sqlite"_s},
                                                   {SqlDialect::Postgres, u"postgresql"_s},
                                                   {SqlDialect::MySql, u"mariadb"_s}}) {
            QTest::newRow(qPrintable(name + u" table exists"))
                << dialect << QByteArray("CREATE TABLE d1 (id INT);\n") << both;
            QTest::newRow(qPrintable(name + u" syntax error"))
                << dialect << QByteArray("CREATE TABLEX d2 (id INT);\n") << create;
        }
    }
    void failingDdlStatement()
    {
        QFETCH(QByteArray, last);
        QFETCH(QStringList, inEffect);
        TM_SCRATCH(db, project);
        project.write(u"V1__ddl.sql"_s,
                      "CREATE TABLE d1 (id INT);\nINSERT INTO d1 (id) VALUES (1);\n" + last);
        TM_SERVICE(service, project);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        QVERIFY(!outcome->run.ok());
        QCOMPARE(outcome->run.error.line, 3);
        QVERIFY(appliedVersions(db).isEmpty());
        if (db.dialect() == SqlDialect::MySql) {
            QCOMPARE(textsOf(outcome->run.statementsInEffect), inEffect);
            QVERIFY(db.tableExists(u"d1"_s));
            QCOMPARE(countRows(db, u"d1"_s), int(inEffect.size()) - 1);
        } else {
            QVERIFY(outcome->run.statementsInEffect.isEmpty());
            QVERIFY(!db.tableExists(u"d1"_s));
        }
    }

    // A failing rollback keeps the version applied and stops before older files.
    void failingRollback_data() { addDialectRows(); }
    void failingRollback()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__one.sql"_s, "CREATE TABLE r1 (id INT);\n-- rollback\nDROP TABLE r1;\n");
        project.write(u"V2__two.sql"_s, "CREATE TABLE r2 (id INT);\n"
                                        "-- rollback\n"
                                        "DELETE FROM r2;\n"
                                        "DROP TABLE no_such_table;\n");
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        RollbackOptions all;
        all.all = true;
        Result<RunOutcome> outcome = service->rollback(all, false);
        TM_VERIFY_OK(outcome);
        QVERIFY(!outcome->run.ok());
        QCOMPARE(outcome->run.failedFile, u"V2__two.sql"_s);
        QCOMPARE(outcome->run.error.line, 4);
        QCOMPARE(outcome->run.error.statement, u"DROP TABLE no_such_table"_s);
        QVERIFY(outcome->run.completedFiles.isEmpty());
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s}));
        QVERIFY(db.tableExists(u"r1"_s));
        QVERIFY(db.tableExists(u"r2"_s));
        QCOMPARE(db.query(u"SELECT operation FROM tidemark_journal WHERE outcome = 'failed'"_s),
                 QStringList({u"rollback"_s}));
        QVERIFY(!service->lockState()->locked);
    }
};

QTEST_GUILESS_MAIN(TestFailures)
#include "tst_failures.moc"
