// Configuration and connection failures: unknown URL schemes, wrong passwords (never shown),
// unreachable or silent servers (fail in time), no project, a broken env.py.
#include "clidatabase.h"
#include "clirunner.h"

#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

// Never a real password anywhere: if one of these shows up in output, a password leaked.
const QString SentinelPassword = QStringLiteral("Sentinel-Pw-7Q4z");
const QString SpecialPassword = QStringLiteral("p@ss:w/rd#Sentinel%9"); // needs percent-encoding

// The server URL of a scratch database with another password.
QString withPassword(const QString &url, const QString &password)
{
    QUrl u(url);
    u.setPassword(password);
    return u.toString(QUrl::FullyEncoded);
}

void expectNoSecret(const CliResult &r, const QStringList &secrets)
{
    for (const QString &secret : secrets) {
        QVERIFY2(
            !r.out.contains(secret.toUtf8()) && !r.err.contains(secret.toUtf8()),
            qPrintable(
                QStringLiteral("%1 leaked:\n%2").arg(secret, QString::fromUtf8(r.describe()))));
    }
}

} // namespace

class TestCliConnection : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void unknownScheme_data();
    void unknownScheme();
    void passwordNeedsEncoding_data();
    void passwordNeedsEncoding();
    void wrongPassword_data();
    void wrongPassword();
    void placeholderPasswordKeepsServerMessage_data();
    void placeholderPasswordKeepsServerMessage();
    void closedPort_data();
    void closedPort();
    void silentServer_data();
    void silentServer();
    void noProject_data() { addBinaryRows(); }
    void noProject();
    void jetbaseWithoutMigrations();
    void envPySyntaxError_data();
    void envPySyntaxError();
    void envPyWithoutUrl();
};

void TestCliConnection::unknownScheme_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("scheme");
    QTest::newRow("oracle")
        << QStringLiteral("oracle://scott:%1@db.example:1521/orcl").arg(SentinelPassword)
        << QStringLiteral("oracle");
    QTest::newRow("mssql+pyodbc")
        << QStringLiteral("mssql+pyodbc://sa:%1@host/db").arg(SentinelPassword)
        << QStringLiteral("mssql");
    QTest::newRow("no scheme") << QStringLiteral("localhost/db") << QString();
}

void TestCliConnection::unknownScheme()
{
    QFETCH(QString, url);
    QFETCH(QString, scheme);
    TempProject project(url);
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliRunner cli(Binary::Cli, project.root());
    for (const QStringList &args :
         {QStringList{QStringLiteral("upgrade")}, QStringList{QStringLiteral("status")},
          QStringList{QStringLiteral("--json"), QStringLiteral("upgrade")}}) {
        const CliResult r = cli.run(args);
        CLI_EXPECT_EXIT(r, 1);
        if (!scheme.isEmpty())
            CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("\"%1\"").arg(scheme));
        CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("postgresql"));
        expectNoSecret(r, {SentinelPassword});
        if (args.contains(QStringLiteral("--json")))
            QCOMPARE(r.json()
                         .value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("code"))
                         .toString(),
                     QStringLiteral("url"));
    }
    // --url with a bad scheme is refused the same way.
    const CliResult r = CliRunner(Binary::Gui, project.root())
                            .run({QStringLiteral("--url"),
                                  QStringLiteral("oracle://u:%1@h/d").arg(SentinelPassword),
                                  QStringLiteral("current")});
    CLI_EXPECT_EXIT(r, 1);
    expectNoSecret(r, {SentinelPassword});
}

// Issue 9, item 7: a password with raw URL characters is refused before connecting (no host
// taken from inside it, so no DNS lookup of "dor"), and no piece of it is printed.
void TestCliConnection::passwordNeedsEncoding_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");
    QTest::addColumn<QStringList>("fragments");
    QTest::newRow("@ and / in password")
        << QStringLiteral("postgresql://app:Tr0ub@dor/Secret99@127.0.0.1:5432/db")
        << QStringLiteral("postgresql://***@127.0.0.1:5432/db")
        << QStringList{QStringLiteral("Tr0ub"), QStringLiteral("dor"), QStringLiteral("Secret99")};
    QTest::newRow("every URL character")
        << QStringLiteral("postgresql://app:p@ss:w/rd%#?x&y=z@127.0.0.1:5432/db")
        << QStringLiteral("postgresql://***@127.0.0.1:5432/db")
        << QStringList{QStringLiteral("p@ss"), QStringLiteral("ss:w"),  QStringLiteral("w/rd"),
                       QStringLiteral("rd%"),  QStringLiteral("x&y=z"), QStringLiteral("y=z")};
    QTest::newRow("mysql, raw #") << QStringLiteral(
                                         "mysql+pymysql://root:Hash#Tag77@127.0.0.1:3306/app")
                                  << QStringLiteral("mysql+pymysql://***@127.0.0.1:3306/app")
                                  << QStringList{QStringLiteral("Hash"), QStringLiteral("Tag77")};
}

