// init and new through both binaries: the files they write, what they refuse, and that they
// never overwrite.
#include "clirunner.h"
#include "testsupport.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

// What init writes: Jetbase's two heading lines, then one example URL per database, every one of
// them commented out, so that nothing connects until the user chose a database.
bool isEnvTemplate(const QByteArray &text, QByteArray *why)
{
    const QList<QByteArray> lines = text.split('\n');
    if (!text.startsWith("# Jetbase Configuration\n"
                         "# Update the sqlalchemy_url with your database connection string.\n"))
        return *why = "Jetbase's heading is missing", false;
    for (const QByteArray &line : lines) {
        if (!line.isEmpty() && !line.startsWith('#'))
            return *why = "a line is not a comment: " + line, false;
    }
    for (const char *scheme :
         {"sqlite:///", "postgresql://", "mysql+pymysql://", "snowflake://", "databricks://"}) {
        if (!text.contains(QByteArray("# sqlalchemy_url = \"").append(scheme)))
            return *why = QByteArray("no example for ") + scheme, false;
    }
    return true;
}

#define EXPECT_ENV_TEMPLATE(path)                                                                  \
    do {                                                                                           \
        QByteArray why;                                                                            \
        const QByteArray text = readAll(path);                                                     \
        QVERIFY2(isEnvTemplate(text, &why), QByteArray(why + "\n" + text).constData());            \
    } while (false)

const QByteArray NewFileContent = "-- upgrade\n\n-- rollback\n";

QStringList migrationFiles(const TempProject &project)
{
    return QDir(project.migrationsDir()).entryList(QDir::Files, QDir::Name);
}

} // namespace

class TestCliProjectFiles : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initCreatesProject_data() { addBinaryRows(); }
    void initCreatesProject();
    void initKeepsExistingEnv_data() { addBinaryRows(); }
    void initKeepsExistingEnv();
    void initIntoNamedFolder();

    void newWritesFile_data() { addBinaryRows(); }
    void newWritesFile();
    void newDefaultVersionIsLocalTime();
    void newRefusesOverwrite();
    void newRefusesBadDescription_data();
    void newRefusesBadDescription();
    void newRefusesUsedVersion();
    void newRefusesInvalidVersion();
    void newWithoutDescriptionIsUsage();
};

void TestCliProjectFiles::initCreatesProject()
{
    QFETCH(Binary, binary);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const CliRunner cli(binary, dir.path());

    const CliResult r = cli.run({QStringLiteral("init")});
    CLI_EXPECT_EXIT(r, 0);
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("jetbase"))).isDir());
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("jetbase/migrations"))).isDir());
    EXPECT_ENV_TEMPLATE(dir.filePath(QStringLiteral("jetbase/env.py")));
    const QByteArray env = readAll(dir.filePath(QStringLiteral("jetbase/env.py")));
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Created the project in ") + dir.filePath("jetbase"));
    // Tidemark's own words: the next commands, with the binary that was started; no "cd jetbase"
    // (every command finds the project from any folder below its parent).
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("uncomment one sqlalchemy_url line"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), binaryLabel(binary) + QStringLiteral(" new "));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), binaryLabel(binary) + QStringLiteral(" upgrade"));
    QVERIFY2(!r.stderrText().contains(QStringLiteral("cd jetbase")), r.describe().constData());
    QVERIFY2(r.out.isEmpty(), r.describe().constData()); // progress goes to stderr

    // A second init is harmless and still leaves the template as it was.
    const CliResult again = cli.run({QStringLiteral("init")});
    CLI_EXPECT_EXIT(again, 0);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("jetbase/env.py"))), env);

    // The placeholder cannot connect: the first command says that no URL is set, and where.
    const CliResult status = cli.run({QStringLiteral("status")});
    CLI_EXPECT_EXIT(status, 1);
    CLI_EXPECT_CONTAINS(status, status.stderrText(),
                        dir.filePath(QStringLiteral("jetbase/env.py")) +
                            QStringLiteral(" does not set it"));
}

void TestCliProjectFiles::initKeepsExistingEnv()
{
    QFETCH(Binary, binary);
    QTemporaryDir dir;
    const QByteArray mine = "sqlalchemy_url = \"sqlite:///mine.db\"  # keep me\n";
    QVERIFY(writeFile(dir.filePath(QStringLiteral("jetbase/env.py")), mine));
    const CliResult r = CliRunner(binary, dir.path()).run({QStringLiteral("init")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(readAll(dir.filePath(QStringLiteral("jetbase/env.py"))), mine);
    QVERIFY(QFileInfo(dir.filePath(QStringLiteral("jetbase/migrations"))).isDir());
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Kept the existing env.py"));
}

void TestCliProjectFiles::initIntoNamedFolder()
{
    QTemporaryDir dir;
    const QString target = dir.filePath(QStringLiteral("app"));
    QVERIFY(QDir().mkpath(target));
    const CliResult r = CliRunner(Binary::Cli, dir.path()).run({QStringLiteral("init"), target});
    CLI_EXPECT_EXIT(r, 0);
    EXPECT_ENV_TEMPLATE(target + QStringLiteral("/jetbase/env.py"));
    // Run from elsewhere, init says where the later commands find the project.
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Next, from %1 or any folder below it").arg(target));
    QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("jetbase"))));
}

