// upgrade / migrate, rollback / downgrade, status / showmigrations, history, current and
// journal through both binaries on SQLite: the messages of the contract, the tables, the dry-run
// preview and what ends up in the database.
#include "clidatabase.h"
#include "clirunner.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

const QString Rule = QString(40, u'-');

// Three versioned files, each with a rollback section.
void writeThreeVersions(const TempProject &project)
{
    project.write(QStringLiteral("V1__create_users.sql"),
                  "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);\n"
                  "-- rollback\nDROP TABLE users;\n");
    project.write(QStringLiteral("V1_5__add_people.sql"),
                  "INSERT INTO users (name) VALUES ('ada');\n"
                  "INSERT INTO users (name) VALUES ('bob');\n"
                  "-- rollback\nDELETE FROM users;\n");
    project.write(QStringLiteral("sub/V2__create_orders.sql"),
                  "CREATE TABLE orders (id INTEGER PRIMARY KEY);\n"
                  "-- rollback\nDROP TABLE orders;\n");
}

// The lines of a text without the blank ones.
QStringList nonBlankLines(const QString &text)
{
    QStringList lines;
    for (const QString &line : text.split(u'\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(line);
    }
    return lines;
}

} // namespace

class TestCliMigrate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mainFlow_data() { addBinaryRows(); }
    void mainFlow();
    void aliases_data() { addBinaryRows(); }
    void aliases();
    void dryRunPreview_data() { addBinaryRows(); }
    void dryRunPreview();
    void dryRunPreviewExact();
    void upgradeCountAndToVersion();
    void rollbackLastBatch_data() { addBinaryRows(); }
    void rollbackLastBatch();
    void rollbackAll();
    void rollbackToVersion();
    void repeatables();
    void journalRecordsRuns();
};

