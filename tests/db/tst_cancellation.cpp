// Stop between statements: the current file's transaction rolls back, earlier files stay, and
// the journal records the cancellation. Also the progress events the window listens to. Stop
// while a statement waits for another session's lock: the server cancels it within a second.
#include "db/connection.h"
#include "engine/migrationservice.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QTest>

#include <future>
#include <thread>

using namespace tidemark;
using namespace tidemark::test;

Q_DECLARE_METATYPE(tidemark::SqlDialect)

class TestCancellation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stopBetweenStatements_data();
    void stopBetweenStatements();
    void stopWhileWaitingForALock_data() { stopBetweenStatements_data(); }
    void stopWhileWaitingForALock();
};

void TestCancellation::stopBetweenStatements_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("sqlite") << SqlDialect::Sqlite;
    QTest::newRow("postgresql") << SqlDialect::Postgres;
    QTest::newRow("mariadb") << SqlDialect::MySql;
}

void TestCancellation::stopBetweenStatements()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    project.write("V1__first.sql", "CREATE TABLE first_t (id INT);\n");
    // DML only, so that the rollback is real on MariaDB too.
    project.write("V2__second.sql",
                  "INSERT INTO first_t VALUES (1);\nINSERT INTO first_t VALUES (2);\n"
                  "INSERT INTO first_t VALUES (3);\n");
    project.write("V3__third.sql", "CREATE TABLE third_t (id INT);\n");

    ProjectOptions options;
    options.projectDir = project.root();
    Result<Project> opened = Project::open(options);
    QVERIFY2(opened.ok(), qPrintable(opened.error().fullText()));
    MigrationService service(opened.value());
    std::atomic_bool cancel{false};
    QList<RunEvent> events;
    service.setCancelFlag(&cancel);
    bool stopAsked = false;
    service.setEventSink([&](const RunEvent &event) {
        events.append(event);
        // Ask to stop (once) while the second statement of V2 is about to run.
        if (!stopAsked && event.type == RunEvent::Type::StatementStarted &&
            event.fileName == u"V2__second.sql" && event.statementIndex == 1) {
            stopAsked = true;
            cancel.store(true);
        }
    });
    Result<RunOutcome> outcome = service.upgrade(UpgradeOptions{}, false);
    QVERIFY(outcome.ok());
    QVERIFY(!outcome->run.ok());
    QCOMPARE(outcome->run.error.code, Error::Code::Cancelled);
    QCOMPARE(outcome->run.completedFiles, QStringList{"V1__first.sql"});
    QCOMPARE(outcome->run.failedFile, QStringLiteral("V2__second.sql"));

    QCOMPARE(db.query("SELECT COUNT(*) FROM first_t"), QStringList{"0"});
    QVERIFY(!db.tableExists("third_t"));
    QCOMPARE(db.query("SELECT version FROM jetbase_migrations"), QStringList{"1"});
    QCOMPARE(db.query("SELECT outcome FROM tidemark_journal WHERE filename = 'V2__second.sql'"),
             QStringList{"cancelled"});
    QCOMPARE(db.query("SELECT is_locked FROM jetbase_lock").value(0).toInt(), 0);

    // Progress as plain values: file n of m, then each statement with its line.
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().type, RunEvent::Type::FileStarted);
    QCOMPARE(events.first().fileCount, 3);
    const auto cancelled = std::find_if(events.cbegin(), events.cend(), [](const RunEvent &e) {
        return e.type == RunEvent::Type::FileCancelled;
    });
    QVERIFY(cancelled != events.cend());
    QCOMPARE(cancelled->fileIndex, 1);

    // The next upgrade finishes the job.
    cancel.store(false);
    Result<RunOutcome> again = service.upgrade(UpgradeOptions{}, false);
    QVERIFY(again.ok() && again->run.ok());
    QCOMPARE(db.query("SELECT COUNT(*) FROM first_t"), QStringList{"3"});
    QVERIFY(db.tableExists("third_t"));
}

