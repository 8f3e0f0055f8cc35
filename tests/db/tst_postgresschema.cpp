// postgres_schema in env.py: the connection's search_path is that schema only, so the tracking
// tables and everything the migrations create live there and not in public.

#include "dbtest.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

QStringList tablesIn(const ScratchDatabase &db, const QString &schema)
{
    return db.query(u"SELECT table_name FROM information_schema.tables WHERE table_schema = '%1' "
                    "ORDER BY table_name"_s.arg(schema));
}

} // namespace

class TestPostgresSchema : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void trackingTablesInTheSchema()
    {
        ScratchDatabase db(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(db);
        QVERIFY(db.exec(u"CREATE SCHEMA tm_schema"_s));
        TempProject project;
        writeEnv(project, db.url(), "postgres_schema = \"tm_schema\"\n");
        project.write(u"V1__widgets.sql"_s, "CREATE TABLE widgets (id INT);\n"
                                            "INSERT INTO widgets (id) VALUES (1);\n"
                                            "-- rollback\n"
                                            "DROP TABLE widgets;\n");
        project.write(u"V2__gadgets.sql"_s, "CREATE TABLE gadgets (id INT);\n"
                                            "-- rollback\n"
                                            "DROP TABLE gadgets;\n");
        TM_SERVICE(service, project);

        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(tablesIn(db, u"tm_schema"_s),
                 QStringList({u"gadgets"_s, u"jetbase_lock"_s, u"jetbase_migrations"_s,
                              u"tidemark_journal"_s, u"tidemark_lock_holder"_s,
                              u"tidemark_progress"_s, u"widgets"_s}));
        QCOMPARE(tablesIn(db, u"public"_s), QStringList());
        QCOMPARE(db.query(u"SELECT version FROM tm_schema.jetbase_migrations ORDER BY "
                          "order_executed"_s),
                 QStringList({u"1"_s, u"2"_s}));
        QCOMPARE(db.query(u"SELECT COUNT(*) FROM tm_schema.jetbase_lock"_s), QStringList({u"1"_s}));

        // Everything reads from the schema too.
        Result<StatusReport> status = service->status();
        TM_VERIFY_OK(status);
        QCOMPARE(status->latestVersion, u"2"_s);
        QVERIFY(status->pending.isEmpty());
        Result<QList<JournalEntry>> journal = service->journal(0);
        TM_VERIFY_OK(journal);
        QCOMPARE(journal->size(), 2);
        TM_VERIFY_OK(service->lock());
        QVERIFY(service->lockState()->locked);
        QCOMPARE(service->upgrade({}, false).error().code, Error::Code::Lock);
        TM_VERIFY_OK(service->unlock());

        RollbackOptions one;
        Result<RunOutcome> rollback = service->rollback(one, false);
        TM_VERIFY_OK(rollback);
        TM_VERIFY_OK(rollback->run);
        QVERIFY(!tablesIn(db, u"tm_schema"_s).contains(u"gadgets"_s));
        QCOMPARE(tablesIn(db, u"public"_s), QStringList());

        // The same database without postgres_schema: public, with no history.
        TempProject plain(db.url());
        plain.write(u"V1__widgets.sql"_s, "CREATE TABLE widgets (id INT);\n");
        TM_SERVICE(other, plain);
        Result<QString> current = other->currentVersion();
        TM_VERIFY_OK(current);
        QCOMPARE(current.value(), QString());
        TM_VERIFY_OK(other->upgrade({}, false));
        QVERIFY(tablesIn(db, u"public"_s).contains(u"jetbase_migrations"_s));
        QVERIFY(tablesIn(db, u"public"_s).contains(u"widgets"_s));
        QCOMPARE(service->currentVersion().value(), u"1"_s);
        QCOMPARE(countRows(db, u"tm_schema.widgets"_s), 1);
    }
};

QTEST_GUILESS_MAIN(TestPostgresSchema)
#include "tst_postgresschema.moc"
