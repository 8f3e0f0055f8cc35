// Bad input from the command line against SQLite, PostgreSQL and MariaDB: every case gets a
// clear message (with the file and line where there is one), exit code 1 (2 for usage), and
// the database as it was. A run that fails in the database journals its attempt (one "failed"
// row); nothing else changes, tracking rows and the lock row included.
#include "clidatabase.h"
#include "clirunner.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

struct BadCase
{
    const char *name;
    QString fileName; // empty: no extra file
    QByteArray content;
    QStringList arguments;
    int exitCode;
    QStringList expected; // parts of stderr
};

const QString Good = u"V1__good.sql"_s;

QList<BadCase> cases()
{
    const QStringList upgrade{u"upgrade"_s};
    return {
        {"own ROLLBACK",
         u"V2__own.sql"_s,
         "INSERT INTO good VALUES (1);\nROLLBACK;\n",
         upgrade,
         1,
         {u"V2__own.sql:2"_s, u"ROLLBACK at line 2"_s, u"transaction=off"_s}},
        {"own COMMIT",
         u"V2__own.sql"_s,
         "INSERT INTO good VALUES (1);\n\ncommit;\n",
         upgrade,
         1,
         {u"V2__own.sql:3"_s, u"COMMIT"_s}},
        {"own BEGIN",
         u"V2__own.sql"_s,
         "BEGIN;\nINSERT INTO good VALUES (1);\n",
         upgrade,
         1,
         {u"V2__own.sql:1"_s, u"BEGIN"_s}},
        {"START TRANSACTION",
         u"V2__own.sql"_s,
         "START TRANSACTION;\n",
         upgrade,
         1,
         {u"V2__own.sql:1"_s, u"START TRANSACTION"_s}},
        {"SAVEPOINT",
         u"V2__own.sql"_s,
         "SAVEPOINT a;\nINSERT INTO good VALUES (1);\n",
         upgrade,
         1,
         {u"V2__own.sql:1"_s, u"SAVEPOINT"_s}},
        {"RELEASE",
         u"V2__own.sql"_s,
         "INSERT INTO good VALUES (1);\nRELEASE SAVEPOINT a;\n",
         upgrade,
         1,
         {u"V2__own.sql:2"_s, u"RELEASE"_s}},
        {"END",
         u"V2__own.sql"_s,
         "INSERT INTO good VALUES (1);\nEND;\n",
         upgrade,
         1,
         {u"V2__own.sql:2"_s, u"END at line 2"_s}},
        {"mistyped directive value",
         u"V2__off.sql"_s,
         "-- tidemark: transaction=of\nINSERT INTO good VALUES (1);\n",
         upgrade,
         1,
         {u"V2__off.sql:1"_s, u"transaction=of"_s}},
        {"unknown directive",
         u"V2__off.sql"_s,
         "-- tidemark: autocommit=yes\nINSERT INTO good VALUES (1);\n",
         upgrade,
         1,
         {u"V2__off.sql:1"_s, u"Unknown tidemark: directive"_s}},
        {"bad timeout directive",
         u"V2__off.sql"_s,
         "-- tidemark: statement-timeout=ten\nINSERT INTO good VALUES (1);\n",
         upgrade,
         1,
         {u"V2__off.sql:1"_s, u"whole number of seconds"_s}},
        {"unterminated string",
         u"V2__quote.sql"_s,
         "INSERT INTO good VALUES (1);\n\nINSERT INTO good VALUES ('2);\n",
         upgrade,
         1,
         {u"V2__quote.sql:3"_s, u"Unterminated string"_s}},
        {"unterminated comment",
         u"V2__comment.sql"_s,
         "INSERT INTO good VALUES (1);\n/* open\n",
         upgrade,
         1,
         {u"V2__comment.sql:2"_s, u"Unterminated"_s}},
        {"invalid UTF-8",
         u"V2__latin1.sql"_s,
         "INSERT INTO good VALUES (1);\n-- caf\xe9\n",
         upgrade,
         1,
         {u"V2__latin1.sql:2"_s, u"UTF-8"_s}},
        {"duplicate version",
         u"sub/V01__again.sql"_s,
         "INSERT INTO good VALUES (1);\n",
         upgrade,
         1,
         {u"V01__again.sql"_s, u"Duplicate"_s}},
        {"bad file name",
         u"V2_missing_separator.sql"_s,
         "INSERT INTO good VALUES (1);\n",
         upgrade,
         1,
         {u"V2_missing_separator.sql"_s, u"Invalid migration file name"_s}},
        {"missing table, data only",
         u"V2__missing.sql"_s,
         "INSERT INTO good VALUES (1);\n\nINSERT INTO no_such_table VALUES (1);\n",
         upgrade,
         1,
         {u"V2__missing.sql:3"_s, u"no_such_table"_s}},
        {"server syntax error",
         u"V2__syntax.sql"_s,
         "INSERT INTO good VALUES (1);\nINSERTT INTO good VALUES (2);\n",
         upgrade,
         1,
         {u"V2__syntax.sql:2"_s}},
        {"transaction=off, first statement fails",
         u"V2__off.sql"_s,
         "-- tidemark: transaction=off\nINSERT INTO no_such_table VALUES (1);\n",
         upgrade,
         1,
         {u"V2__off.sql:2"_s, u"no_such_table"_s}},
        {"to-version not pending",
         {},
         {},
         {u"upgrade"_s, u"--to-version"_s, u"99"_s},
         1,
         {u"'99' does not exist among pending migrations"_s}},
        {"rollback to-version not applied",
         {},
         {},
         {u"rollback"_s, u"--to-version"_s, u"42"_s},
         1,
         {u"42"_s}},
        {"resolve when clean",
         {},
         {},
         {u"resolve"_s, u"1"_s, u"--applied"_s},
         1,
         {u"not partly applied"_s}},
        {"resolve without a choice",
         {},
         {},
         {u"resolve"_s, u"1"_s},
         2,
         {u"exactly one of --applied and --not-applied"_s}},
        {"resolve with both",
         {},
         {},
         {u"resolve"_s, u"1"_s, u"--applied"_s, u"--not-applied"_s},
         2,
         {u"exactly one of"_s}},
        {"count not a number",
         {},
         {},
         {u"upgrade"_s, u"--count"_s, u"two"_s},
         2,
         {u"whole number"_s}},
        {"rollback count zero",
         {},
         {},
         {u"rollback"_s, u"--count"_s, u"0"_s},
         2,
         {u"positive integer"_s}},
        {"unknown option", {}, {}, {u"upgrade"_s, u"--frobnicate"_s}, 2, {u"frobnicate"_s}},
    };
}

