// Bad migration files and bad arguments: a clear message naming the file (and line), a non-zero
// exit code, and a database left exactly as it was (tracking tables included).
#include "clidatabase.h"
#include "clirunner.h"

#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

const QByteArray GoodV1 = "CREATE TABLE good (id INT);\n-- rollback\nDROP TABLE good;\n";

// A project on a fresh database; with `applied`, V1 has been applied first so that the
// database has tracking rows that must not change.
struct Fixture
{
    explicit Fixture(SqlDialect dialect)
        : db(dialect)
        , project(db.url())
    {}
    bool prepare(bool applied)
    {
        project.write(QStringLiteral("V1__good.sql"), GoodV1);
        if (!applied)
            return true;
        return CliRunner(Binary::Cli, project.root()).run({QStringLiteral("upgrade")}).exitCode ==
                   0 &&
               trackedVersions(db) == QStringList{QStringLiteral("1")};
    }
    ScratchDatabase db;
    TempProject project;
};

} // namespace

class TestCliBadInput : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void badFile_data();
    void badFile();
    void unterminatedDollarQuote_data();
    void unterminatedDollarQuote();
    void unterminatedStringOnServers_data();
    void unterminatedStringOnServers();
    void badArguments_data();
    void badArguments();
    void toVersionNotPending_data();
    void toVersionNotPending();
    void outOfOrderFile();
};

void TestCliBadInput::badFile_data()
{
    QTest::addColumn<bool>("applied");
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("expected"); // parts of stderr
    struct Case
    {
        const char *name;
        QString fileName;
        QByteArray content;
        QStringList expected;
    };
    const QList<Case> cases = {
        {"malformed name: no __",
         QStringLiteral("V2_create_table.sql"),
         "SELECT 1;\n",
         {QStringLiteral("V2_create_table.sql"), QStringLiteral("Invalid migration file name")}},
        {"malformed name: bad version",
         QStringLiteral("V2a__things.sql"),
         "SELECT 1;\n",
         {QStringLiteral("V2a__things.sql"), QStringLiteral("Invalid migration file name")}},
        {"malformed name: lower-case prefix",
         QStringLiteral("v2__things.sql"),
         "SELECT 1;\n",
         {QStringLiteral("v2__things.sql"), QStringLiteral("Invalid migration file name")}},
        {"duplicate version 1.0",
         QStringLiteral("sub/V1.0__again.sql"),
         "CREATE TABLE dup (id INT);\n",
         {QStringLiteral("V1.0__again.sql"), QStringLiteral("V1__good.sql"),
          QStringLiteral("Duplicate")}},
        {"invalid UTF-8",
         QStringLiteral("V2__latin1.sql"),
         "CREATE TABLE t2 (name TEXT);\nINSERT INTO t2 VALUES ('caf\xe9');\n",
         {QStringLiteral("V2__latin1.sql:2"), QStringLiteral("UTF-8")}},
        {"unterminated string",
         QStringLiteral("V2__quote.sql"),
         "CREATE TABLE t2 (name TEXT);\nINSERT INTO t2 VALUES ('ok');\n\nINSERT INTO t2 VALUES "
         "('broken);\n",
         {QStringLiteral("V2__quote.sql:4"), QStringLiteral("Unterminated string")}},
        {"unterminated block comment",
         QStringLiteral("V2__comment.sql"),
         "CREATE TABLE t2 (id INT);\n/* never closed\nSELECT 1;\n",
         {QStringLiteral("V2__comment.sql:2"), QStringLiteral("Unterminated")}},
        {"unterminated string in rollback",
         QStringLiteral("V2__rb.sql"),
         "CREATE TABLE t2 (id INT);\n-- rollback\nDELETE FROM t2 WHERE x = 'oops;\n",
         {QStringLiteral("V2__rb.sql"), QStringLiteral("Unterminated string")}},
    };
    for (const Case &c : cases) {
        for (bool applied : {false, true}) {
            // A rollback-section error only surfaces once the file is applied and rolled back.
            if (!applied && c.fileName == u"V2__rb.sql")
                continue;
            QTest::addRow("%s, %s", c.name, applied ? "after V1" : "fresh")
                << applied << c.fileName << c.content << c.expected;
        }
    }
}

