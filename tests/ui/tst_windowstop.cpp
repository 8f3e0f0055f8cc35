// The window's Stop while an upgrade's ALTER TABLE waits for another session's lock: the
// statement is cancelled on the server within 2 s and the file rolled back.
#include "windowtest.h"

#include "db/connection.h"

#include <QElapsedTimer>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

class TestWindowStop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useTestSettings(); }
    void cleanup() { dropPendingAnswers(); }
    void stopAWaitingStatement_data() { addDialectRows(false, true, true); }
    void stopAWaitingStatement()
    {
        TM_SCRATCH(db, project);
        project.write("V1__table.sql", "CREATE TABLE waited (id INT);\n");
        {
            TM_SERVICE(service, project);
            UpgradeOptions first;
            TM_VERIFY_OK(service->upgrade(first, false));
        }
        project.write("V2__alter.sql", "ALTER TABLE waited ADD COLUMN extra INT;\n");
        auto blocker = connectTo(db.url());
        QVERIFY(blocker->begin().ok());
        QVERIFY(blocker
                    ->exec(db.dialect() == SqlDialect::Postgres
                               ? u"LOCK TABLE waited IN ACCESS EXCLUSIVE MODE"_s
                               : u"SELECT * FROM waited"_s)
                    .ok());
        const QString waitingSql =
            db.dialect() == SqlDialect::Postgres
                ? u"SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND "
                  "query LIKE '%ALTER TABLE waited%'"_s
                : u"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE STATE LIKE "
                  "'%metadata lock%' AND INFO LIKE 'ALTER TABLE waited%'"_s;

        auto window = openWindow(project);
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(*window)->rowCount(), 2, 20000);
        auto upgrade = answerNextConfirmation();
        clickAction(*window, "upgradeAction");
        QTRY_VERIFY_WITH_TIMEOUT(upgrade->seen, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(db.query(waitingSql).value(0).toInt() > 0, 20000);
        QTest::qWait(500);
        QVERIFY(!idle(*window));
        QElapsedTimer stopped;
        stopped.start();
        clickAction(*window, "stopAction");
        const bool ended = QTest::qWaitFor([&] { return idle(*window); }, 10000);
        const qint64 stopMs = stopped.elapsed();
        blocker->rollback();
        QVERIFY2(ended, "Stop did not end the run within 10 s");
        qInfo("stopped %lld ms after Stop", stopMs);
        QVERIFY2(stopMs < 2000, qPrintable(QString::number(stopMs)));
        QCOMPARE(appliedVersions(db), QStringList{u"1"_s});
        QCOMPARE(db.query(u"SELECT outcome FROM tidemark_journal WHERE filename = "
                          "'V2__alter.sql'"_s),
                 QStringList{u"cancelled"_s});
        QCOMPARE(db.query(u"SELECT is_locked FROM jetbase_lock"_s).value(0).toInt(), 0);
    }
};

QTEST_MAIN(TestWindowStop)
#include "tst_windowstop.moc"
