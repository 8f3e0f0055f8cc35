// drift through the real binary on SQLite, PostgreSQL and MariaDB: nothing on a database that
// is what its history makes; a column added, an index dropped and a default changed by hand
// are reported in the comparer's words with exit 1 and in --json; the database is only read
// and the throwaway database is dropped; a history that cannot be replayed is an error.
#include "clidatabase.h"
#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

void writeHistory(const TempProject &project, SqlDialect dialect)
{
    project.write(QStringLiteral("V1__books.sql"),
                  "CREATE TABLE books (id INT PRIMARY KEY, title VARCHAR(100) DEFAULT "
                  "'untitled');\nINSERT INTO books (id) VALUES (1);\n-- rollback\nDROP TABLE "
                  "books;\n");
    project.write(QStringLiteral("V2__index.sql"),
                  QByteArray("CREATE INDEX ix_title ON books (title);\n-- rollback\n") +
                      (dialect == SqlDialect::MySql ? "DROP INDEX ix_title ON books;\n"
                                                    : "DROP INDEX ix_title;\n"));
}

QStringList kinds(const QJsonObject &report)
{
    QStringList list;
    for (const QJsonValue &change : report.value(QStringLiteral("changes")).toArray())
        list.append(change.toObject().value(QStringLiteral("kind")).toString() + u' ' +
                    change.toObject().value(QStringLiteral("object")).toString());
    list.sort();
    return list;
}

} // namespace

class TestCliDrift : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanDatabaseHasNoDrift_data() { addDialectColumnRows(); }
    void cleanDatabaseHasNoDrift();
    void changesByHandAreFound_data() { addDialectColumnRows(); }
    void changesByHandAreFound();
    void changedFileReplaysAsItRan_data() { addDialectColumnRows(); }
    void changedFileReplaysAsItRan();
    void fromDriftJoinsTheHistory_data() { addDialectColumnRows(); }
    void fromDriftJoinsTheHistory();
    void undoDriftRemovesIt_data() { addDialectColumnRows(); }
    void undoDriftRemovesIt();
};

