// env.py that changes the environment before it reads it: Tidemark runs it with Python, as
// Jetbase imports it, so the migration lands in the database the file names, never in the one
// of the outer environment. Uses Debian's python3-dotenv.
#include "clirunner.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTemporaryDir>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

class TestCliEnvPy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fileWinsOverTheOuterEnvironment_data()
    {
        QTest::addColumn<QByteArray>("envPy");
        QTest::addColumn<bool>("dotenv");
        QTest::newRow("load_dotenv(override=True)")
            << QByteArray("import os\nfrom dotenv import load_dotenv\n\n"
                          "load_dotenv(override=True)\n"
                          "sqlalchemy_url = os.getenv(\"DBURL\")\n")
            << true;
        QTest::newRow("os.environ assignment")
            << QByteArray("import os\nos.environ[\"DBURL\"] = \"sqlite:///inner.db\"\n"
                          "sqlalchemy_url = os.getenv(\"DBURL\")\n")
            << false;
    }
    void fileWinsOverTheOuterEnvironment()
    {
        QFETCH(QByteArray, envPy);
        QFETCH(bool, dotenv);
        TempProject project;
        project.write(u"V1__one.sql"_s, "CREATE TABLE one (id INT);\n");
        QVERIFY(writeFile(project.jetbaseDir() + u"/env.py"_s, envPy));
        if (dotenv)
            QVERIFY(writeFile(project.jetbaseDir() + u"/.env"_s,
                              "DBURL=sqlite:///" + project.jetbaseDir().toUtf8() + "/inner.db\n"));
        QTemporaryDir outerDir;
        const QString outer = outerDir.filePath(u"outer.db"_s);
        CliRunner cli(Binary::Cli, project.root());
        cli.environment().insert(u"DBURL"_s, u"sqlite:///"_s + outer);
        cli.environment().insert(u"TIDEMARK_PYTHON"_s, u"/usr/bin/python3"_s);
        const CliResult r = cli.run({u"upgrade"_s});
        CLI_EXPECT_EXIT(r, 0);
        QVERIFY2(QFileInfo::exists(project.jetbaseDir() + u"/inner.db"_s),
                 r.describe().constData());
        QVERIFY2(!QFileInfo::exists(outer), "the outer environment's database was used");
    }

    // Without a Python to run it, the file is refused with the line that needs it; nothing
    // runs against the outer environment's database.
    void withoutPythonItSaysWhy()
    {
        TempProject project;
        project.write(u"V1__one.sql"_s, "CREATE TABLE one (id INT);\n");
        QVERIFY(writeFile(project.jetbaseDir() + u"/env.py"_s,
                          "import os\nos.environ[\"DBURL\"] = \"sqlite:///inner.db\"\n"
                          "sqlalchemy_url = os.getenv(\"DBURL\")\n"));
        QTemporaryDir outerDir;
        const QString outer = outerDir.filePath(u"outer.db"_s);
        CliRunner cli(Binary::Cli, project.root());
        cli.environment().insert(u"DBURL"_s, u"sqlite:///"_s + outer);
        cli.environment().insert(u"TIDEMARK_PYTHON"_s, u"/nonexistent/python3"_s);
        cli.environment().insert(u"PATH"_s, outerDir.path());
        const CliResult r = cli.run({u"upgrade"_s});
        CLI_EXPECT_EXIT(r, 1);
        CLI_EXPECT_CONTAINS(r, r.stderrText(), u"Line 2 of env.py"_s);
        QVERIFY(!QFileInfo::exists(outer));
        QVERIFY(!QFileInfo::exists(project.jetbaseDir() + u"/inner.db"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliEnvPy)
#include "tst_clienvpy.moc"
