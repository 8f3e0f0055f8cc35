// Stop between statements: the current file's transaction rolls back, earlier files stay, and
// the journal records the cancellation. Also the progress events the window listens to.
#include "engine/migrationservice.h"
#include "testsupport.h"

#include <QTest>

using namespace tidemark;
using namespace tidemark::test;

Q_DECLARE_METATYPE(tidemark::SqlDialect)

class TestCancellation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void stopBetweenStatements_data();
    void stopBetweenStatements();
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

QTEST_GUILESS_MAIN(TestCancellation)
#include "tst_cancellation.moc"