void TestCliBadInput::badFile()
{
    QFETCH(bool, applied);
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, expected);
    const bool rollbackError = fileName == u"V2__rb.sql";
    Fixture f(SqlDialect::Sqlite);
    QVERIFY(f.prepare(applied));
    if (rollbackError) {
        // Applied with a good rollback section; the broken one keeps the upgrade section, so the
        // checksum stays the same.
        f.project.write(fileName, "CREATE TABLE t2 (id INT);\n-- rollback\nDROP TABLE t2;\n");
        QCOMPARE(CliRunner(Binary::Cli, f.project.root()).run({QStringLiteral("upgrade")}).exitCode,
                 0);
    }
    f.project.write(fileName, content);
    const QStringList before = snapshotOf(f.db);

    const QStringList command = rollbackError ? QStringList{QStringLiteral("rollback")}
                                              : QStringList{QStringLiteral("upgrade")};
    for (Binary binary : {Binary::Cli, Binary::Gui}) {
        const CliResult r = CliRunner(binary, f.project.root()).run(command);
        CLI_EXPECT_EXIT(r, 1);
        for (const QString &part : expected)
            CLI_EXPECT_CONTAINS(r, r.stderrText(), part);
        QVERIFY2(r.out.isEmpty(), r.describe().constData());
        QCOMPARE(snapshotOf(f.db), before);
    }
    if (!applied)
        QVERIFY2(tableNames(f.db).isEmpty(), qPrintable(tableNames(f.db).join(u' ')));

    // validate (strict) fails on a file the next upgrade could not run, and changes nothing.
    if (!rollbackError) {
        const CliResult v =
            CliRunner(Binary::Cli, f.project.root()).run({QStringLiteral("validate")});
        CLI_EXPECT_EXIT(v, 1);
        CLI_EXPECT_CONTAINS(v, v.stderrText(), expected.first());
        QCOMPARE(snapshotOf(f.db), before);
    }
}

void TestCliBadInput::unterminatedDollarQuote_data()
{
    QTest::addColumn<bool>("applied");
    QTest::newRow("fresh") << false;
    QTest::newRow("after V1") << true;
}

void TestCliBadInput::unterminatedDollarQuote()
{
    QFETCH(bool, applied);
    Fixture f(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare(applied));
    f.project.write(QStringLiteral("V2__function.sql"),
                    "CREATE TABLE dq (id INT);\n"
                    "\n"
                    "CREATE FUNCTION answer() RETURNS int AS $body$\n"
                    "BEGIN\n"
                    "  RETURN 42;\n"
                    "END;\n"
                    "$body LANGUAGE plpgsql;\n");
    const QStringList before = snapshotOf(f.db);
    const CliResult r = CliRunner(Binary::Cli, f.project.root()).run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("V2__function.sql:3"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("dollar"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("$body$"));
    QCOMPARE(snapshotOf(f.db), before);
    QVERIFY(!f.db.tableExists(QStringLiteral("dq")));

    // --json carries the file and the line as fields.
    const CliResult j = CliRunner(Binary::Cli, f.project.root())
                            .run({QStringLiteral("upgrade"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(j, 1);
    const QJsonObject error = j.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("parse"));
    QCOMPARE(error.value(QStringLiteral("line")).toInt(), 3);
    QVERIFY(error.value(QStringLiteral("file"))
                .toString()
                .endsWith(QStringLiteral("V2__function.sql")));
    QCOMPARE(snapshotOf(f.db), before);
}

void TestCliBadInput::unterminatedStringOnServers_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("postgresql") << SqlDialect::Postgres;
    QTest::newRow("mariadb") << SqlDialect::MySql;
}

void TestCliBadInput::unterminatedStringOnServers()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare(true));
    // On MariaDB DDL commits at once, so nothing of the file may run before the whole file lexed.
    f.project.write(
        QStringLiteral("V2__quote.sql"),
        "CREATE TABLE early (id INT);\nINSERT INTO early VALUES (1);\nSELECT 'never closed;\n");
    const QStringList before = snapshotOf(f.db);
    const CliResult r = CliRunner(Binary::Cli, f.project.root()).run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("V2__quote.sql:3"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Unterminated string"));
    QCOMPARE(snapshotOf(f.db), before);
    QVERIFY(!f.db.tableExists(QStringLiteral("early")));
}

void TestCliBadInput::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("upgrade --count 0")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("--count"), QStringLiteral("0")}
        << QStringLiteral("--count must be a positive integer (got 0)");
    QTest::newRow("upgrade --count -1")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("--count"), QStringLiteral("-1")}
        << QStringLiteral("--count must be a positive integer (got -1)");
    QTest::newRow("upgrade --count=-1")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("--count=-1")}
        << QStringLiteral("positive integer");
    QTest::newRow("upgrade -c 0") << QStringList{QStringLiteral("upgrade"), QStringLiteral("-c"),
                                                 QStringLiteral("0")}
                                  << QStringLiteral("positive integer");
    QTest::newRow("upgrade --count abc")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("--count"), QStringLiteral("abc")}
        << QStringLiteral("--count takes a whole number, not \"abc\"");
    QTest::newRow("upgrade --count 1.5")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("--count"), QStringLiteral("1.5")}
        << QStringLiteral("whole number");
    QTest::newRow("rollback --count 0")
        << QStringList{QStringLiteral("rollback"), QStringLiteral("--count"), QStringLiteral("0")}
        << QStringLiteral("positive integer");
    QTest::newRow("rollback --count -1")
        << QStringList{QStringLiteral("rollback"), QStringLiteral("--count"), QStringLiteral("-1")}
        << QStringLiteral("positive integer");
    QTest::newRow("rollback --count abc")
        << QStringList{QStringLiteral("rollback"), QStringLiteral("--count"), QStringLiteral("abc")}
        << QStringLiteral("whole number");
    QTest::newRow("count with to-version")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("-c"), QStringLiteral("1"),
                       QStringLiteral("-t"), QStringLiteral("2")}
        << QStringLiteral("Cannot specify both --count and --to-version");
}