// snapshotOf without the journal's row count: a failed run journals its attempt.
QStringList stateOf(const ScratchDatabase &db)
{
    QStringList state = snapshotOf(db);
    state.removeIf([](const QString &line) { return line.startsWith(u"tidemark_journal:"); });
    return state;
}

// A trigger that refuses the tracking row of version 2 (and, on PostgreSQL, any row whose
// version or id is 2, so that the same function can refuse a row of another table).
QStringList triggerRefusingVersion2(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Sqlite:
        return {u"CREATE TRIGGER refuse_two BEFORE INSERT ON jetbase_migrations "
                "WHEN NEW.version = '2' BEGIN SELECT RAISE(ABORT, 'version two refused'); END"_s};
    case SqlDialect::Postgres:
        return {u"CREATE FUNCTION refuse_two() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                "IF to_jsonb(NEW)->>'version' = '2' OR to_jsonb(NEW)->>'id' = '2' THEN "
                "RAISE EXCEPTION 'version two refused'; END IF; RETURN NEW; END $$"_s,
                u"CREATE TRIGGER refuse_two BEFORE INSERT ON jetbase_migrations FOR EACH ROW "
                "EXECUTE FUNCTION refuse_two()"_s};
    default:
        return {u"CREATE TRIGGER refuse_two BEFORE INSERT ON jetbase_migrations FOR EACH ROW "
                "BEGIN IF NEW.version = '2' THEN SIGNAL SQLSTATE '45000' "
                "SET MESSAGE_TEXT = 'version two refused'; END IF; END"_s};
    }
}

} // namespace

class TestCliBadInputServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badInput_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<int>("index");
        const QList<std::pair<const char *, SqlDialect>> dialects = {
            {"sqlite", SqlDialect::Sqlite},
            {"postgresql", SqlDialect::Postgres},
            {"mariadb", SqlDialect::MySql}};
        const QList<BadCase> all = cases();
        for (const auto &[name, dialect] : dialects) {
            for (int i = 0; i < all.size(); ++i)
                QTest::addRow("%s: %s", name, all.at(i).name) << dialect << i;
        }
    }
    void badInput()
    {
        CLI_REQUIRE_DIALECT(db);
        QFETCH(int, index);
        const BadCase c = cases().at(index);
        TempProject project(db.url());
        project.write(Good, "CREATE TABLE good (id INT);\n-- rollback\nDROP TABLE good;\n");
        CliRunner cli(Binary::Cli, project.root());
        const CliResult prepared = cli.run({u"upgrade"_s});
        CLI_EXPECT_EXIT(prepared, 0);
        if (!c.fileName.isEmpty())
            project.write(c.fileName, c.content);
        const QStringList before = stateOf(db);
        const int journalBefore = rowCount(db, u"tidemark_journal"_s);

        const CliResult r = cli.run(c.arguments);
        CLI_EXPECT_EXIT(r, c.exitCode);
        for (const QString &part : c.expected)
            CLI_EXPECT_CONTAINS(r, r.stderrText(), part);
        CLI_EXPECT_NOT_CONTAINS(r, r.all(), u"tidemark-pw"_s); // the test servers' password
        QCOMPARE(stateOf(db), before);
        QVERIFY(rowCount(db, u"tidemark_journal"_s) <= journalBefore + 1);
        QCOMPARE(rowCount(db, u"tidemark_journal WHERE outcome = 'success'"_s), 1);
        if (db.tableExists(u"tidemark_progress"_s))
            QCOMPARE(rowCount(db, u"tidemark_progress"_s), 0);
    }

    // A rollback that would only forget the record is refused (dry run too), unless asked for
    // explicitly; then it is journaled as "forgotten".
    void rollbackWithoutSection_data() { addDialectColumnRows(); }
    void rollbackWithoutSection()
    {
        CLI_REQUIRE_DIALECT(db);
        TempProject project(db.url());
        project.write(Good, "CREATE TABLE good (id INT);\n-- rollback\nDROP TABLE good;\n");
        project.write(u"V2__no_way_back.sql"_s, "CREATE TABLE kept (id INT);\n");
        CliRunner cli(Binary::Cli, project.root());
        CLI_EXPECT_EXIT(cli.run({u"upgrade"_s}), 0);
        const QStringList before = stateOf(db);
        for (const QStringList &arguments :
             {QStringList{u"rollback"_s}, QStringList{u"rollback"_s, u"--dry-run"_s},
              QStringList{u"rollback"_s, u"--all"_s}}) {
            const CliResult r = cli.run(arguments);
            CLI_EXPECT_EXIT(r, 1);
            CLI_EXPECT_CONTAINS(r, r.stderrText(), u"V2__no_way_back.sql"_s);
            CLI_EXPECT_CONTAINS(r, r.stderrText(), u"no rollback section"_s);
            CLI_EXPECT_CONTAINS(r, r.stderrText(), u"--forget-without-rollback"_s);
            QCOMPARE(stateOf(db), before);
        }
        const CliResult forgot = cli.run({u"rollback"_s, u"--forget-without-rollback"_s});
        CLI_EXPECT_EXIT(forgot, 0);
        CLI_EXPECT_CONTAINS(forgot, forgot.stderrText(),
                            u"Forgot the record of V2__no_way_back.sql without running SQL"_s);
        QCOMPARE(trackedVersions(db), QStringList{u"1"_s});
        QVERIFY(db.tableExists(u"kept"_s));
        QCOMPARE(db.query(u"SELECT outcome FROM tidemark_journal WHERE operation = 'rollback'"_s),
                 QStringList{u"forgotten"_s});
    }

    // The tracking row, the journal row and the COMMIT go together (on PostgreSQL in one
    // message): when the tracking insert is refused, or (PostgreSQL) the COMMIT itself fails on
    // a deferred trigger, the file's work is rolled back with it and the error says so.
    void bookkeepingRefused_data() { addDialectColumnRows(); }
    void bookkeepingRefused()
    {
        CLI_REQUIRE_DIALECT(db);
        TempProject project(db.url());
        project.write(Good, "CREATE TABLE good (id INT);\n-- rollback\nDROP TABLE good;\n");
        CliRunner cli(Binary::Cli, project.root());
        CLI_EXPECT_EXIT(cli.run({u"upgrade"_s}), 0);
        project.write(u"V2__fill.sql"_s, "INSERT INTO good VALUES (2);\n");
        // A file after it: on PostgreSQL the refused commit message also carries its BEGIN.
        project.write(u"V3__more.sql"_s, "INSERT INTO good VALUES (3);\n");
        const QStringList before = stateOf(db);
        // First the tracking insert is refused; then (PostgreSQL) the COMMIT, by a deferred
        // trigger on the file's own table.
        QList<QStringList> refusals{triggerRefusingVersion2(dialect)};
        if (dialect == SqlDialect::Postgres)
            refusals.append({u"DROP TRIGGER refuse_two ON jetbase_migrations"_s,
                             u"CREATE CONSTRAINT TRIGGER refuse_late AFTER INSERT ON good "
                             "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                             "EXECUTE FUNCTION refuse_two()"_s});
        for (const QStringList &refusal : refusals) {
            for (const QString &sql : refusal) {
                QString error;
                QVERIFY2(db.exec(sql, &error), qPrintable(error));
            }
            const CliResult r = cli.run({u"upgrade"_s});
            CLI_EXPECT_EXIT(r, 1);
            CLI_EXPECT_CONTAINS(r, r.stderrText(), u"Could not commit V2__fill.sql"_s);
            CLI_EXPECT_CONTAINS(r, r.stderrText(), u"version two refused"_s);
            QCOMPARE(stateOf(db), before);
            QCOMPARE(db.query(u"SELECT COUNT(*) FROM good"_s), QStringList{u"0"_s});
            QCOMPARE(trackedVersions(db), QStringList{u"1"_s});
        }
    }

    // Read-only commands on a mistyped SQLite path: a clear error, and no file appears.
    void missingSqliteFile_data()
    {
        QTest::addColumn<QStringList>("arguments");
        for (const char *command : {"status", "validate", "history", "current", "journal",
                                    "lock-status", "validate-checksums", "validate-files"})
            QTest::newRow(command) << QStringList{QString::fromLatin1(command)};
        QTest::newRow("upgrade --dry-run") << QStringList{u"upgrade"_s, u"--dry-run"_s};
        QTest::newRow("rollback --dry-run") << QStringList{u"rollback"_s, u"--dry-run"_s};
        QTest::newRow("status --json") << QStringList{u"status"_s, u"--json"_s};
    }
    void missingSqliteFile()
    {
        QFETCH(QStringList, arguments);
        TempProject project;
        project.setUrl(u"sqlite:///mistyped.db"_s);
        project.write(Good, "CREATE TABLE good (id INT);\n");
        const QString path = project.jetbaseDir() + u"/mistyped.db"_s;
        for (Binary binary : {Binary::Cli, Binary::Gui}) {
            const CliResult r = CliRunner(binary, project.root()).run(arguments);
            CLI_EXPECT_EXIT(r, 1);
            CLI_EXPECT_CONTAINS(r, r.stderrText(), u"database file does not exist: "_s + path);
            CLI_EXPECT_CONTAINS(r, r.stderrText(), u"\"upgrade\" creates the file"_s);
            QVERIFY2(!QFileInfo::exists(path), r.describe().constData());
        }
        const CliResult upgraded = CliRunner(Binary::Cli, project.root()).run({u"upgrade"_s});
        CLI_EXPECT_EXIT(upgraded, 0);
        QVERIFY(QFileInfo::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestCliBadInputServers)
#include "tst_clibadinputservers.moc"