void TestCliMigrate::mainFlow()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeVersions(project);
    const CliRunner cli(binary, project.root());

    // Before anything ran.
    CliResult r = cli.run({QStringLiteral("current")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("No migrations have been applied yet."));

    r = cli.run({QStringLiteral("status")});
    CLI_EXPECT_EXIT(r, 0);
    const QString before = r.stdoutText();
    CLI_EXPECT_CONTAINS(r, before, QStringLiteral("Migrations Applied"));
    CLI_EXPECT_CONTAINS(r, before, QStringLiteral("Migrations Pending"));
    QVERIFY(before.indexOf(QStringLiteral("Migrations Applied")) <
            before.indexOf(QStringLiteral("Migrations Pending")));
    CLI_EXPECT_CONTAINS(r, before, QStringLiteral("Version"));
    CLI_EXPECT_CONTAINS(r, before, QStringLiteral("Description"));
    // Pending in version order: 1, 1.5, 2.
    const qsizetype p1 = before.indexOf(QStringLiteral("create users"));
    const qsizetype p15 = before.indexOf(QStringLiteral("add people"));
    const qsizetype p2 = before.indexOf(QStringLiteral("create orders"));
    QVERIFY2(p1 > 0 && p1 < p15 && p15 < p2, qPrintable(before));
    CLI_EXPECT_CONTAINS(r, before, QStringLiteral("1.5"));

    // upgrade: Jetbase's progress lines on stderr, nothing on stdout.
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    const QStringList progress = nonBlankLines(r.stderrText());
    QCOMPARE(progress, (QStringList{
                           QStringLiteral("Starting migrations..."),
                           QStringLiteral("Migration applied successfully: V1__create_users.sql"),
                           QStringLiteral("Migration applied successfully: V1_5__add_people.sql"),
                           QStringLiteral("Migration applied successfully: V2__create_orders.sql"),
                           QStringLiteral("Migrations completed successfully."),
                       }));
    QVERIFY2(r.out.isEmpty(), r.describe().constData());
    QCOMPARE(trackedVersions(db),
             (QStringList{QStringLiteral("1"), QStringLiteral("1.5"), QStringLiteral("2")}));
    QCOMPARE(rowCount(db, QStringLiteral("users")), 2);
    QVERIFY(db.tableExists(QStringLiteral("orders")));
    QCOMPARE(
        db.query(QStringLiteral("SELECT description FROM jetbase_migrations WHERE version = '1'")),
        QStringList{QStringLiteral("create users")});
    QCOMPARE(
        db.query(QStringLiteral("SELECT filename FROM jetbase_migrations WHERE version = '2'")),
        QStringList{QStringLiteral("V2__create_orders.sql")});

    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stderrText().trimmed(), QStringLiteral("Migrations are up to date."));
    QCOMPARE(rowCount(db, QStringLiteral("jetbase_migrations")), 3);

    r = cli.run({QStringLiteral("current")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("Latest migration version: 2"));

    r = cli.run({QStringLiteral("history")});
    CLI_EXPECT_EXIT(r, 0);
    const QString history = r.stdoutText();
    for (const QString &part : {QStringLiteral("Migration History"), QStringLiteral("Version"),
                                QStringLiteral("Order Executed"), QStringLiteral("Description"),
                                QStringLiteral("Applied At"), QStringLiteral("create users"),
                                QStringLiteral("add people"), QStringLiteral("create orders")})
        CLI_EXPECT_CONTAINS(r, history, part);
    QVERIFY(history.indexOf(QStringLiteral("create users")) <
            history.indexOf(QStringLiteral("create orders")));

    r = cli.run({QStringLiteral("status")});
    CLI_EXPECT_EXIT(r, 0);
    const QString after = r.stdoutText();
    const qsizetype pendingTitle = after.indexOf(QStringLiteral("Migrations Pending"));
    QVERIFY(pendingTitle > 0);
    QVERIFY2(after.indexOf(QStringLiteral("create orders")) < pendingTitle, qPrintable(after));
    QVERIFY2(!after.mid(pendingTitle).contains(QStringLiteral("create")), qPrintable(after));

    // rollback: one migration by default, the newest.
    r = cli.run({QStringLiteral("rollback")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(nonBlankLines(r.stderrText()),
             (QStringList{QStringLiteral("Starting rollback..."),
                          QStringLiteral("Rollback applied successfully: V2__create_orders.sql"),
                          QStringLiteral("Rollbacks completed successfully.")}));
    QVERIFY(!db.tableExists(QStringLiteral("orders")));
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("1.5")}));

    r = cli.run({QStringLiteral("current")});
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("Latest migration version: 1.5"));

    r = cli.run({QStringLiteral("rollback"), QStringLiteral("--count"), QStringLiteral("2")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Rollback applied successfully: V1_5__add_people.sql"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Rollback applied successfully: V1__create_users.sql"));
    QVERIFY(r.stderrText().indexOf(QStringLiteral("V1_5__")) <
            r.stderrText().indexOf(QStringLiteral("V1__")));
    QVERIFY(trackedVersions(db).isEmpty());
    QVERIFY(!db.tableExists(QStringLiteral("users")));

    r = cli.run({QStringLiteral("rollback")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stderrText().trimmed(), QStringLiteral("Nothing to rollback."));

    r = cli.run({QStringLiteral("current")});
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("No migrations have been applied yet."));
    r = cli.run({QStringLiteral("history")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("No migrations have been applied yet."));
}