void TestCliDrift::cleanDatabaseHasNoDrift()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeHistory(project, dialect);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    // A pending file is not drift: only what is applied is replayed.
    project.write(QStringLiteral("V3__pending.sql"),
                  "CREATE TABLE later (id INT);\n-- rollback\nDROP TABLE later;\n");
    const QStringList before = snapshotOf(db);
    CliResult r = cli.run({QStringLiteral("drift")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("No drift: the schema is what the 2 applied migration "
                                       "file(s) make."));
    const QString left = throwawayLeftBehind(db, r.stderrText());
    QVERIFY2(left.isEmpty(), qPrintable(left));
    r = cli.run({QStringLiteral("drift"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.json().value(QStringLiteral("drift")).toBool(), false);
    QCOMPARE(snapshotOf(db), before);
}

void TestCliDrift::changesByHandAreFound()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeHistory(project, dialect);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    QVERIFY(db.exec(QStringLiteral("ALTER TABLE books ADD COLUMN note VARCHAR(50)")));
    QVERIFY(db.exec(dialect == SqlDialect::MySql ? QStringLiteral("DROP INDEX ix_title ON books")
                                                 : QStringLiteral("DROP INDEX ix_title")));
    QStringList expected{QStringLiteral("add_column note"), QStringLiteral("drop_index ix_title")};
    // SQLite cannot change a column's default in place.
    if (dialect != SqlDialect::Sqlite) {
        QVERIFY(
            db.exec(QStringLiteral("ALTER TABLE books ALTER COLUMN title SET DEFAULT 'unknown'")));
        expected.append(QStringLiteral("change_column_default title"));
        expected.sort();
    }
    const QStringList before = snapshotOf(db);

    CliResult r = cli.run({QStringLiteral("drift")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("Drift: the database differs from what its 2 applied "
                                       "migration file(s) make."));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("+ add column books.note"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("- drop index ix_title"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Drift found: %1 difference(s).").arg(expected.size()));
    const QString left = throwawayLeftBehind(db, r.stderrText());
    QVERIFY2(left.isEmpty(), qPrintable(left));
    r = cli.run({QStringLiteral("drift"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 1);
    QCOMPARE(r.json().value(QStringLiteral("drift")).toBool(), true);
    QCOMPARE(kinds(r.json()), expected);
    QCOMPARE(snapshotOf(db), before);
}

// An applied file changed since it ran is replayed as the journal stored it; without that text
// (the journal emptied, as after runs by Jetbase) drift cannot know and says so.
void TestCliDrift::changedFileReplaysAsItRan()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeHistory(project, dialect);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V2__index.sql"),
                  QByteArray("CREATE INDEX ix_title ON books (title, id);\n-- rollback\n") +
                      (dialect == SqlDialect::MySql ? "DROP INDEX ix_title ON books;\n"
                                                    : "DROP INDEX ix_title;\n"));
    CliResult r = cli.run({QStringLiteral("drift"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.json().value(QStringLiteral("drift")).toBool(), false);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("1 applied file(s) changed or missing since they ran were "
                                       "replayed from the text the journal stored."));
    // The file as it is now would make another index: had it been replayed, that would show.
    QVERIFY(db.exec(QStringLiteral("ALTER TABLE books ADD COLUMN note VARCHAR(50)")));
    r = cli.run({QStringLiteral("drift"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 1);
    QCOMPARE(kinds(r.json()), QStringList{QStringLiteral("add_column note")});

    QVERIFY(db.exec(QStringLiteral("DELETE FROM tidemark_journal")));
    r = cli.run({QStringLiteral("drift")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("the applied file V2__index.sql is changed since it ran, "
                                       "and the journal holds no text of its run"));
    CLI_EXPECT_NOT_CONTAINS(r, r.stdoutText(), QStringLiteral("No drift"));
}

// make-migrations --from-drift writes the hand-made changes as a migration and records it as
// applied without running it: drift then finds nothing, and the live data is untouched.
void TestCliDrift::fromDriftJoinsTheHistory()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeHistory(project, dialect);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    QVERIFY(db.exec(QStringLiteral("ALTER TABLE books ADD COLUMN note VARCHAR(50)")));
    QVERIFY(db.exec(QStringLiteral("UPDATE books SET note = 'kept'")));
    CliResult r = cli.run({QStringLiteral("make-migrations"), QStringLiteral("--from-drift"),
                           QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 0);
    const QJsonObject json = r.json();
    QVERIFY(json.value(QStringLiteral("recorded_as_applied")).toBool());
    const QString version = json.value(QStringLiteral("version")).toString();
    QVERIFY(json.value(QStringLiteral("file")).toString().endsWith(u"__record_drift.sql"));
    QCOMPARE(trackedVersions(db).size(), 3);
    QCOMPARE(db.query(QStringLiteral("SELECT operation FROM tidemark_journal WHERE version = '%1'")
                          .arg(version)),
             QStringList{QStringLiteral("record")});
    r = cli.run({QStringLiteral("drift")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(db.query(QStringLiteral("SELECT note FROM books")),
             QStringList{QStringLiteral("kept")});
    // The written file is a real migration: its rollback removes the column again.
    r = cli.run({QStringLiteral("rollback")});
    CLI_EXPECT_EXIT(r, 0);
    QVERIFY(!db.query(QStringLiteral("SELECT * FROM books")).isEmpty());
    r = cli.run({QStringLiteral("drift")});
    CLI_EXPECT_EXIT(r, 0);
}

// make-migrations --undo-drift writes a pending migration that takes the hand-made changes out
// again; after upgrade, drift finds nothing.
void TestCliDrift::undoDriftRemovesIt()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeHistory(project, dialect);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    QVERIFY(db.exec(QStringLiteral("ALTER TABLE books ADD COLUMN note VARCHAR(50)")));
    QVERIFY(db.exec(QStringLiteral("UPDATE books SET note = 'by hand'")));
    // --strict sees the undo's data loss before anything is written or recorded.
    CliResult r = cli.run({QStringLiteral("make-migrations"), QStringLiteral("--undo-drift"),
                           QStringLiteral("--strict")});
    CLI_EXPECT_EXIT(r, 1);
    QCOMPARE(trackedVersions(db).size(), 2);
    QCOMPARE(QDir(project.jetbaseDir() + QStringLiteral("/migrations"))
                 .entryList({QStringLiteral("*.sql")})
                 .size(),
             2);
    r = cli.run({QStringLiteral("make-migrations"), QStringLiteral("--from-drift"),
                 QStringLiteral("--allow-pending")});
    CLI_EXPECT_EXIT(r, 2);
    r = cli.run({QStringLiteral("make-migrations"), QStringLiteral("--undo-drift")});
    CLI_EXPECT_EXIT(r, 0);
    // The drift joins the history (recorded), and a pending file after it takes it out again,
    // so replaying the history stays consistent.
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("+ add column books.note"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("(pending) that undoes it:"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("- drop column books.note"));
    // The undo loses the value written by hand: said before anything runs.
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Warning: drops books.note"));
    QCOMPARE(trackedVersions(db).size(), 3); // the undo is pending until upgrade runs it
    r = cli.run({QStringLiteral("drift")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    QCOMPARE(trackedVersions(db).size(), 4);
    r = cli.run({QStringLiteral("drift")});
    CLI_EXPECT_EXIT(r, 0);
    QVERIFY(db.query(QStringLiteral("SELECT * FROM books")).size() == 1);
    QCOMPARE(cli.run({QStringLiteral("rehearse")}).exitCode, 0);
    r = cli.run({QStringLiteral("make-migrations"), QStringLiteral("--undo-drift"),
                 QStringLiteral("--from-drift")});
    CLI_EXPECT_EXIT(r, 2);
    r = cli.run({QStringLiteral("make-migrations"), QStringLiteral("--undo-drift"),
                 QStringLiteral("--schema"), QStringLiteral("x.sql")});
    CLI_EXPECT_EXIT(r, 2);
}

QTEST_MAIN(TestCliDrift)
#include "tst_clidrift.moc"
