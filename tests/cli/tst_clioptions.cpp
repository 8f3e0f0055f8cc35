// Global options: --project, walking up, TIDEMARK_PROJECT, --url and JETBASE_SQLALCHEMY_URL over
// env.py, --quiet, --version, --help, and usage errors (exit 2).
#include "clidatabase.h"
#include "clirunner.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

const QStringList AllCommands = {
    QStringLiteral("init"),          QStringLiteral("new"),
    QStringLiteral("upgrade"),       QStringLiteral("migrate"),
    QStringLiteral("rollback"),      QStringLiteral("downgrade"),
    QStringLiteral("status"),        QStringLiteral("showmigrations"),
    QStringLiteral("check"),         QStringLiteral("history"),
    QStringLiteral("current"),       QStringLiteral("journal"),
    QStringLiteral("validate"),      QStringLiteral("validate-checksums"),
    QStringLiteral("fix-checksums"), QStringLiteral("validate-files"),
    QStringLiteral("fix-files"),     QStringLiteral("fix"),
    QStringLiteral("lock"),          QStringLiteral("unlock"),
    QStringLiteral("lock-status"),
};

// A SQLite project with one migration; db is where env.py points.
struct Fixture
{
    ScratchDatabase db{SqlDialect::Sqlite};
    TempProject project{db.url()};
    Fixture() { project.write(QStringLiteral("V1__one.sql"), "CREATE TABLE one (id INT);\n"); }
};

} // namespace

class TestCliOptions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void headlessWithoutDisplay();
    void cliBinaryLinksNoWidgets();
    void projectOption_data();
    void projectOption();
    void walksUpFromNestedFolder_data();
    void walksUpFromNestedFolder();
    void projectFromEnvironment();
    void projectOptionBeatsEnvironment();
    void missingProjectFolder();
    void missingEnvPy();
    void messagesNameTheStartedBinary_data() { addBinaryRows(); }
    void messagesNameTheStartedBinary();
    void urlOverridesEnvPy();
    void environmentOverridesEnvPy();
    void relativeSqlitePathResolvesAgainstJetbase();
    void quiet();
    void version_data() { addBinaryRows(); }
    void version();
    void help_data() { addBinaryRows(); }
    void help();
    void commandHelp_data();
    void commandHelp();
    void usageErrors_data();
    void usageErrors();
};

void TestCliOptions::projectOption_data()
{
    QTest::addColumn<Binary>("binary");
    QTest::addColumn<bool>("jetbaseFolder");
    QTest::newRow("parent, tidemark --cli") << Binary::Gui << false;
    QTest::newRow("parent, tidemark-cli") << Binary::Cli << false;
    QTest::newRow("jetbase, tidemark --cli") << Binary::Gui << true;
    QTest::newRow("jetbase, tidemark-cli") << Binary::Cli << true;
}