void TestCliMigrate::aliases()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeVersions(project);
    const CliRunner cli(binary, project.root());

    CliResult r = cli.run({QStringLiteral("migrate"), QStringLiteral("-c"), QStringLiteral("2")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Migrations completed successfully."));
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("1.5")}));

    r = cli.run({QStringLiteral("showmigrations")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Migrations Applied"));
    const QString pending =
        r.stdoutText().mid(r.stdoutText().indexOf(QStringLiteral("Migrations Pending")));
    CLI_EXPECT_CONTAINS(r, pending, QStringLiteral("create orders"));

    r = cli.run({QStringLiteral("downgrade")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Rollback applied successfully: V1_5__add_people.sql"));
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});
    QCOMPARE(rowCount(db, QStringLiteral("users")), 0);
}

void TestCliMigrate::dryRunPreview()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeVersions(project);
    const CliRunner cli(binary, project.root());

    CliResult r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--dry-run"),
                           QStringLiteral("--count"), QStringLiteral("2")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(nonBlankLines(r.stdoutText()),
             (QStringList{
                 QStringLiteral("Tidemark dry run: the SQL that upgrade would run, file by file "
                                "(2 files)."),
                 QStringLiteral("Nothing is executed; the database is not changed."),
                 Rule,
                 QStringLiteral("SQL Preview for V1__create_users.sql (1 statement)"),
                 QStringLiteral("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)"),
                 Rule,
                 QStringLiteral("SQL Preview for V1_5__add_people.sql (2 statements)"),
                 QStringLiteral("INSERT INTO users (name) VALUES ('ada')"),
                 QStringLiteral("INSERT INTO users (name) VALUES ('bob')"),
                 Rule,
             }));
    // A dry run changes nothing, not even the tracking tables (Jetbase creates them: fixed).
    QVERIFY2(tableNames(db).isEmpty(), qPrintable(tableNames(db).join(u',')));

    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    const QStringList applied = snapshotOf(db);
    r = cli.run({QStringLiteral("rollback"), QStringLiteral("-d"), QStringLiteral("-c"),
                 QStringLiteral("2")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(nonBlankLines(r.stdoutText()),
             (QStringList{
                 QStringLiteral("Tidemark dry run: the SQL that rollback would run, file by file "
                                "(2 files)."),
                 QStringLiteral("Nothing is executed; the database is not changed."),
                 Rule,
                 QStringLiteral("SQL Preview for V2__create_orders.sql (1 statement)"),
                 QStringLiteral("DROP TABLE orders"),
                 Rule,
                 QStringLiteral("SQL Preview for V1_5__add_people.sql (1 statement)"),
                 QStringLiteral("DELETE FROM users"),
                 Rule,
             }));
    QCOMPARE(snapshotOf(db), applied);
}

void TestCliMigrate::dryRunPreviewExact()
{
    // Jetbase's own example, byte for byte below Tidemark's heading (the trailing newlines
    // aside): the statement keeps its line breaks and loses its delimiter.
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__m1.sql"), "CREATE TABLE users (\n"
                                                "    id SERIAL PRIMARY KEY,\n"
                                                "    name VARCHAR(255) NOT NULL\n"
                                                ");\n");
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("upgrade"), QStringLiteral("--dry-run")});
    CLI_EXPECT_EXIT(r, 0);
    QString out = r.stdoutText();
    while (out.endsWith(u'\n'))
        out.chop(1);
    const QString expected = QStringLiteral("\nTidemark dry run: the SQL that upgrade would "
                                            "run, file by file (1 file).\n"
                                            "Nothing is executed; the database is not changed.\n") +
                             Rule +
                             QStringLiteral("\n\n\nSQL Preview for V1__m1.sql (1 statement)\n\n"
                                            "CREATE TABLE users (\n"
                                            "    id SERIAL PRIMARY KEY,\n"
                                            "    name VARCHAR(255) NOT NULL\n"
                                            ")\n\n") +
                             Rule;
    QCOMPARE(out, expected);
    QVERIFY(tableNames(db).isEmpty());
}

void TestCliMigrate::upgradeCountAndToVersion()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeVersions(project);
    const CliRunner cli(Binary::Cli, project.root());

    CliResult r =
        cli.run({QStringLiteral("upgrade"), QStringLiteral("--count"), QStringLiteral("1")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});

    // -t takes the raw spelling too: 1_5 is 1.5.
    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("-t"), QStringLiteral("1_5")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Migration applied successfully: V1_5__add_people.sql"));
    CLI_EXPECT_NOT_CONTAINS(r, r.stderrText(), QStringLiteral("V2__"));
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("1.5")}));

    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--count"), QStringLiteral("1"),
                 QStringLiteral("--to-version"), QStringLiteral("2")});
    CLI_EXPECT_EXIT(r, 2);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("--count and --to-version"));
    QCOMPARE(trackedVersions(db).size(), 2);

    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--to-version"), QStringLiteral("2.0")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(trackedVersions(db).size(), 3);
}

