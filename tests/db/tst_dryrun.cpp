// --dry-run plans and changes nothing at all: no tracking tables on a fresh database (Jetbase
// creates them: fixed), no rows, no schema change and no lock on a migrated one.

#include "dbtest.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

void writeFiles(const TempProject &project)
{
    project.write(u"V1__create_items.sql"_s,
                  "CREATE TABLE items (id INT, name VARCHAR(40));\n"
                  "INSERT INTO items (id, name) VALUES (1, 'one; two');\n"
                  "-- rollback\n"
                  "DROP TABLE items;\n");
    project.write(u"V2__create_tags.sql"_s, "CREATE TABLE tags (id INT);\n"
                                            "-- rollback\n"
                                            "DROP TABLE tags;\n");
    project.write(u"RA__count.sql"_s, "SELECT 1;\n");
}

} // namespace

class TestDryRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgradeOnFreshDatabase_data() { addDialectRows(); }
    void upgradeOnFreshDatabase()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        QVERIFY(tableNames(db).isEmpty());

        Result<RunOutcome> outcome = service->upgrade({}, true);
        TM_VERIFY_OK(outcome);
        QVERIFY(outcome->dryRun);
        QCOMPARE(
            fileNamesOf(outcome->plan),
            QStringList({u"V1__create_items.sql"_s, u"V2__create_tags.sql"_s, u"RA__count.sql"_s}));
        QCOMPARE(textsOf(outcome->plan.files.at(0).statements),
                 QStringList({u"CREATE TABLE items (id INT, name VARCHAR(40))"_s,
                              u"INSERT INTO items (id, name) VALUES (1, 'one; two')"_s}));
        QCOMPARE(outcome->plan.files.at(0).statements.at(1).line, 2);
        QVERIFY(outcome->run.completedFiles.isEmpty());
        QVERIFY(outcome->run.batchId.isEmpty());

        // Not even the tracking tables.
        QCOMPARE(tableNames(db), QStringList());
        QVERIFY(!db.tableExists(u"jetbase_migrations"_s));
        QVERIFY(!db.tableExists(u"jetbase_lock"_s));
        QVERIFY(!db.tableExists(u"tidemark_journal"_s));
        if (db.dialect() == SqlDialect::Sqlite)
            QCOMPARE(db.query(u"SELECT COUNT(*) FROM sqlite_master"_s), QStringList({u"0"_s}));

        // Rollback dry run on the fresh database: an empty plan, still no tables.
        RollbackOptions all;
        all.all = true;
        Result<RunOutcome> rollback = service->rollback(all, true);
        TM_VERIFY_OK(rollback);
        QVERIFY(rollback->plan.isEmpty());
        QCOMPARE(tableNames(db), QStringList());

        // Status and validation read without creating anything either.
        TM_VERIFY_OK(service->status());
        TM_VERIFY_OK(service->validate());
        TM_VERIFY_OK(service->lockState());
        QCOMPARE(tableNames(db), QStringList());
    }

    void onMigratedDatabase_data() { addDialectRows(); }
    void onMigratedDatabase()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        UpgradeOptions first;
        first.count = 1;
        TM_VERIFY_OK(service->upgrade(first, false));
        const QStringList before = snapshot(db);
        QVERIFY(before.contains(u"jetbase_migrations rows 2"_s));
        QVERIFY(before.contains(u"items rows 1"_s));

        Result<RunOutcome> upgrade = service->upgrade({}, true);
        TM_VERIFY_OK(upgrade);
        QCOMPARE(fileNamesOf(upgrade->plan),
                 QStringList({u"V2__create_tags.sql"_s, u"RA__count.sql"_s}));
        QCOMPARE(textsOf(upgrade->plan.files.at(0).statements),
                 QStringList({u"CREATE TABLE tags (id INT)"_s}));
        QCOMPARE(snapshot(db), before);
        QVERIFY(!db.tableExists(u"tags"_s));

        RollbackOptions one;
        Result<RunOutcome> rollback = service->rollback(one, true);
        TM_VERIFY_OK(rollback);
        QCOMPARE(fileNamesOf(rollback->plan), QStringList({u"V1__create_items.sql"_s}));
        QCOMPARE(textsOf(rollback->plan.files.at(0).statements),
                 QStringList({u"DROP TABLE items"_s}));
        QCOMPARE(rollback->plan.files.at(0).statements.at(0).line, 4);
        QCOMPARE(snapshot(db), before);
        QVERIFY(db.tableExists(u"items"_s));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));

        // The lock is free afterwards: a real run works.
        Result<RunOutcome> real = service->upgrade({}, false);
        TM_VERIFY_OK(real);
        TM_VERIFY_OK(real->run);
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s}));
        QVERIFY(snapshot(db) != before);
    }

    // A dry run while validation fails reports the problem like the real run.
    void validationStillApplies_data() { addDialectRows(); }
    void validationStillApplies()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));
        project.write(u"V2__create_tags.sql"_s, "CREATE TABLE tags (id BIGINT);\n");
        const QStringList before = snapshot(db);
        Result<RunOutcome> outcome = service->upgrade({}, true);
        QVERIFY(!outcome.ok());
        QCOMPARE(outcome.error().code, Error::Code::Validation);
        QCOMPARE(snapshot(db), before);
    }
};

QTEST_GUILESS_MAIN(TestDryRun)
#include "tst_dryrun.moc"