void TestCliBadInput::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    Fixture f(SqlDialect::Sqlite);
    QVERIFY(f.prepare(true));
    f.project.write(QStringLiteral("V2__second.sql"),
                    "CREATE TABLE second (id INT);\n-- rollback\nDROP TABLE second;\n");
    const QStringList before = snapshotOf(f.db);
    const CliResult r = CliRunner(Binary::Cli, f.project.root()).run(arguments);
    CLI_EXPECT_EXIT(r, 2);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), message);
    QCOMPARE(snapshotOf(f.db), before);
}

void TestCliBadInput::toVersionNotPending_data()
{
    QTest::addColumn<bool>("applied");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown, fresh")
        << false << QStringLiteral("7")
        << QStringLiteral("'7' does not exist among pending migrations");
    QTest::newRow("unknown, after V1")
        << true << QStringLiteral("7")
        << QStringLiteral("'7' does not exist among pending migrations");
    QTest::newRow("already applied")
        << true << QStringLiteral("1.0") << QStringLiteral("already been applied");
    QTest::newRow("not a version")
        << true << QStringLiteral("latest")
        << QStringLiteral("'latest' does not exist among pending migrations");
}

void TestCliBadInput::toVersionNotPending()
{
    QFETCH(bool, applied);
    QFETCH(QString, version);
    QFETCH(QString, message);
    Fixture f(SqlDialect::Sqlite);
    QVERIFY(f.prepare(applied));
    f.project.write(QStringLiteral("V2__second.sql"), "CREATE TABLE second (id INT);\n");
    const QStringList before = snapshotOf(f.db);
    const CliResult r =
        CliRunner(Binary::Cli, f.project.root())
            .run({QStringLiteral("upgrade"), QStringLiteral("--to-version"), version});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), message);
    QCOMPARE(snapshotOf(f.db), before);
    if (!applied)
        QVERIFY(tableNames(f.db).isEmpty());
}

void TestCliBadInput::outOfOrderFile()
{
    Fixture f(SqlDialect::Sqlite);
    QVERIFY(f.prepare(true));
    f.project.write(QStringLiteral("V3__third.sql"), "CREATE TABLE third (id INT);\n");
    QCOMPARE(CliRunner(Binary::Cli, f.project.root()).run({QStringLiteral("upgrade")}).exitCode, 0);
    f.project.write(QStringLiteral("V2__late.sql"), "CREATE TABLE late (id INT);\n");
    const QStringList before = snapshotOf(f.db);
    const CliResult r = CliRunner(Binary::Cli, f.project.root()).run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("V2__late.sql"));
    QCOMPARE(snapshotOf(f.db), before);
}

QTEST_GUILESS_MAIN(TestCliBadInput)
#include "tst_clibadinput.moc"
