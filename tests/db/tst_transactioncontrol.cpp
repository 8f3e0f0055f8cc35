// Files that control transactions: a normal file with its own COMMIT/ROLLBACK is refused before
// anything runs; a "-- tidemark: transaction=off" file runs statement by statement, and when it
// stops part way the progress record says exactly what took effect, the project is dirty and
// only `resolve` settles it. On MariaDB every file with implicit commits keeps the same record.

#include "dbtest.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

class TestTransactionControl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusedBeforeAnythingRuns_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<QByteArray>("statement");
        QTest::addColumn<QString>("keyword");
        const QList<std::pair<const char *, SqlDialect>> dialects = {
            {"sqlite", SqlDialect::Sqlite},
            {"postgresql", SqlDialect::Postgres},
            {"mariadb", SqlDialect::MySql}};
        const QList<std::pair<QByteArray, QString>> statements = {
            {"ROLLBACK;", u"ROLLBACK"_s},
            {"commit;", u"COMMIT"_s},
            {"BEGIN;", u"BEGIN"_s},
            {"/* own */ START TRANSACTION;", u"START TRANSACTION"_s},
            {"SAVEPOINT s1;", u"SAVEPOINT"_s},
            {"ROLLBACK TO SAVEPOINT s1;", u"ROLLBACK TO"_s},
            {"END;", u"END"_s}};
        for (const auto &[name, dialect] : dialects) {
            for (const auto &[statement, keyword] : statements)
                QTest::addRow("%s %s", name, statement.constData())
                    << dialect << statement << keyword;
        }
    }
    void refusedBeforeAnythingRuns()
    {
        TM_SCRATCH(db, project);
        QFETCH(QByteArray, statement);
        QFETCH(QString, keyword);
        project.write(u"V1__own_commit.sql"_s,
                      "CREATE TABLE ra (id INT);\n" + statement + "\nCREATE TABLE rb (id INT);\n");
        TM_SERVICE(service, project);
        for (const bool dryRun : {true, false}) {
            Result<RunOutcome> outcome = service->upgrade({}, dryRun);
            QVERIFY(!outcome);
            const Error &e = outcome.error();
            QCOMPARE(e.line, 2);
            QVERIFY2(e.file.endsWith(u"V1__own_commit.sql"_s), qPrintable(e.file));
            QVERIFY2(e.message.startsWith(keyword + u" at line 2"), qPrintable(e.message));
            QVERIFY2(e.hint.contains(u"-- tidemark: transaction=off"_s), qPrintable(e.hint));
        }
        QVERIFY(!db.tableExists(u"ra"_s));
        QVERIFY(!db.tableExists(u"rb"_s));
        QVERIFY(!db.tableExists(u"jetbase_migrations"_s));
    }

    // Transaction control inside a routine body or a DO block is not top-level.
    void bodiesAreNotTopLevel_data() { addDialectRows(); }
    void bodiesAreNotTopLevel()
    {
        TM_SCRATCH(db, project);
        QByteArray body;
        switch (db.dialect()) {
        case SqlDialect::Sqlite:
            body = "CREATE TABLE t (id INT);\nCREATE TABLE log (id INT);\n"
                   "CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN\n"
                   "  INSERT INTO log VALUES (NEW.id);\nEND;\n";
            break;
        case SqlDialect::Postgres:
            body = "CREATE TABLE t (id INT);\n"
                   "DO $$ BEGIN INSERT INTO t VALUES (1); END $$;\n";
            break;
        default:
            body = "CREATE TABLE t (id INT);\n"
                   "CREATE PROCEDURE t_fill() BEGIN\n  INSERT INTO t VALUES (1);\nEND;\n";
            break;
        }
        project.write(u"V1__bodies.sql"_s, body);
        TM_SERVICE(service, project);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(appliedVersions(db), QStringList{u"1"_s});
    }

    void transactionOffRuns_data() { addDialectRows(); }
    void transactionOffRuns()
    {
        TM_SCRATCH(db, project);
        // The file's own transaction, and a statement PostgreSQL refuses inside a transaction.
        QByteArray index = db.dialect() == SqlDialect::Postgres
                               ? "CREATE INDEX CONCURRENTLY b_id ON b (id);\n"
                               : "CREATE INDEX b_id ON b (id);\n";
        project.write(u"V1__off.sql"_s, "-- tidemark: transaction=off\n"
                                        "CREATE TABLE a (id INT);\n"
                                        "BEGIN;\n"
                                        "CREATE TABLE b (id INT);\n"
                                        "INSERT INTO b VALUES (1);\n"
                                        "COMMIT;\n" +
                                            index +
                                            "-- rollback\n"
                                            "DROP TABLE b;\n"
                                            "DROP TABLE a;\n");
        TM_SERVICE(service, project);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(appliedVersions(db), QStringList{u"1"_s});
        QCOMPARE(countRows(db, u"b"_s), 1);
        QCOMPARE(countRows(db, u"tidemark_progress"_s), 0);
        QCOMPARE(countRows(db, u"tidemark_journal WHERE outcome = 'success'"_s), 1);

        Result<RunOutcome> back = service->rollback({}, false);
        TM_VERIFY_OK(back);
        TM_VERIFY_OK(back->run);
        QVERIFY(!db.tableExists(u"a"_s));
        QVERIFY(!db.tableExists(u"b"_s));
        QCOMPARE(appliedVersions(db), QStringList{});
        QCOMPARE(countRows(db, u"tidemark_progress"_s), 0);
    }

    // Stopped part way: exactly what took effect, dirty until resolved.
    void partlyAppliedIsDirtyUntilResolved_data() { addDialectRows(); }
    void partlyAppliedIsDirtyUntilResolved()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__first.sql"_s, "CREATE TABLE first1 (id INT);\n");
        project.write(u"V2__partly.sql"_s, "-- tidemark: transaction=off\n"
                                           "CREATE TABLE p1 (id INT);\n"
                                           "CREATE TABLE p2 (id INT);\n"
                                           "\n"
                                           "INSERT INTO no_such_table VALUES (1);\n"
                                           "CREATE TABLE p3 (id INT);\n");
        project.write(u"V3__later.sql"_s, "CREATE TABLE later3 (id INT);\n");
        TM_SERVICE(service, project);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        const RunResult &run = outcome->run;
        QVERIFY(!run.ok());
        QCOMPARE(run.failedFile, u"V2__partly.sql"_s);
        QCOMPARE(run.error.line, 5);
        QCOMPARE(run.statementsInEffect.size(), 2);
        QVERIFY(run.partlyApplied.has_value());
        QCOMPARE(run.partlyApplied->statementsDone, 2);
        QCOMPARE(run.partlyApplied->doneLine, 3);
        QVERIFY2(run.error.hint.contains(u"resolve 2 --applied"_s), qPrintable(run.error.hint));
        QVERIFY(db.tableExists(u"p1"_s) && db.tableExists(u"p2"_s));
        QVERIFY(!db.tableExists(u"p3"_s) && !db.tableExists(u"later3"_s));
        QCOMPARE(appliedVersions(db), QStringList{u"1"_s});
        const QList<QStringList> journal =
            queryRows(db, u"SELECT outcome, error_text FROM tidemark_journal WHERE filename = "
                          "'V2__partly.sql'"_s);
        QCOMPARE(journal.size(), 1);
        QCOMPARE(journal.first().at(0), u"failed"_s);
        QVERIFY2(journal.first().at(1).contains(u"statements 1-2 took effect"_s),
                 qPrintable(journal.first().at(1)));

        // Dirty: status and validate say so; upgrade, its dry run and rollback refuse.
        Result<StatusReport> status = service->status();
        TM_VERIFY_OK(status);
        QCOMPARE(status->unfinished.size(), 1);
        QCOMPARE(status->unfinished.first().fileName, u"V2__partly.sql"_s);
        QCOMPARE(status->unfinished.first().state, u"failed"_s);
        // Pending is what the next upgrade runs: not the partly applied file, until resolved.
        for (const StatusEntry &entry : status->pending)
            QVERIFY2(entry.fileName != u"V2__partly.sql"_s, "a partly applied file is pending");
        Result<QList<ValidationProblem>> problems = service->validate();
        TM_VERIFY_OK(problems);
        QCOMPARE(problems->size(), 1);
        QCOMPARE(problems->first().kind, ValidationProblem::Kind::PartlyApplied);
        for (const bool dryRun : {true, false}) {
            Result<RunOutcome> again = service->upgrade({}, dryRun);
            QVERIFY(!again);
            QVERIFY2(again.error().message.contains(u"dirty"_s), qPrintable(again.error().message));
        }
        QVERIFY(!service->rollback({}, false));
        QVERIFY(!db.tableExists(u"later3"_s));

        // Resolving a version that is not dirty changes nothing.
        QCOMPARE(service->resolve(u"1"_s, true).error().code, Error::Code::NotFound);

        // The user undoes the two statements and says so; the file is pending again and runs
        // whole once fixed.
        db.exec(u"DROP TABLE p1"_s);
        db.exec(u"DROP TABLE p2"_s);
        Result<FileProgress> resolved = service->resolve(u"2"_s, false);
        TM_VERIFY_OK(resolved);
        QCOMPARE(countRows(db, u"tidemark_progress"_s), 0);
        QCOMPARE(countRows(db, u"tidemark_journal WHERE operation = 'resolve' AND outcome = "
                               "'not-applied'"_s),
                 1);
        project.write(u"V2__partly.sql"_s, "-- tidemark: transaction=off\n"
                                           "CREATE TABLE p1 (id INT);\n"
                                           "CREATE TABLE p2 (id INT);\n"
                                           "\n"
                                           "INSERT INTO p1 VALUES (1);\n"
                                           "CREATE TABLE p3 (id INT);\n");
        Result<RunOutcome> fixed = service->upgrade({}, false);
        TM_VERIFY_OK(fixed);
        TM_VERIFY_OK(fixed->run);
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s, u"3"_s}));
    }

    void resolveApplied_data() { addDialectRows(); }
    void resolveApplied()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__partly.sql"_s, "-- tidemark: transaction=off\n"
                                           "CREATE TABLE p1 (id INT);\n"
                                           "CREATE TABLE p1 (id INT);\n");
        TM_SERVICE(service, project);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        QVERIFY(!outcome->run.ok());
        Result<FileProgress> resolved = service->resolve(u"V1__partly.sql"_s, true);
        TM_VERIFY_OK(resolved);
        QCOMPARE(resolved->statementsDone, 1);
        QCOMPARE(appliedVersions(db), QStringList{u"1"_s});
        Result<StatusReport> status = service->status();
        TM_VERIFY_OK(status);
        QVERIFY(status->unfinished.isEmpty());
        QVERIFY(status->pending.isEmpty());
        QCOMPARE(countRows(db, u"tidemark_journal WHERE operation = 'resolve' AND outcome = "
                               "'applied'"_s),
                 1);
    }

    // MariaDB: a normal file whose DDL committed before a later statement failed is partly
    // applied too; the record names the statements.
    void mariadbImplicitCommitsAreRecorded()
    {
        ScratchDatabase db(SqlDialect::MySql);
        TIDEMARK_REQUIRE(db);
        TempProject project(db.url());
        project.write(u"V1__ddl.sql"_s, "CREATE TABLE m1 (id INT);\n"
                                        "INSERT INTO m1 VALUES (1);\n"
                                        "CREATE TABLE m2 (id INT);\n"
                                        "INSERT INTO m2 VALUES (2);\n"
                                        "INSERT INTO no_such_table VALUES (3);\n");
        project.write(u"V2__dml.sql"_s, "INSERT INTO no_such_table VALUES (3);\n");
        TM_SERVICE(service, project);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        QVERIFY(!outcome->run.ok());
        QCOMPARE(outcome->run.statementsInEffect.size(), 3);
        QVERIFY(outcome->run.partlyApplied.has_value());
        const QList<QStringList> rows =
            queryRows(db, u"SELECT statements_done, done_line, state FROM tidemark_progress"_s);
        QCOMPARE(rows, (QList<QStringList>{{u"3"_s, u"3"_s, u"failed"_s}}));
        QCOMPARE(countRows(db, u"m1"_s), 1);
        QCOMPARE(countRows(db, u"m2"_s), 0); // rolled back: after the last implicit commit
        Result<StatusReport> status = service->status();
        TM_VERIFY_OK(status);
        QCOMPARE(status->unfinished.size(), 1);
    }

    // MariaDB: a file of data changes only fails without a trace (one transaction).
    void mariadbDataOnlyFileLeavesNoRecord()
    {
        ScratchDatabase db(SqlDialect::MySql);
        TIDEMARK_REQUIRE(db);
        TempProject project(db.url());
        project.write(u"V1__t.sql"_s, "CREATE TABLE d1 (id INT);\n");
        project.write(u"V2__dml.sql"_s,
                      "INSERT INTO d1 VALUES (1);\nINSERT INTO no_such_table VALUES (3);\n");
        TM_SERVICE(service, project);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        QVERIFY(!outcome->run.ok());
        QVERIFY(!outcome->run.partlyApplied.has_value());
        QCOMPARE(countRows(db, u"tidemark_progress"_s), 0);
        QCOMPARE(countRows(db, u"d1"_s), 0);
        Result<StatusReport> status = service->status();
        TM_VERIFY_OK(status);
        QVERIFY(status->unfinished.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTransactionControl)
#include "tst_transactioncontrol.moc"
