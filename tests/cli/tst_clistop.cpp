// Ctrl+C and SIGTERM sent to the real binary:
// - while upgrade's ALTER TABLE waits for another session's lock: the statement is cancelled on
//   the server within 2 s, the file rolled back, the lock released and the journal says
//   "cancelled";
// - while make-migrations loads the desired schema: the load is cancelled, the scratch space
//   dropped, and no file written;
// - while a command that only reads waits on the database: the process ends at the signal.
#include "clidatabase.h"
#include "clirunner.h"

#include "db/connection.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>

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

    void makeMigrationsStopsWhileLoading_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<int>("signal");
        QTest::newRow("postgresql, SIGINT") << SqlDialect::Postgres << int(SIGINT);
        QTest::newRow("postgresql, SIGTERM") << SqlDialect::Postgres << int(SIGTERM);
        QTest::newRow("mariadb, SIGINT") << SqlDialect::MySql << int(SIGINT);
    }
    // The desired schema sleeps in the scratch space; the signal stops it there, long before
    // the sleep would end, drops the scratch space and writes no migration.
    void makeMigrationsStopsWhileLoading()
    {
        CLI_REQUIRE_DIALECT(db);
        QFETCH(int, signal);
        const bool postgres = dialect == SqlDialect::Postgres;
        TempProject project(db.url());
        QFile schema(project.root() + u"/desired.sql"_s); // beside jetbase/, not a migration
        QVERIFY(schema.open(QIODevice::WriteOnly));
        schema.write(postgres ? "CREATE TABLE kept (id INT);\n"
                                "SELECT pg_sleep(60);\n"
                                "CREATE TABLE later (id INT);\n"
                              : "CREATE TABLE kept (id INT);\n"
                                "SELECT SLEEP(60);\n"
                                "CREATE TABLE later (id INT);\n");
        schema.close();
        CliRunner cli(Binary::Cli, project.root());
        const QStringList arguments{u"make-migrations"_s, u"--schema"_s, schema.fileName()};
        std::unique_ptr<QProcess> process = cli.start(arguments);
        QVERIFY(process->waitForStarted(10000));
        const QString sleeping = postgres
                                     ? u"SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE "
                                       "'%SELECT pg_sleep(60)%' AND pid <> pg_backend_pid()"_s
                                     : u"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE "
                                       "INFO LIKE 'SELECT SLEEP(60)%'"_s;
        QTRY_VERIFY2_WITH_TIMEOUT(db.query(sleeping).value(0).toInt() > 0,
                                  qPrintable(QString::fromUtf8(process->readAllStandardError())),
                                  20000);
        QElapsedTimer stopped;
        stopped.start();
        ::kill(pid_t(process->processId()), signal);
        const bool ended = process->waitForFinished(20000);
        const qint64 stopMs = stopped.elapsed();
        QVERIFY2(ended, "make-migrations did not stop within 20 s");
        qInfo("stopped %lld ms after the signal", stopMs);
        QVERIFY2(stopMs < 5000, qPrintable(QString::number(stopMs)));
        const QString err = QString::fromUtf8(process->readAllStandardError());
        QCOMPARE(process->exitStatus(), QProcess::NormalExit);
        QCOMPARE(process->exitCode(), 1);
        QVERIFY2(err.contains(u"Stopped by the user while loading the desired schema"_s),
                 qPrintable(err));
        const QRegularExpressionMatch dropped =
            QRegularExpression(u"Dropped temporary (schema|database) (tidemark_scratch_\\w+)\\."_s)
                .match(err);
        QVERIFY2(dropped.hasMatch(), qPrintable(err));
        QVERIFY2(!leftoverScratch(db).contains(dropped.captured(2)), qPrintable(err));
        QCOMPARE(QDir(project.migrationsDir()).entryList(QDir::Files), QStringList());
        // Nothing of the desired schema reached the project's database.
        QCOMPARE(db.query(postgres ? u"SELECT COUNT(*) FROM pg_tables WHERE tablename IN "
                                     "('kept', 'later')"_s
                                   : u"SELECT COUNT(*) FROM information_schema.tables WHERE "
                                     "table_schema = DATABASE() AND table_name IN ('kept', "
                                     "'later')"_s),
                 QStringList{u"0"_s});
    }

    // check only reads: it does not watch for Ctrl+C and ends at the signal, also while its
    // row counts wait for tables another session holds (each would wait up to 2 s).
    void aReadingCommandEndsAtTheSignal()
    {
        ScratchDatabase db(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(db);
        TempProject project(db.url());
        QByteArray create;
        QByteArray deletes;
        QStringList tables;
        for (int i = 0; i < 8; ++i) {
            const QByteArray table = "held" + QByteArray::number(i);
            create += "CREATE TABLE " + table + " (id INT);\n";
            deletes += "DELETE FROM " + table + ";\n";
            tables << QString::fromLatin1(table);
        }
        project.write(u"V1__tables.sql"_s, create);
        CliRunner cli(Binary::Cli, project.root());
        CLI_EXPECT_EXIT(cli.run({u"upgrade"_s}), 0);
        project.write(u"V2__deletes.sql"_s, deletes);

        auto blocker = connectTo(db.url());
        QVERIFY(blocker->begin().ok());
        QVERIFY(
            blocker->exec(u"LOCK TABLE "_s + tables.join(u", "_s) + u" IN ACCESS EXCLUSIVE MODE"_s)
                .ok());
        std::unique_ptr<QProcess> process = cli.start({u"check"_s});
        QVERIFY(process->waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(
            db.query(u"SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND "
                     "query LIKE 'SELECT COUNT(*) FROM%'"_s)
                    .value(0)
                    .toInt() > 0,
            15000);
        QElapsedTimer stopped;
        stopped.start();
        ::kill(pid_t(process->processId()), SIGINT);
        const bool ended = process->waitForFinished(30000);
        const qint64 stopMs = stopped.elapsed();
        blocker->rollback();
        QVERIFY2(ended, "check did not end within 30 s");
        qInfo("ended %lld ms after the signal", stopMs);
        // Waiting out the eight counts would take about 16 s.
        QVERIFY2(stopMs < 2000, qPrintable(QString::number(stopMs)));
        QCOMPARE(process->exitStatus(), QProcess::CrashExit); // ended by SIGINT
        QCOMPARE(trackedVersions(db), QStringList{u"1"_s});
    }
};

QTEST_GUILESS_MAIN(TestCliStop)
#include "tst_clistop.moc"