void TestCliConnection::passwordNeedsEncoding()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    QFETCH(QStringList, fragments);
    TempProject project(url);
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    for (const Binary binary : {Binary::Cli, Binary::Gui}) {
        const CliRunner cli(binary, project.root());
        for (const QStringList &args :
             {QStringList{QStringLiteral("status")}, QStringList{QStringLiteral("upgrade")},
              QStringList{QStringLiteral("--json"), QStringLiteral("upgrade")},
              QStringList{QStringLiteral("--url"), url, QStringLiteral("current")}}) {
            const CliResult r = cli.run(args);
            CLI_EXPECT_EXIT(r, 1);
            CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("must be percent-encoded"));
            CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("@ as %40"));
            CLI_EXPECT_CONTAINS(r, r.stderrText(), shown);
            CLI_EXPECT_NOT_CONTAINS(r, r.stderrText(), QStringLiteral("Cannot connect"));
            expectNoSecret(r, fragments);
            if (args.contains(QStringLiteral("--json")))
                QCOMPARE(r.json()
                             .value(QStringLiteral("error"))
                             .toObject()
                             .value(QStringLiteral("code"))
                             .toString(),
                         QStringLiteral("url"));
        }
    }
}

void TestCliConnection::wrongPassword_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("password");
    QTest::newRow("postgresql") << SqlDialect::Postgres << SentinelPassword;
    QTest::newRow("postgresql, special characters") << SqlDialect::Postgres << SpecialPassword;
    QTest::newRow("mariadb") << SqlDialect::MySql << SentinelPassword;
    QTest::newRow("mariadb, special characters") << SqlDialect::MySql << SpecialPassword;
}

void TestCliConnection::wrongPassword()
{
    QFETCH(QString, password);
    CLI_REQUIRE_DIALECT(db);
    const QString url = withPassword(db.url(), password);
    const QString encoded = QString::fromUtf8(QUrl::toPercentEncoding(password));
    TempProject project(url);
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliRunner cli(Binary::Cli, project.root());

    for (const QStringList &args :
         {QStringList{QStringLiteral("upgrade")},
          QStringList{QStringLiteral("--json"), QStringLiteral("upgrade")},
          QStringList{QStringLiteral("--json"), QStringLiteral("status")},
          QStringList{QStringLiteral("lock-status")}}) {
        const CliResult r = cli.run(args);
        CLI_EXPECT_EXIT(r, 1);
        CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Cannot connect"));
        CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("***"));
        expectNoSecret(r, {password, encoded});
        if (args.contains(QStringLiteral("--json"))) {
            QString why;
            const QJsonObject o = r.json(&why);
            QVERIFY2(!o.isEmpty(), qPrintable(why));
            QCOMPARE(o.value(QStringLiteral("error"))
                         .toObject()
                         .value(QStringLiteral("code"))
                         .toString(),
                     QStringLiteral("connection"));
        }
    }
    // Given with --url instead of env.py: the same.
    const CliResult r = CliRunner(Binary::Gui, project.root())
                            .run({QStringLiteral("--url"), url, QStringLiteral("current")});
    CLI_EXPECT_EXIT(r, 1);
    expectNoSecret(r, {password, encoded});
    QVERIFY(tableNames(db).isEmpty());
}

void TestCliConnection::placeholderPasswordKeepsServerMessage_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("serverSays");
    QTest::newRow("postgresql") << SqlDialect::Postgres
                                << QStringLiteral(
                                       "password authentication failed for user \"user\"");
    QTest::newRow("mariadb") << SqlDialect::MySql << QStringLiteral("(using password: YES)");
}

void TestCliConnection::placeholderPasswordKeepsServerMessage()
{
    // user:password, the old init placeholder, against a real server: the server's own words
    // (which contain "password") come through whole; only the URL's password is hidden.
    QFETCH(QString, serverSays);
    CLI_REQUIRE_DIALECT(db);
    QUrl url(db.url());
    url.setUserName(QStringLiteral("user"));
    url.setPassword(QStringLiteral("password"));
    TempProject project(url.toString());
    const CliResult r = CliRunner(Binary::Cli, project.root()).run({QStringLiteral("status")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), serverSays);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("://user:***@"));
    QVERIFY2(r.stderrText().count(QStringLiteral("***")) == 1, r.describe().constData());
}

void TestCliConnection::closedPort_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("postgresql")
        << QStringLiteral("postgresql://u:%1@127.0.0.1:1/db").arg(SentinelPassword);
    QTest::newRow("mariadb")
        << QStringLiteral("mysql+pymysql://u:%1@127.0.0.1:1/db").arg(SentinelPassword);
}

