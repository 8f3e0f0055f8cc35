// Ctrl+C and SIGTERM sent to the real binary while its ALTER TABLE waits for another session's
// lock: the statement is cancelled on the server within 2 s, the file rolled back, the lock
// released and the journal says "cancelled".
#include "clidatabase.h"
#include "clirunner.h"

#include "db/connection.h"

#include <QElapsedTimer>

#include <csignal>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

class TestCliStop : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stopAWaitingStatement_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<int>("signal");
        QTest::newRow("postgresql, SIGINT") << SqlDialect::Postgres << int(SIGINT);
        QTest::newRow("postgresql, SIGTERM") << SqlDialect::Postgres << int(SIGTERM);
        QTest::newRow("mariadb, SIGINT") << SqlDialect::MySql << int(SIGINT);
        QTest::newRow("mariadb, SIGTERM") << SqlDialect::MySql << int(SIGTERM);
    }
    void stopAWaitingStatement()
    {
        CLI_REQUIRE_DIALECT(db);
        QFETCH(int, signal);
        TempProject project(db.url());
        project.write(u"V1__table.sql"_s, "CREATE TABLE waited (id INT);\n");
        CliRunner cli(Binary::Cli, project.root());
        CLI_EXPECT_EXIT(cli.run({u"upgrade"_s}), 0);
        project.write(u"V2__alter.sql"_s, "ALTER TABLE waited ADD COLUMN extra INT;\n");

        auto blocker = connectTo(db.url());
        QVERIFY(blocker->begin().ok());
        QVERIFY(blocker
                    ->exec(dialect == SqlDialect::Postgres
                               ? u"LOCK TABLE waited IN ACCESS EXCLUSIVE MODE"_s
                               : u"SELECT * FROM waited"_s)
                    .ok());
        const QString waitingSql =
            dialect == SqlDialect::Postgres
                ? u"SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND "
                  "query LIKE '%ALTER TABLE waited%'"_s
                : u"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE LIKE "
                  "'%metadata lock%' AND INFO LIKE 'ALTER TABLE waited%'"_s;

        std::unique_ptr<QProcess> process = cli.start({u"upgrade"_s});
        QVERIFY(process->waitForStarted(10000));
        // Asked on another connection: inside the blocker's transaction the activity views
        // keep their first snapshot.
        const auto waiting = [&] { return db.query(waitingSql).value(0).toInt() > 0; };
        QTRY_VERIFY_WITH_TIMEOUT(waiting(), 15000);
        QTest::qWait(500);
        QElapsedTimer stopped;
        stopped.start();
        ::kill(pid_t(process->processId()), signal);
        const bool ended = process->waitForFinished(10000);
        const qint64 stopMs = stopped.elapsed();
        blocker->rollback();
        QVERIFY2(ended, "the run did not stop within 10 s");
        qInfo("stopped %lld ms after the signal", stopMs);
        QVERIFY2(stopMs < 2000, qPrintable(QString::number(stopMs)));
        const QString err = QString::fromUtf8(process->readAllStandardError());
        QCOMPARE(process->exitCode(), 1);
        QVERIFY2(err.contains(u"Stopped during V2__alter.sql"_s), qPrintable(err));

        QCOMPARE(trackedVersions(db), QStringList{u"1"_s});
        QCOMPARE(db.query(u"SELECT outcome FROM tidemark_journal WHERE filename = "
                          "'V2__alter.sql'"_s),
                 QStringList{u"cancelled"_s});
        const CliResult status = cli.run({u"lock-status"_s});
        CLI_EXPECT_CONTAINS(status, status.stdoutText(), u"Status: UNLOCKED"_s);
        // Nothing of the ALTER took effect: the next run applies it.
        CLI_EXPECT_EXIT(cli.run({u"upgrade"_s}), 0);
        QCOMPARE(trackedVersions(db), QStringList({u"1"_s, u"2"_s}));
    }
};

QTEST_GUILESS_MAIN(TestCliStop)
#include "tst_clistop.moc"
