// SQLite's table rebuild needs foreign-key enforcement off, which PRAGMA foreign_keys can only
// switch outside a transaction: the runner runs a file's leading `PRAGMA foreign_keys = OFF`
// before the file's transaction, restores the setting afterwards, and fails the file (rolling
// it back) when `PRAGMA foreign_key_check` returns a row.

#include "dbtest.h"

#include "engine/foreignkeypragmas.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

// A child table whose rows reference a parent that is rebuilt. The rebuild keeps every parent,
// so the foreign-key check finds nothing and the file commits.
const QByteArray Schema = "CREATE TABLE parent (id INTEGER PRIMARY KEY, name TEXT);\n"
                          "CREATE TABLE child (id INTEGER PRIMARY KEY,\n"
                          "    parent_id INTEGER REFERENCES parent (id) ON DELETE CASCADE);\n"
                          "INSERT INTO parent VALUES (1, 'a'), (2, 'b');\n"
                          "INSERT INTO child VALUES (10, 1), (20, 2);\n"
                          "-- rollback\n"
                          "DROP TABLE child;\nDROP TABLE parent;\n";

const QByteArray Rebuild =
    "-- upgrade\n"
    "PRAGMA foreign_keys = OFF;\n"
    "CREATE TABLE tidemark_new_parent (id INTEGER PRIMARY KEY,\n"
    "    name TEXT NOT NULL DEFAULT '');\n"
    "INSERT INTO tidemark_new_parent (id, name) SELECT id, name FROM parent;\n"
    "DROP TABLE parent;\n"
    "ALTER TABLE tidemark_new_parent RENAME TO parent;\n"
    "PRAGMA foreign_key_check;\n"
    "PRAGMA foreign_keys = ON;\n"
    "-- rollback\n";

// The same, but it loses parent 2, which child 20 references: the check must fail the file.
const QByteArray LossyRebuild = "-- upgrade\n"
                                "PRAGMA foreign_keys = OFF;\n"
                                "CREATE TABLE tidemark_new_parent (id INTEGER PRIMARY KEY,\n"
                                "    name TEXT);\n"
                                "INSERT INTO tidemark_new_parent (id, name)\n"
                                "    SELECT id, name FROM parent WHERE id = 1;\n"
                                "DROP TABLE parent;\n"
                                "ALTER TABLE tidemark_new_parent RENAME TO parent;\n"
                                "PRAGMA foreign_key_check;\n"
                                "PRAGMA foreign_keys = ON;\n"
                                "-- rollback\n";

} // namespace

class TestForeignKeyPragmas : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rebuildKeepsReferencingRows_data() { addDialectRows(true, false, false); }
    void rebuildKeepsReferencingRows()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__schema.sql"_s, Schema);
        project.write(u"V2__rebuild_parent.sql"_s, Rebuild);
        TM_SERVICE(service, project);

        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s}));
        QCOMPARE(countRows(db, u"parent"_s), 2);
        QCOMPARE(countRows(db, u"child"_s), 2);
        // The child's reference still names the rebuilt table.
        QCOMPARE(queryRows(db, u"SELECT \"table\" FROM pragma_foreign_key_list('child')"_s),
                 QList<QStringList>({{u"parent"_s}}));
    }

    void failedForeignKeyCheckRollsBackTheFile_data() { addDialectRows(true, false, false); }
    void failedForeignKeyCheckRollsBackTheFile()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__schema.sql"_s, Schema);
        project.write(u"V2__lose_a_parent.sql"_s, LossyRebuild);
        TM_SERVICE(service, project);

        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        const RunResult &run = outcome->run;
        QVERIFY(!run.ok());
        QCOMPARE(run.failedFile, u"V2__lose_a_parent.sql"_s);
        QCOMPARE(run.error.line, 9);
        QVERIFY2(run.error.message.contains(u"foreign key check"_s), qPrintable(run.error.message));
        QVERIFY2(run.error.message.contains(u"child row 20 references a missing row of parent"_s),
                 qPrintable(run.error.message));
        // The file left nothing behind: both parents are there, the new table is not.
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
        QCOMPARE(countRows(db, u"parent"_s), 2);
        QVERIFY(!db.tableExists(u"tidemark_new_parent"_s));
    }

    // A PRAGMA foreign_keys = OFF that is not the first statement stays inside the transaction,
    // where SQLite ignores it: only the documented placement is moved.
    void onlyALeadingPragmaRunsOutsideTheTransaction()
    {
        using Statements = QList<SqlStatement>;
        const auto statement = [](const QString &text) {
            SqlStatement s;
            s.text = text;
            return s;
        };
        const Statements leading{statement(u"PRAGMA foreign_keys = OFF"_s),
                                 statement(u"DROP TABLE t"_s),
                                 statement(u"PRAGMA foreign_keys=on"_s)};
        const auto sqlite = Dialect::create(SqlDialect::Sqlite);
        const auto postgres = Dialect::create(SqlDialect::Postgres);
        OutsideTransaction outside = statementsOutsideTransaction(*sqlite, leading);
        QCOMPARE(outside.leading, 1);
        QCOMPARE(outside.trailing, 1);
        outside = statementsOutsideTransaction(*postgres, leading);
        QCOMPARE(outside.leading, 0);
        const Statements later{statement(u"DROP TABLE t"_s),
                               statement(u"PRAGMA foreign_keys = OFF"_s)};
        QCOMPARE(statementsOutsideTransaction(*sqlite, later).leading, 0);
        QVERIFY(sqlite->isForeignKeyCheck(u"pragma Foreign_Key_Check"_s));
        QVERIFY(sqlite->isForeignKeyCheck(u"PRAGMA foreign_key_check(child)"_s));
        QVERIFY(!sqlite->isForeignKeyCheck(u"PRAGMA foreign_keys"_s));
        QVERIFY(!postgres->isForeignKeyCheck(u"PRAGMA foreign_key_check"_s));
    }
};

QTEST_GUILESS_MAIN(TestForeignKeyPragmas)
#include "tst_foreignkeypragmas.moc"