void TestCliOptions::projectOption()
{
    QFETCH(Binary, binary);
    QFETCH(bool, jetbaseFolder);
    Fixture f;
    QTemporaryDir elsewhere;
    const CliRunner cli(binary, elsewhere.path());
    const QString dir = jetbaseFolder ? f.project.jetbaseDir() : f.project.root();

    const CliResult r = cli.run({QStringLiteral("--project"), dir, QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Migration applied successfully: V1__one.sql"));
    QCOMPARE(trackedVersions(f.db), QStringList{QStringLiteral("1")});
    // After the command name too.
    const CliResult current =
        cli.run({QStringLiteral("current"), QStringLiteral("--project"), dir});
    CLI_EXPECT_EXIT(current, 0);
    QCOMPARE(current.stdoutText().trimmed(), QStringLiteral("Latest migration version: 1"));
}

void TestCliOptions::walksUpFromNestedFolder_data()
{
    QTest::addColumn<QString>("nested");
    QTest::newRow("below the parent") << QStringLiteral("src/app/deep");
    QTest::newRow("inside migrations") << QStringLiteral("jetbase/migrations/sub");
    QTest::newRow("the project root") << QString();
}

void TestCliOptions::walksUpFromNestedFolder()
{
    QFETCH(QString, nested);
    Fixture f;
    const QString cwd = f.project.root() + u'/' + nested;
    QVERIFY(QDir().mkpath(cwd));
    const CliResult r = CliRunner(Binary::Cli, cwd).run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(trackedVersions(f.db), QStringList{QStringLiteral("1")});
}

void TestCliOptions::projectFromEnvironment()
{
    Fixture f;
    QTemporaryDir elsewhere;
    CliRunner cli(Binary::Cli, elsewhere.path());
    cli.environment().insert(QStringLiteral("TIDEMARK_PROJECT"), f.project.root());
    const CliResult r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(trackedVersions(f.db), QStringList{QStringLiteral("1")});
}

void TestCliOptions::projectOptionBeatsEnvironment()
{
    Fixture used;
    Fixture ignored;
    QTemporaryDir elsewhere;
    CliRunner cli(Binary::Cli, elsewhere.path());
    cli.environment().insert(QStringLiteral("TIDEMARK_PROJECT"), ignored.project.root());
    const CliResult r = cli.run(
        {QStringLiteral("--project"), used.project.jetbaseDir(), QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(trackedVersions(used.db), QStringList{QStringLiteral("1")});
    QVERIFY(tableNames(ignored.db).isEmpty());
}

void TestCliOptions::missingProjectFolder()
{
    QTemporaryDir elsewhere;
    const QString missing = elsewhere.filePath(QStringLiteral("nope"));
    const CliResult r = CliRunner(Binary::Cli, elsewhere.path())
                            .run({QStringLiteral("--project"), missing, QStringLiteral("status")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), missing);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("does not exist"));
    // It says to check the path, and does not offer to create a project "here".
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Check the path given to --project"));
    QVERIFY2(!r.stderrText().contains(QStringLiteral(" here")), r.describe().constData());
}

void TestCliOptions::missingEnvPy()
{
    // Without env.py (and no other source of the URL) the error names the missing file.
    TempProject project;
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    QVERIFY(QFile::remove(project.jetbaseDir() + QStringLiteral("/env.py")));
    const CliResult r = CliRunner(Binary::Cli, project.root()).run({QStringLiteral("status")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        project.jetbaseDir() + QStringLiteral("/env.py does not exist"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("JETBASE_SQLALCHEMY_URL"));
}

void TestCliOptions::messagesNameTheStartedBinary()
{
    // Advice names a command the user can run: the program that was started, never the other.
    QFETCH(Binary, binary);
    const QString self = binaryLabel(binary);
    const QString other = binaryLabel(binary == Binary::Cli ? Binary::Gui : Binary::Cli);
    Fixture f;
    const CliRunner cli(binary, f.project.root());
    QTemporaryDir nowhere;
    QList<CliResult> results;
    results << cli.run({QStringLiteral("upgrade"), QStringLiteral("--cont")});
    CLI_EXPECT_CONTAINS(results.last(), results.last().stderrText(),
                        QStringLiteral("Run \"%1 upgrade --help\".").arg(self));
    results << cli.run({QStringLiteral("stauts")});
    CLI_EXPECT_CONTAINS(results.last(), results.last().stderrText(),
                        QStringLiteral("Run \"%1 --help\"").arg(self));
    results << cli.run({QStringLiteral("upgrade"), QStringLiteral("--help")});
    CLI_EXPECT_CONTAINS(results.last(), results.last().stdoutText(),
                        QStringLiteral("Usage: %1 upgrade [options]").arg(self));
    results << CliRunner(binary, nowhere.path()).run({QStringLiteral("status")});
    CLI_EXPECT_CONTAINS(results.last(), results.last().stderrText(),
                        QStringLiteral("Run \"%1 init\"").arg(self));
    results << cli.run({QStringLiteral("lock")});
    CLI_EXPECT_CONTAINS(results.last(), results.last().stdoutText(),
                        QStringLiteral("until \"%1 unlock\"").arg(self));
    results << cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(results.last(), 1);
    CLI_EXPECT_CONTAINS(results.last(), results.last().stderrText(),
                        QStringLiteral("release it with \"%1 unlock\"").arg(self));
    for (const CliResult &r : std::as_const(results))
        QVERIFY2(!r.all().contains(other), r.describe().constData());
}

void TestCliOptions::urlOverridesEnvPy()
{
    Fixture f;
    ScratchDatabase other(SqlDialect::Sqlite);
    CliRunner cli(Binary::Cli, f.project.root());
    // --url wins over the environment too.
    cli.environment().insert(QStringLiteral("JETBASE_SQLALCHEMY_URL"),
                             QStringLiteral("oracle://x/y"));
    const CliResult r = cli.run({QStringLiteral("--url"), other.url(), QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(trackedVersions(other), QStringList{QStringLiteral("1")});
    QVERIFY(tableNames(f.db).isEmpty());
    const CliResult status = cli.run(
        {QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--url"), other.url()});
    CLI_EXPECT_EXIT(status, 0);
    QCOMPARE(status.json().value(QStringLiteral("latest_version")).toString(), QStringLiteral("1"));
}

void TestCliOptions::environmentOverridesEnvPy()
{
    Fixture f;
    ScratchDatabase other(SqlDialect::Sqlite);
    CliRunner cli(Binary::Gui, f.project.root());
    cli.environment().insert(QStringLiteral("JETBASE_SQLALCHEMY_URL"), other.url());
    const CliResult r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(trackedVersions(other), QStringList{QStringLiteral("1")});
    QVERIFY(tableNames(f.db).isEmpty());
    // Without the variable env.py applies again.
    cli.environment().remove(QStringLiteral("JETBASE_SQLALCHEMY_URL"));
    const CliResult current = cli.run({QStringLiteral("current")});
    QCOMPARE(current.stdoutText().trimmed(),
             QStringLiteral("No migrations have been applied yet."));
}

void TestCliOptions::relativeSqlitePathResolvesAgainstJetbase()
{
    TempProject project(QStringLiteral("sqlite:///relative.db"));
    project.write(QStringLiteral("V1__one.sql"), "CREATE TABLE one (id INT);\n");
    const QString nested = project.root() + QStringLiteral("/src");
    QVERIFY(QDir().mkpath(nested));
    const CliResult r = CliRunner(Binary::Cli, nested).run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QVERIFY(QFileInfo::exists(project.jetbaseDir() + QStringLiteral("/relative.db")));
    QVERIFY(!QFileInfo::exists(nested + QStringLiteral("/relative.db")));
}

void TestCliOptions::quiet()
{
    Fixture f;
    const CliRunner cli(Binary::Cli, f.project.root());
    CliResult r = cli.run({QStringLiteral("--quiet"), QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    QVERIFY2(r.err.isEmpty() && r.out.isEmpty(), r.describe().constData());
    QCOMPARE(trackedVersions(f.db), QStringList{QStringLiteral("1")});
    // Results still go to stdout.
    r = cli.run({QStringLiteral("current"), QStringLiteral("--quiet")});
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("Latest migration version: 1"));
    // -q is --quiet, before or after the command.
    r = cli.run({QStringLiteral("status"), QStringLiteral("-q")});
    CLI_EXPECT_EXIT(r, 0);
    QVERIFY2(r.err.isEmpty(), r.describe().constData());
    // Errors are never silenced.
    r = cli.run({QStringLiteral("-q"), QStringLiteral("upgrade"), QStringLiteral("-t"),
                 QStringLiteral("5")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Error: "));
}

void TestCliOptions::version()
{
    QFETCH(Binary, binary);
    QTemporaryDir dir;
    const CliResult r = CliRunner(binary, dir.path()).run({QStringLiteral("--version")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText(), QStringLiteral("tidemark " TIDEMARK_VERSION "\n"));
}

void TestCliOptions::help()
{
    QFETCH(Binary, binary);
    QTemporaryDir dir;
    const CliRunner cli(binary, dir.path());
    for (const QString &flag : {QStringLiteral("--help"), QStringLiteral("-h")}) {
        const CliResult r = cli.run({flag});
        CLI_EXPECT_EXIT(r, 0);
        CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Usage: ") + binaryLabel(binary));
        for (const QString &command : AllCommands) {
            // "  upgrade (migrate)  Apply ...": names and aliases as words.
            const QRegularExpression listed(
                QStringLiteral("\\n  (\\S+ \\()?%1[ ),]").arg(QRegularExpression::escape(command)));
            QVERIFY2(listed.match(r.stdoutText()).hasMatch(), qPrintable(command));
        }
        CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("--project"));
        CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("--json"));
    }
    // No command at all: the same text on stderr, exit 2.
    const CliResult none = cli.run({});
    CLI_EXPECT_EXIT(none, 2);
    CLI_EXPECT_CONTAINS(none, none.stderrText(), QStringLiteral("Usage: ") + binaryLabel(binary));
}

void TestCliOptions::commandHelp_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("option");
    QTest::newRow("new") << QStringLiteral("new") << QStringLiteral("--version");
    QTest::newRow("upgrade") << QStringLiteral("upgrade") << QStringLiteral("--to-version");
    QTest::newRow("rollback") << QStringLiteral("rollback") << QStringLiteral("--last-batch");
    QTest::newRow("validate-checksums")
        << QStringLiteral("validate-checksums") << QStringLiteral("--fix");
    QTest::newRow("validate-files") << QStringLiteral("validate-files") << QStringLiteral("--fix");
    QTest::newRow("journal") << QStringLiteral("journal") << QStringLiteral("--limit");
    for (const QString &command : AllCommands) {
        if (!QStringList{QStringLiteral("new"), QStringLiteral("upgrade"),
                         QStringLiteral("rollback"), QStringLiteral("validate-checksums"),
                         QStringLiteral("validate-files"), QStringLiteral("journal")}
                 .contains(command))
            QTest::newRow(qPrintable(command)) << command << QStringLiteral("--project");
    }
}

void TestCliOptions::commandHelp()
{
    QFETCH(QString, command);
    QFETCH(QString, option);
    QTemporaryDir dir; // no project needed for help
    const CliRunner cli(Binary::Cli, dir.path());
    const CliResult r = cli.run({command, QStringLiteral("--help")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Usage: tidemark-cli "));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), option);
    // --help before the command name means the same.
    const CliResult before = cli.run({QStringLiteral("--help"), command});
    CLI_EXPECT_EXIT(before, 0);
    QCOMPARE(before.stdoutText(), r.stdoutText());
    QVERIFY(QDir(dir.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
}

void TestCliOptions::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")}
                                     << QStringLiteral("Unknown command \"frobnicate\"");
    QTest::newRow("unknown global option")
        << QStringList{QStringLiteral("--frob"), QStringLiteral("status")}
        << QStringLiteral("frob");
    QTest::newRow("unknown command option")
        << QStringList{QStringLiteral("status"), QStringLiteral("--frob")}
        << QStringLiteral("frob");
    QTest::newRow("option of another command")
        << QStringList{QStringLiteral("status"), QStringLiteral("--count"), QStringLiteral("1")}
        << QStringLiteral("count");
    QTest::newRow("missing option value")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("--count")}
        << QStringLiteral("count");
    QTest::newRow("lock-timeout abc")
        << QStringList{QStringLiteral("--lock-timeout"), QStringLiteral("abc"),
                       QStringLiteral("upgrade")}
        << QStringLiteral("--lock-timeout");
    // Options as typed, dashes included, and what they probably meant.
    QTest::newRow("mistyped option")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("--cont"), QStringLiteral("1")}
        << QStringLiteral("Unknown option '--cont'. Did you mean --count?");
    QTest::newRow("single-dash word")
        << QStringList{QStringLiteral("status"), QStringLiteral("-frob")}
        << QStringLiteral("Unknown option '-frob'.");
    QTest::newRow("two unknown options")
        << QStringList{QStringLiteral("status"), QStringLiteral("--frob"), QStringLiteral("-x")}
        << QStringLiteral("Unknown options: '--frob', '-x'.");
    QTest::newRow("mistyped command") << QStringList{QStringLiteral("stauts")}
                                      << QStringLiteral("Unknown command \"stauts\". Did you "
                                                        "mean \"status\"?");
    QTest::newRow("start of a command")
        << QStringList{QStringLiteral("rollb")} << QStringLiteral("Did you mean \"rollback\"?");
    QTest::newRow("journal limit abc")
        << QStringList{QStringLiteral("journal"), QStringLiteral("--limit"), QStringLiteral("abc")}
        << QStringLiteral("--limit");
}

void TestCliOptions::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    Fixture f;
    for (Binary binary : {Binary::Gui, Binary::Cli}) {
        const CliResult r = CliRunner(binary, f.project.root()).run(arguments);
        CLI_EXPECT_EXIT(r, 2);
        CLI_EXPECT_CONTAINS(r, r.stderrText(), message);
        QVERIFY2(r.out.isEmpty(), r.describe().constData());
    }
    QVERIFY(tableNames(f.db).isEmpty());
}

void TestCliOptions::headlessWithoutDisplay()
{
    // `tidemark --cli` must run where there is no display and no QPA platform configured.
    TempProject project(QStringLiteral("sqlite:///headless.db"));
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    CliRunner runner(Binary::Gui, project.root());
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        runner.environment().remove(QString::fromLatin1(name));
    const CliResult r = runner.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Migrations completed successfully."));
}

void TestCliOptions::cliBinaryLinksNoWidgets()
{
    QProcess ldd;
    ldd.start(QStringLiteral("ldd"), {QStringLiteral(TIDEMARK_CLI_BINARY)});
    QVERIFY(ldd.waitForFinished(30000));
    const QString libraries = QString::fromUtf8(ldd.readAllStandardOutput());
    QVERIFY2(libraries.contains(QStringLiteral("libQt6Sql")), qPrintable(libraries));
    QVERIFY2(!libraries.contains(QStringLiteral("libQt6Widgets")), qPrintable(libraries));
    QVERIFY2(!libraries.contains(QStringLiteral("libQt6Gui")), qPrintable(libraries));
}

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_clioptions.moc"
