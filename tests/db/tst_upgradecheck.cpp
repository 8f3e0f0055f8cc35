// upgrade's own check at the service, as the window uses it: the files whose findings the user
// accepted (by checksum) run; a file changed after that is checked again and refused, and the
// database is left as it was.

#include "dbtest.h"

#include <QFile>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

class TestUpgradeCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void acceptedByChecksumOnly_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::newRow("sqlite") << SqlDialect::Sqlite;
        QTest::newRow("postgresql") << SqlDialect::Postgres;
        QTest::newRow("mariadb") << SqlDialect::MySql;
    }
    void acceptedByChecksumOnly()
    {
        TM_SCRATCH(db, project);
        project.write(
            u"V1__purge.sql"_s,
            "CREATE TABLE log (id INT);\nDELETE FROM log;\n-- rollback\nDROP TABLE log;\n");
        QFile toml(project.jetbaseDir() + u"/jetbase.toml"_s);
        QVERIFY(toml.open(QIODevice::WriteOnly));
        toml.write("check_error = [\"delete-without-where\"]\n");
        toml.close();
        TM_SERVICE(service, project);
        Result<RunOutcome> planned = service->upgrade({}, true);
        TM_VERIFY_OK(planned);
        const QString seen = planned->plan.files.first().migration->checksum();

        // Not accepted: refused before anything changes.
        Result<RunOutcome> refused = service->upgrade({}, false);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(u"check found 1 error(s)"_s),
                 qPrintable(refused.error().fullText()));
        QVERIFY(!db.tableExists(u"log"_s));

        // Accepted, then the file changed: checked again, still refused.
        project.write(u"V1__purge.sql"_s, "CREATE TABLE log (id INT);\nDELETE FROM log;\n"
                                          "UPDATE log SET id = 0;\n-- rollback\nDROP TABLE log;\n");
        UpgradeOptions accepted;
        accepted.checkAccepted.insert(u"V1__purge.sql"_s, seen);
        refused = service->upgrade(accepted, false);
        QVERIFY(!refused);
        QVERIFY(!db.tableExists(u"log"_s));

        // Accepted as it is now: it runs.
        Result<RunOutcome> rescan = service->upgrade({}, true);
        TM_VERIFY_OK(rescan);
        accepted.checkAccepted.insert(u"V1__purge.sql"_s,
                                      rescan->plan.files.first().migration->checksum());
        Result<RunOutcome> ran = service->upgrade(accepted, false);
        TM_VERIFY_OK(ran);
        TM_VERIFY_OK(ran->run);
        QVERIFY(db.tableExists(u"log"_s));
    }
};

QTEST_GUILESS_MAIN(TestUpgradeCheck)
#include "tst_upgradecheck.moc"