void TestCliProjectFiles::newWritesFile()
{
    QFETCH(Binary, binary);
    TempProject project(QStringLiteral("sqlite:///app.db"));
    const CliRunner cli(binary, project.root());

    const CliResult r = cli.run({QStringLiteral("new"), QStringLiteral("create users table"),
                                 QStringLiteral("-v"), QStringLiteral("1_5")});
    CLI_EXPECT_EXIT(r, 0);
    const QString name = QStringLiteral("V1_5__create_users_table.sql");
    QCOMPARE(migrationFiles(project), QStringList{name});
    QCOMPARE(readAll(project.migrationsDir() + u'/' + name), NewFileContent);
    CLI_EXPECT_CONTAINS(r, r.all(), QStringLiteral("Created migration file: ") + name);
    // new touches no database.
    QVERIFY(!QFileInfo::exists(project.jetbaseDir() + QStringLiteral("/app.db")));

    // The long form of the option too.
    const CliResult second = cli.run({QStringLiteral("new"), QStringLiteral("add email"),
                                      QStringLiteral("--version"), QStringLiteral("2")});
    CLI_EXPECT_EXIT(second, 0);
    QCOMPARE(readAll(project.migrationsDir() + QStringLiteral("/V2__add_email.sql")),
             NewFileContent);
}

void TestCliProjectFiles::newDefaultVersionIsLocalTime()
{
    TempProject project(QStringLiteral("sqlite:///app.db"));
    const QDateTime before = QDateTime::currentDateTime().addSecs(-1);
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("new"), QStringLiteral("seed data")});
    const QDateTime after = QDateTime::currentDateTime().addSecs(1);
    CLI_EXPECT_EXIT(r, 0);
    const QStringList files = migrationFiles(project);
    QCOMPARE(files.size(), 1);
    static const QRegularExpression pattern(
        QStringLiteral("^V(\\d{8}\\.\\d{6})__seed_data\\.sql$"));
    const QRegularExpressionMatch m = pattern.match(files.first());
    QVERIFY2(m.hasMatch(), qPrintable(files.first()));
    const QDateTime stamp = QDateTime::fromString(m.captured(1), QStringLiteral("yyyyMMdd.HHmmss"));
    QVERIFY(stamp.isValid());
    QVERIFY2(stamp >= before.addMSecs(-before.time().msec()) && stamp <= after,
             qPrintable(m.captured(1)));
    CLI_EXPECT_CONTAINS(r, r.all(), QStringLiteral("Created migration file: ") + files.first());
}

void TestCliProjectFiles::newRefusesOverwrite()
{
    TempProject project(QStringLiteral("sqlite:///app.db"));
    const QByteArray mine = "CREATE TABLE keep_me (id INT);\n";
    project.write(QStringLiteral("V3__add_things.sql"), mine);
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("new"), QStringLiteral("add things"),
                                  QStringLiteral("-v"), QStringLiteral("3")});
    QVERIFY2(r.finished && r.exitCode != 0, r.describe().constData());
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("V3__add_things.sql"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("nothing was written"));
    QCOMPARE(readAll(project.migrationsDir() + QStringLiteral("/V3__add_things.sql")), mine);
    QCOMPARE(migrationFiles(project).size(), 1);
}

void TestCliProjectFiles::newRefusesBadDescription_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("expected");
    QTest::newRow("blank") << QStringLiteral("   ") << QStringLiteral("blank");
    QTest::newRow("empty") << QString() << QStringLiteral("blank");
    QTest::newRow("slash") << QStringLiteral("a/b") << QStringLiteral("path separator");
    QTest::newRow("backslash") << QStringLiteral("a\\b") << QStringLiteral("path separator");
    QTest::newRow("dot-dot") << QStringLiteral("../escape") << QStringLiteral("path separator");
}

void TestCliProjectFiles::newRefusesBadDescription()
{
    QFETCH(QString, description);
    QFETCH(QString, expected);
    TempProject project(QStringLiteral("sqlite:///app.db"));
    const CliResult r =
        CliRunner(Binary::Cli, project.root())
            .run({QStringLiteral("new"), description, QStringLiteral("-v"), QStringLiteral("7")});
    QVERIFY2(r.finished && r.exitCode != 0, r.describe().constData());
    CLI_EXPECT_CONTAINS(r, r.stderrText(), expected);
    QVERIFY(migrationFiles(project).isEmpty());
    QVERIFY(QDir(project.jetbaseDir())
                .entryList(QStringList{QStringLiteral("*.sql")}, QDir::Files)
                .isEmpty());
    QVERIFY(QDir(project.root())
                .entryList(QStringList{QStringLiteral("*.sql")}, QDir::Files)
                .isEmpty());
}

void TestCliProjectFiles::newRefusesUsedVersion()
{
    TempProject project(QStringLiteral("sqlite:///app.db"));
    project.write(QStringLiteral("sub/V1.0__first.sql"), "SELECT 1;\n");
    // 1 and 1.0 are the same version, even in another folder and with another description.
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("new"), QStringLiteral("second"),
                                  QStringLiteral("-v"), QStringLiteral("1")});
    QCOMPARE(r.exitCode, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("V1.0__first.sql"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("already used"));
    QVERIFY(!QFileInfo::exists(project.migrationsDir() + QStringLiteral("/V1__second.sql")));
}

void TestCliProjectFiles::newRefusesInvalidVersion()
{
    TempProject project(QStringLiteral("sqlite:///app.db"));
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("new"), QStringLiteral("x"), QStringLiteral("-v"),
                                  QStringLiteral("1.a")});
    QVERIFY2(r.finished && r.exitCode != 0, r.describe().constData());
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Invalid version \"1.a\""));
    QVERIFY(migrationFiles(project).isEmpty());
}

void TestCliProjectFiles::newWithoutDescriptionIsUsage()
{
    TempProject project(QStringLiteral("sqlite:///app.db"));
    const CliResult r = CliRunner(Binary::Cli, project.root()).run({QStringLiteral("new")});
    CLI_EXPECT_EXIT(r, 2);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("DESCRIPTION"));
    QVERIFY(migrationFiles(project).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliProjectFiles)
#include "tst_cliprojectfiles.moc"