// Another session holds a lock the migration's ALTER TABLE waits for; Stop (the cancel flag
// that Ctrl+C and the window's Stop set) ends the wait on the server.
void TestCancellation::stopWhileWaitingForALock()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    project.write("V1__table.sql", "CREATE TABLE waited (id INT);\n");
    // SQLite has no lock to wait for inside a run (the run holds the database's write lock):
    // there, a statement that runs long.
    project.write("V2__alter.sql",
                  dialect == SqlDialect::Sqlite
                      ? "INSERT INTO waited VALUES (1);\n"
                        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) "
                        "SELECT count(*) FROM c;\n"
                      : "INSERT INTO waited VALUES (1);\n"
                        "ALTER TABLE waited ADD COLUMN extra INT;\n");
    ProjectOptions options;
    options.projectDir = project.root();
    Result<Project> opened = Project::open(options);
    QVERIFY2(opened.ok(), qPrintable(opened.error().fullText()));
    MigrationService service(opened.value());
    UpgradeOptions first;
    first.count = 1;
    Result<RunOutcome> created = service.upgrade(first, false);
    QVERIFY(created.ok() && created->run.ok());

    auto blocker = connectTo(db.url());
    QVERIFY(blocker->begin().ok());
    switch (dialect) {
    case SqlDialect::Postgres:
        QVERIFY(blocker->exec(QStringLiteral("LOCK TABLE waited IN ACCESS EXCLUSIVE MODE")).ok());
        break;
    case SqlDialect::MySql: // a read in an open transaction holds the table's metadata lock
        QVERIFY(blocker->exec(QStringLiteral("SELECT * FROM waited")).ok());
        break;
    default:
        break;
    }

    std::atomic_bool cancel{false};
    service.setCancelFlag(&cancel);
    std::atomic_bool waiting{false};
    service.setEventSink([&](const RunEvent &event) {
        if (event.type == RunEvent::Type::StatementStarted && event.fileName == u"V2__alter.sql")
            waiting = true;
    });
    auto running = std::async(std::launch::async, [&] { return service.upgrade({}, false); });
    QTRY_VERIFY_WITH_TIMEOUT(waiting.load(), 10000);
    QTest::qWait(1000); // well inside the wait
    QVERIFY(running.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);
    QElapsedTimer stopped;
    stopped.start();
    cancel = true;
    if (running.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
        blocker->rollback(); // let the run end, so the test fails instead of hanging
        running.wait();
        QFAIL("Stop did not end the waiting statement within 10 s");
    }
    const qint64 stopMs = stopped.elapsed();
    Result<RunOutcome> outcome = running.get();
    qInfo("stopped %lld ms after Stop", stopMs);
    QVERIFY2(stopMs < 2000, qPrintable(QString::number(stopMs)));
    QVERIFY(outcome.ok());
    QCOMPARE(outcome->run.error.code, Error::Code::Cancelled);
    QCOMPARE(outcome->run.failedFile, QStringLiteral("V2__alter.sql"));
    QVERIFY(blocker->rollback().ok());

    QCOMPARE(db.query("SELECT version FROM jetbase_migrations"), QStringList{"1"});
    QCOMPARE(db.query("SELECT outcome FROM tidemark_journal WHERE filename = 'V2__alter.sql'"),
             QStringList{"cancelled"});
    QCOMPARE(db.query("SELECT is_locked FROM jetbase_lock").value(0).toInt(), 0);
    if (dialect == SqlDialect::MySql) {
        // The ALTER TABLE committed the INSERT before it waited: that stays, and says so.
        QCOMPARE(db.query("SELECT COUNT(*) FROM waited"), QStringList{"1"});
        QCOMPARE(outcome->run.statementsInEffect.size(), 1);
        QVERIFY(outcome->run.partlyApplied.has_value());
        QVERIFY2(outcome->run.error.message.contains(u"Statements 1-1 of the file had already"),
                 qPrintable(outcome->run.error.message));
        QVERIFY(db.exec("DELETE FROM waited"));
        QVERIFY(service.resolve(QStringLiteral("2"), false).ok());
    } else {
        QCOMPARE(db.query("SELECT COUNT(*) FROM waited"), QStringList{"0"});
        QVERIFY(!outcome->run.partlyApplied.has_value());
    }
    // The lock is free and the file runs once nothing blocks it (on SQLite: once it ends).
    if (dialect == SqlDialect::Sqlite)
        project.write("V2__alter.sql", "INSERT INTO waited VALUES (1);\n");
    cancel = false;
    Result<RunOutcome> again = service.upgrade({}, false);
    QVERIFY2(again.ok() && again->run.ok(),
             qPrintable(again.ok() ? again->run.error.fullText() : again.error().fullText()));
    QCOMPARE(db.query("SELECT COUNT(*) FROM waited"), QStringList{"1"});
}

QTEST_GUILESS_MAIN(TestCancellation)
#include "tst_cancellation.moc"
