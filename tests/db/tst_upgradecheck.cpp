// upgrade's own check at the service, as the window uses it: the files whose findings the user
// accepted (by checksum) run; a file changed after that is checked again and refused, and the
// database is left as it was. Renames meet the live database's views.

#include "dbtest.h"

#include "preflight/migrationcheck.h"

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

    void renameUnderLiveView_data() { addDialectRows(); }
    void renameUnderLiveView()
    {
        // The catalog (PostgreSQL) or the view's text (SQLite, MariaDB) says what it reads.
        TM_SCRATCH(db, project);
        {
            auto connection = connectTo(db.url());
            TM_VERIFY_OK(connection->exec(u"CREATE TABLE books (id INT PRIMARY KEY, title "
                                          "VARCHAR(200), isbn VARCHAR(20))"_s));
            TM_VERIFY_OK(connection->exec(u"CREATE VIEW shelf AS SELECT id, title FROM books"_s));
            Result<QList<ViewUse>> uses = readViewUses(*connection);
            TM_VERIFY_OK(uses);
            QCOMPARE(uses->size(), 1);
            QCOMPARE(uses->first().view, u"shelf"_s);
            QCOMPARE(uses->first().table, u"books"_s);
            QVERIFY(uses->first().columns.contains(u"title"_s));
            // PostgreSQL knows exactly; the text readers see only what the text names.
            QVERIFY(!uses->first().columns.contains(u"isbn"_s));
        }
        QFile toml(project.jetbaseDir() + u"/jetbase.toml"_s);
        QVERIFY(toml.open(QIODevice::WriteOnly));
        toml.write("check_error = [\"rename-used-by-view\"]\n");
        toml.close();
        // A column no view reads: no finding. The one the view reads: refused, nothing changed.
        project.write(u"V1__code.sql"_s, "ALTER TABLE books RENAME COLUMN isbn TO code;\n"
                                         "-- rollback\nALTER TABLE books RENAME COLUMN code TO "
                                         "isbn;\n");
        project.write(u"V2__name.sql"_s, "ALTER TABLE books RENAME COLUMN title TO name;\n"
                                         "-- rollback\nALTER TABLE books RENAME COLUMN name TO "
                                         "title;\n");
        TM_SERVICE(service, project);
        Result<RunOutcome> refused = service->upgrade({}, false);
        QVERIFY(!refused);
        QVERIFY2(refused.error().message.contains(
                     u"V2__name.sql:1: error [rename-used-by-view] Renames column books.title, "
                     "which view(s) shelf read."_s),
                 qPrintable(refused.error().fullText()));
        QVERIFY(!refused.error().message.contains(u"V1__code.sql"_s));
        QCOMPARE(queryRows(db, u"SELECT title, isbn FROM books"_s).size(), 0); // not renamed
        QCOMPARE(queryRows(db, u"SELECT title FROM shelf"_s).size(), 0);       // still works

        // The safe twin: the file recreates the view after the rename; it runs, and the view
        // reads the new column under its old name.
        project.write(u"V2__name.sql"_s, "ALTER TABLE books RENAME COLUMN title TO name;\n"
                                         "DROP VIEW shelf;\n"
                                         "CREATE VIEW shelf AS SELECT id, name AS title FROM "
                                         "books;\n"
                                         "-- rollback\nDROP VIEW shelf;\n"
                                         "ALTER TABLE books RENAME COLUMN name TO title;\n"
                                         "CREATE VIEW shelf AS SELECT id, title FROM books;\n");
        Result<RunOutcome> ran = service->upgrade({}, false);
        TM_VERIFY_OK(ran);
        TM_VERIFY_OK(ran->run);
        QCOMPARE(ran->run.completedFiles.size(), 2);
        TM_VERIFY_OK(connectTo(db.url())->exec(u"INSERT INTO books (id, name) VALUES (1, 'x')"_s));
        QCOMPARE(queryRows(db, u"SELECT title FROM shelf"_s), (QList<QStringList>{{u"x"_s}}));
    }
};

QTEST_GUILESS_MAIN(TestUpgradeCheck)
#include "tst_upgradecheck.moc"
