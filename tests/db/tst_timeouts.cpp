// Statement and lock-wait timeouts from the configuration, overridden per file by the
// "-- tidemark:" directive, and the retry after a lock-wait timeout, against the real servers.
// A timeout fails the file with the timeout named, leaves the database as it was, and the
// retry journals each try.

#include "dbtest.h"

#include <QElapsedTimer>

#include <future>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

std::unique_ptr<MigrationService> serviceWith(const TempProject &project,
                                              const QMap<QString, QString> &overrides)
{
    ProjectOptions options;
    options.projectDir = project.root();
    options.environment = cleanEnvironment();
    for (auto it = overrides.cbegin(); it != overrides.cend(); ++it)
        options.overrides.insert(it.key(), it.value());
    Result<Project> opened = Project::open(options);
    if (!opened)
        return nullptr;
    return std::make_unique<MigrationService>(opened.value());
}

QByteArray sleepFor(SqlDialect dialect, double seconds)
{
    const QByteArray function = dialect == SqlDialect::Postgres ? "pg_sleep" : "SLEEP";
    return QByteArray("SELECT ") + function + "(" + QByteArray::number(seconds) + ");\n";
}

} // namespace

class TestTimeouts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void statementTimeout_data() { addDialectRows(false, true, true); }
    void statementTimeout()
    {
        TM_SCRATCH(db, project);
        // The slow statement first: on MariaDB a CREATE TABLE before it would commit on its own.
        project.write(u"V1__slow.sql"_s, sleepFor(dialect, 4) + "CREATE TABLE s1 (id INT);\n");
        auto service = serviceWith(project, {{u"statement_timeout"_s, u"1"_s}});
        QVERIFY(service);
        QElapsedTimer timer;
        timer.start();
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        QVERIFY(!outcome->run.ok());
        QVERIFY2(timer.elapsed() < 3500, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(outcome->run.error.line, 1);
        QVERIFY2(outcome->run.error.hint.contains(u"The statement timeout (1 s"_s),
                 qPrintable(outcome->run.error.hint));
        QVERIFY(outcome->run.error.hint.contains(u"--statement-timeout"_s));
        QVERIFY(appliedVersions(db).isEmpty());

        // The file asks for longer: it runs.
        project.write(u"V1__slow.sql"_s, "-- tidemark: statement-timeout=10\n"
                                         "CREATE TABLE s1 (id INT);\n" +
                                             sleepFor(dialect, 1.5));
        Result<RunOutcome> longer = service->upgrade({}, false);
        TM_VERIFY_OK(longer);
        TM_VERIFY_OK(longer->run);
        QCOMPARE(appliedVersions(db), QStringList{u"1"_s});
    }

    // A file's own timeout is set before its transaction opens and the run's comes back for
    // the next file, also where a file's commit opens the next file's transaction ahead
    // (PostgreSQL).
    void fileTimeoutBetweenFiles_data() { addDialectRows(false, true, true); }
    void fileTimeoutBetweenFiles()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__plain.sql"_s, "CREATE TABLE p1 (id INT);\n");
        project.write(u"V2__longer.sql"_s,
                      "-- tidemark: statement-timeout=10\n" + sleepFor(dialect, 1.5));
        project.write(u"V3__slow.sql"_s, sleepFor(dialect, 3) + "CREATE TABLE p3 (id INT);\n");
        auto service = serviceWith(project, {{u"statement_timeout"_s, u"1"_s}});
        QVERIFY(service);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        QVERIFY(!outcome->run.ok());
        QCOMPARE(outcome->run.failedFile, u"V3__slow.sql"_s);
        QVERIFY2(outcome->run.error.hint.contains(u"The statement timeout (1 s"_s),
                 qPrintable(outcome->run.error.fullText()));
        QCOMPARE(appliedVersions(db), (QStringList{u"1"_s, u"2"_s}));
        QCOMPARE(outcome->run.completedFiles,
                 (QStringList{u"V1__plain.sql"_s, u"V2__longer.sql"_s}));
        // The lock is free again: nothing was left open on the run's connection.
        TM_VERIFY_OK(service->upgrade({}, true));
        QVERIFY(!service->lockState()->locked);
    }

    void lockWaitTimeoutAndRetry_data() { addDialectRows(false, true, true); }
    void lockWaitTimeoutAndRetry()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__table.sql"_s, "CREATE TABLE w (id INT);\n");
        TM_SERVICE(plain, project);
        TM_VERIFY_OK(plain->upgrade({}, false));
        project.write(u"V2__alter.sql"_s, "ALTER TABLE w ADD COLUMN extra INT;\n");
        const auto block = [&](Connection &blocker) {
            QVERIFY(blocker.begin().ok());
            QVERIFY(blocker
                        .exec(dialect == SqlDialect::Postgres
                                  ? u"LOCK TABLE w IN ACCESS EXCLUSIVE MODE"_s
                                  : u"SELECT * FROM w"_s)
                        .ok());
        };

        // Without a retry: fails after about a second, naming the timeout.
        {
            auto blocker = connectTo(db.url());
            block(*blocker);
            auto service = serviceWith(project, {{u"lock_wait_timeout"_s, u"1"_s}});
            QVERIFY(service);
            QElapsedTimer timer;
            timer.start();
            Result<RunOutcome> outcome = service->upgrade({}, false);
            const qint64 ms = timer.elapsed();
            blocker->rollback();
            TM_VERIFY_OK(outcome);
            QVERIFY(!outcome->run.ok());
            QVERIFY(outcome->run.lockWaitTimedOut);
            QVERIFY2(ms < 4000, qPrintable(QString::number(ms)));
            QVERIFY2(outcome->run.error.hint.contains(u"The lock-wait timeout (1 s"_s),
                     qPrintable(outcome->run.error.fullText()));
            QCOMPARE(appliedVersions(db), QStringList{u"1"_s});
        }

        // With --retry-on-lock-timeout 3: the blocker goes away during the pauses.
        auto blocker = connectTo(db.url());
        block(*blocker);
        auto service = serviceWith(
            project, {{u"lock_wait_timeout"_s, u"1"_s}, {u"retry_on_lock_timeout"_s, u"3"_s}});
        QVERIFY(service);
        auto running = std::async(std::launch::async, [&] { return service->upgrade({}, false); });
        QTest::qWait(2500); // the first try has timed out and waits to retry
        blocker->rollback();
        QVERIFY(running.wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        Result<RunOutcome> outcome = running.get();
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(appliedVersions(db), (QStringList{u"1"_s, u"2"_s}));
        const QList<QStringList> tries =
            queryRows(db, u"SELECT outcome, error_text FROM tidemark_journal WHERE filename = "
                          "'V2__alter.sql' ORDER BY id"_s);
        QVERIFY2(tries.size() >= 3, qPrintable(QString::number(tries.size())));
        QCOMPARE(tries.last().at(0), u"success"_s);
        // The first row is the run without retries above; then the retried tries.
        QVERIFY2(tries.at(1).at(1).contains(u"(try 1 of 4; retrying)"_s),
                 qPrintable(tries.at(1).at(1)));
    }

    // SQLite has one timeout, the busy timeout: set from the run's value or the file's.
    void sqliteBusyTimeout()
    {
        ScratchDatabase db(SqlDialect::Sqlite);
        TempProject project(db.url());
        project.write(u"V1__run.sql"_s, "CREATE TABLE run_value AS SELECT * FROM "
                                        "pragma_busy_timeout;\n");
        project.write(u"V2__file.sql"_s, "-- tidemark: lock-wait-timeout=2\n"
                                         "CREATE TABLE file_value AS SELECT * FROM "
                                         "pragma_busy_timeout;\n");
        auto service = serviceWith(project, {{u"lock_wait_timeout"_s, u"7"_s}});
        QVERIFY(service);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(db.query(u"SELECT * FROM run_value"_s), QStringList{u"7000"_s});
        QCOMPARE(db.query(u"SELECT * FROM file_value"_s), QStringList{u"2000"_s});
    }

    void badConfiguration()
    {
        ScratchDatabase db(SqlDialect::Sqlite);
        TempProject project(db.url());
        project.write(u"V1__run.sql"_s, "CREATE TABLE t (id INT);\n");
        auto service = serviceWith(project, {{u"statement_timeout"_s, u"soon"_s}});
        QVERIFY(service);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        QVERIFY(!outcome);
        QCOMPARE(outcome.error().code, Error::Code::Config);
        QVERIFY(outcome.error().message.contains(u"statement_timeout"_s));
        QVERIFY(appliedVersions(db).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTimeouts)
#include "tst_timeouts.moc"