void TestCliConnection::closedPort()
{
    QFETCH(QString, url);
    TempProject project(url);
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliResult r =
        CliRunner(Binary::Cli, project.root()).run({QStringLiteral("upgrade")}, 30000);
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Cannot connect"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("127.0.0.1"));
    expectNoSecret(r, {SentinelPassword});
    QVERIFY2(r.elapsedMs < 15000, qPrintable(QString::number(r.elapsedMs)));
}

void TestCliConnection::silentServer_data()
{
    QTest::addColumn<QString>("scheme");
    QTest::addColumn<QString>("query");
    QTest::newRow("postgresql") << QStringLiteral("postgresql")
                                << QStringLiteral("?connect_timeout=2");
    QTest::newRow("mariadb") << QStringLiteral("mariadb") << QString();
}

void TestCliConnection::silentServer()
{
    // A host that takes the TCP connection and then never answers, like a firewalled or hung
    // server: the run must give up after the connect timeout, not hang. The listener is on
    // loopback (the kernel completes the handshake; nothing ever replies).
    QFETCH(QString, scheme);
    QFETCH(QString, query);
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost));
    TempProject project(QStringLiteral("%1://u:%2@127.0.0.1:%3/db%4")
                            .arg(scheme, SentinelPassword)
                            .arg(silent.serverPort())
                            .arg(query));
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("--json"), QStringLiteral("upgrade")}, 30000);
    QVERIFY2(r.finished, "did not finish within 30 s");
    QVERIFY2(r.elapsedMs < 15000, qPrintable(QString::number(r.elapsedMs)));
    CLI_EXPECT_EXIT(r, 1);
    const QJsonObject error = r.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("connection"));
    QVERIFY2(
        error.value(QStringLiteral("message")).toString().contains(QStringLiteral("127.0.0.1")),
        r.describe().constData());
    expectNoSecret(r, {SentinelPassword});
}

void TestCliConnection::noProject()
{
    QFETCH(Binary, binary);
    QTemporaryDir dir;
    const QString nested = dir.filePath(QStringLiteral("a/b"));
    QVERIFY(QDir().mkpath(nested));
    for (const QString &command :
         {QStringLiteral("upgrade"), QStringLiteral("status"), QStringLiteral("new")}) {
        const QStringList args =
            command == u"new" ? QStringList{command, QStringLiteral("x")} : QStringList{command};
        const CliResult r = CliRunner(binary, nested).run(args);
        CLI_EXPECT_EXIT(r, 1);
        CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("No Jetbase project found"));
        CLI_EXPECT_CONTAINS(r, r.stderrText(), nested);
        CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("init"));
    }
    QVERIFY(QDir(nested).isEmpty());
}

void TestCliConnection::jetbaseWithoutMigrations()
{
    QTemporaryDir dir;
    QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("jetbase"))));
    const CliResult r = CliRunner(Binary::Cli, dir.path()).run({QStringLiteral("status")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("has no migrations folder"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("init"));
}

void TestCliConnection::envPySyntaxError_data()
{
    QTest::addColumn<QByteArray>("envPy");
    QTest::addColumn<int>("line");
    QTest::newRow("bad def")
        << QByteArray("import os\n\nsqlalchemy_url = \"sqlite:///a.db\"\ndef broken(:\n    pass\n")
        << 4;
    QTest::newRow("unterminated string")
        << QByteArray("# config\nsqlalchemy_url = \"sqlite:///a.db\n") << 2;
    QTest::newRow("unclosed call")
        << QByteArray("import os\nsqlalchemy_url = os.getenv(\"DB\",\n") << 2;
}

void TestCliConnection::envPySyntaxError()
{
    QFETCH(QByteArray, envPy);
    QFETCH(int, line);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    QVERIFY(writeFile(project.jetbaseDir() + QStringLiteral("/env.py"), envPy));
    const QString where = project.jetbaseDir() + QStringLiteral("/env.py:") + QString::number(line);
    for (Binary binary : {Binary::Cli, Binary::Gui}) {
        const CliResult r = CliRunner(binary, project.root()).run({QStringLiteral("upgrade")});
        CLI_EXPECT_EXIT(r, 1);
        CLI_EXPECT_CONTAINS(r, r.stderrText(), where);
        CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("SyntaxError"));
    }
    const CliResult j = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("--json"), QStringLiteral("status")});
    CLI_EXPECT_EXIT(j, 1);
    const QJsonObject error = j.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("line")).toInt(), line);
    QVERIFY(error.value(QStringLiteral("file")).toString().endsWith(QStringLiteral("env.py")));
    QVERIFY(tableNames(db).isEmpty());
}

void TestCliConnection::envPyWithoutUrl()
{
    TempProject project; // empty env.py
    const CliResult r = CliRunner(Binary::Cli, project.root()).run({QStringLiteral("status")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("sqlalchemy_url"));
}

QTEST_GUILESS_MAIN(TestCliConnection)
#include "tst_cliconnection.moc"