void TestCliMigrate::rollbackLastBatch()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeVersions(project);
    const CliRunner cli(binary, project.root());

    QCOMPARE(
        cli.run({QStringLiteral("upgrade"), QStringLiteral("-c"), QStringLiteral("1")}).exitCode,
        0);
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    QCOMPARE(trackedVersions(db).size(), 3);

    const CliResult r = cli.run({QStringLiteral("rollback"), QStringLiteral("--last-batch")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(nonBlankLines(r.stderrText()),
             (QStringList{QStringLiteral("Starting rollback..."),
                          QStringLiteral("Rollback applied successfully: V2__create_orders.sql"),
                          QStringLiteral("Rollback applied successfully: V1_5__add_people.sql"),
                          QStringLiteral("Rollbacks completed successfully.")}));
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});
    QVERIFY(db.tableExists(QStringLiteral("users")));
    QVERIFY(!db.tableExists(QStringLiteral("orders")));
}

void TestCliMigrate::rollbackAll()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeVersions(project);
    const CliRunner cli(Binary::Gui, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);

    const CliResult r = cli.run({QStringLiteral("rollback"), QStringLiteral("--all")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stderrText().count(QStringLiteral("Rollback applied successfully: ")), 3);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Rollbacks completed successfully."));
    QVERIFY(trackedVersions(db).isEmpty());
    QVERIFY(!db.tableExists(QStringLiteral("users")));

    const CliResult conflicting = cli.run({QStringLiteral("rollback"), QStringLiteral("--all"),
                                           QStringLiteral("--count"), QStringLiteral("1")});
    CLI_EXPECT_EXIT(conflicting, 2);
}

void TestCliMigrate::rollbackToVersion()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeVersions(project);
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);

    CliResult r =
        cli.run({QStringLiteral("rollback"), QStringLiteral("--to-version"), QStringLiteral("1")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stderrText().count(QStringLiteral("Rollback applied successfully: ")), 2);
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});

    // A version that is not applied: exit 1, nothing changes.
    const QStringList before = snapshotOf(db);
    r = cli.run({QStringLiteral("rollback"), QStringLiteral("-t"), QStringLiteral("2")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("'2' has not been applied"));
    QCOMPARE(snapshotOf(db), before);
}

void TestCliMigrate::repeatables()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__log.sql"),
                  "CREATE TABLE log (what TEXT);\n-- rollback\nDELETE FROM log;\n");
    project.write(QStringLiteral("RA__always.sql"), "INSERT INTO log VALUES ('ra');\n");
    project.write(QStringLiteral("ROC__on_change.sql"), "INSERT INTO log VALUES ('roc');\n");
    const CliRunner cli(Binary::Cli, project.root());

    CliResult r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(nonBlankLines(r.stderrText()),
             (QStringList{QStringLiteral("Starting migrations..."),
                          QStringLiteral("Migration applied successfully: V1__log.sql"),
                          QStringLiteral("Migration applied successfully: RA__always.sql"),
                          QStringLiteral("Migration applied successfully: ROC__on_change.sql"),
                          QStringLiteral("Migrations completed successfully.")}));

    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Migration applied successfully: RA__always.sql"));
    CLI_EXPECT_NOT_CONTAINS(r, r.stderrText(), QStringLiteral("ROC__on_change.sql"));
    QCOMPARE(rowCount(db, QStringLiteral("log WHERE what = 'ra'")), 2);
    QCOMPARE(rowCount(db, QStringLiteral("log WHERE what = 'roc'")), 1);
    // Re-running updates the row in place: still one row per repeatable file.
    QCOMPARE(rowCount(db, QStringLiteral("jetbase_migrations")), 3);
    QCOMPARE(
        db.query(QStringLiteral("SELECT COUNT(*) FROM jetbase_migrations WHERE version IS NULL")),
        QStringList{QStringLiteral("2")});

    project.write(QStringLiteral("ROC__on_change.sql"), "INSERT INTO log VALUES ('roc2');\n");
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Migration applied successfully: ROC__on_change.sql"));
    QCOMPARE(rowCount(db, QStringLiteral("log WHERE what = 'roc2'")), 1);

    r = cli.run({QStringLiteral("status")});
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("RUNS_ALWAYS"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("RUNS_ON_CHANGE"));

    // One definition of pending: what the next upgrade runs. The runs-always file is always in
    // it, and its state says so in both lists; a changed runs-on-change file is in it too.
    const auto pendingOf = [&cli](QStringList *states) {
        const CliResult json = cli.run({QStringLiteral("status"), QStringLiteral("--json")});
        QStringList files;
        for (const QJsonValue &v : json.json().value(QStringLiteral("pending")).toArray())
            files << v[QStringLiteral("filename")].toString() + u'=' +
                         v[QStringLiteral("state")].toString();
        states->clear();
        for (const QJsonValue &v : json.json().value(QStringLiteral("migrations")).toArray())
            *states << v[QStringLiteral("filename")].toString() + u'=' +
                           v[QStringLiteral("state")].toString();
        return files;
    };
    QStringList states;
    QCOMPARE(pendingOf(&states), QStringList{QStringLiteral("RA__always.sql=runs_always")});
    QVERIFY2(states.contains(QStringLiteral("RA__always.sql=runs_always")),
             qPrintable(states.join(u' ')));
    QVERIFY2(states.contains(QStringLiteral("ROC__on_change.sql=applied")),
             qPrintable(states.join(u' ')));
    project.write(QStringLiteral("ROC__on_change.sql"), "INSERT INTO log VALUES ('roc3');\n");
    project.write(QStringLiteral("V2__more.sql"),
                  "CREATE TABLE more (id INT);\n-- rollback\nDROP TABLE more;\n");
    QCOMPARE(pendingOf(&states), (QStringList{QStringLiteral("V2__more.sql=pending"),
                                              QStringLiteral("RA__always.sql=runs_always"),
                                              QStringLiteral("ROC__on_change.sql=changed")}));
    // The text table lists the same three files.
    r = cli.run({QStringLiteral("status")});
    const QString pendingTable =
        r.stdoutText().mid(r.stdoutText().indexOf(QStringLiteral("Migrations Pending")));
    for (const QString &cell : {QStringLiteral("│ 2 "), QStringLiteral("│ RUNS_ALWAYS "),
                                QStringLiteral("│ RUNS_ON_CHANGE ")})
        QVERIFY2(pendingTable.contains(cell), qPrintable(pendingTable));
    QCOMPARE(pendingTable.count(u'│'), 3 * 3); // three rows of three bars: nothing else
    QVERIFY(project.remove(QStringLiteral("V2__more.sql")));
    project.write(QStringLiteral("ROC__on_change.sql"), "INSERT INTO log VALUES ('roc2');\n");

    r = cli.run({QStringLiteral("history")});
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("RUNS_ALWAYS"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("RUNS_ON_CHANGE"));

    // Repeatables are never rolled back.
    r = cli.run({QStringLiteral("rollback")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Rollback applied successfully: V1__log.sql"));
    QCOMPARE(rowCount(db, QStringLiteral("jetbase_migrations")), 2);
}

void TestCliMigrate::journalRecordsRuns()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeVersions(project);
    const CliRunner cli(Binary::Gui, project.root());

    CliResult r = cli.run({QStringLiteral("journal")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("The journal is empty."));

    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    QCOMPARE(cli.run({QStringLiteral("rollback")}).exitCode, 0);
    r = cli.run({QStringLiteral("journal")});
    CLI_EXPECT_EXIT(r, 0);
    const QString text = r.stdoutText();
    CLI_EXPECT_CONTAINS(r, text, QStringLiteral("Journal"));
    QCOMPARE(text.count(QStringLiteral("upgrade ")), 3);
    QCOMPARE(text.count(QStringLiteral("rollback ")), 1);
    QCOMPARE(text.count(QStringLiteral("success")), 4);
    // Newest first: the rollback of V2 is the first data row.
    QVERIFY2(text.indexOf(QStringLiteral("rollback")) < text.indexOf(QStringLiteral("upgrade")),
             qPrintable(text));
    QCOMPARE(rowCount(db, QStringLiteral("tidemark_journal")), 4);

    r = cli.run({QStringLiteral("journal"), QStringLiteral("--limit"), QStringLiteral("1")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().count(QStringLiteral("success")), 1);
}

QTEST_GUILESS_MAIN(TestCliMigrate)
#include "tst_climigrate.moc"
