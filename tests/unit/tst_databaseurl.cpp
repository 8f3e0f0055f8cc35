#include "common/redaction.h"
#include "db/databaseurl.h"

#include <QDir>
#include <QTest>

using namespace tidemark;

class TestDatabaseUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data();
    void parse();
    void query();
    void sqlite_data();
    void sqlite();
    void unsupported_data();
    void unsupported();
    void malformedNeverShowsPassword_data();
    void malformedNeverShowsPassword();
    void credentialsNeedEncoding_data();
    void credentialsNeedEncoding();
    void redact_data();
    void redact();
    void redactSecretsInText_data();
    void redactSecretsInText();
    void splitAndJoinPassword_data();
    void splitAndJoinPassword();
    void postgresSpec_data();
    void postgresSpec();
    void postgresOptionWithSemicolon();
    void timeoutOutOfRange_data();
    void timeoutOutOfRange();
    void mysqlSpec_data();
    void mysqlSpec();
    void snowflakeSpec_data();
    void snowflakeSpec();
    void snowflakeWithoutKey();
    void databricksSpec_data();
    void databricksSpec();
    void databricksNeedsHttpPath();
};

void TestDatabaseUrl::parse_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("backend");
    QTest::addColumn<QString>("driver");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("database");

    QTest::newRow("postgresql") << "postgresql://u:p@db.example.com:5433/app"
                                << "postgresql"
                                << ""
                                << "u"
                                << "p"
                                << "db.example.com" << 5433 << "app";
    QTest::newRow("postgres alias") << "postgres://u:p@h/app"
                                    << "postgresql"
                                    << ""
                                    << "u"
                                    << "p"
                                    << "h" << -1 << "app";
    for (const char *driver : {"psycopg2", "psycopg", "asyncpg", "pg8000"})
        QTest::addRow("postgresql+%s", driver)
            << QStringLiteral("postgresql+%1://u:p@h:5432/app").arg(QLatin1String(driver))
            << "postgresql" << driver << "u"
            << "p"
            << "h" << 5432 << "app";
    for (const char *driver : {"pymysql", "mysqldb", "mysqlconnector", "aiomysql", "asyncmy"})
        QTest::addRow("mysql+%s", driver)
            << QStringLiteral("mysql+%1://root:pw@127.0.0.1:3306/shop").arg(QLatin1String(driver))
            << "mysql" << driver << "root"
            << "pw"
            << "127.0.0.1" << 3306 << "shop";
    QTest::newRow("mariadb") << "mariadb+mariadbconnector://a:b@m/x"
                             << "mariadb"
                             << "mariadbconnector"
                             << "a"
                             << "b"
                             << "m" << -1 << "x";
    QTest::newRow("snowflake") << "snowflake://me:pw@acme-xy123/DB/PUBLIC?warehouse=WH"
                               << "snowflake"
                               << ""
                               << "me"
                               << "pw"
                               << "acme-xy123" << -1 << "DB/PUBLIC";
    QTest::newRow("databricks")
        << "databricks://token:dapi123@adb-1.azuredatabricks.net?http_path=/sql/1"
        << "databricks"
        << ""
        << "token"
        << "dapi123"
        << "adb-1.azuredatabricks.net" << -1 << "";
    QTest::newRow("upper-case scheme") << "PostgreSQL://u@h/d"
                                       << "postgresql"
                                       << ""
                                       << "u"
                                       << ""
                                       << "h" << -1 << "d";
    QTest::newRow("no credentials") << "postgresql://localhost/app"
                                    << "postgresql"
                                    << ""
                                    << ""
                                    << ""
                                    << "localhost" << -1 << "app";
    QTest::newRow("user only") << "postgresql://alice@localhost/app"
                               << "postgresql"
                               << ""
                               << "alice"
                               << ""
                               << "localhost" << -1 << "app";
    QTest::newRow("empty host (socket)") << "postgresql:///app"
                                         << "postgresql"
                                         << ""
                                         << ""
                                         << ""
                                         << "" << -1 << "app";
    QTest::newRow("percent-encoded password")
        << "postgresql://us%40er:p%40ss%3Aw%2Fo%25rd@h:1/d%20b"
        << "postgresql"
        << ""
        << "us@er"
        << "p@ss:w/o%rd"
        << "h" << 1 << "d b";
    QTest::newRow("raw : in password") << "postgresql://u:p:w@h/d"
                                       << "postgresql"
                                       << ""
                                       << "u"
                                       << "p:w"
                                       << "h" << -1 << "d";
    QTest::newRow("raw @ in user (Azure)") << "postgresql://admin@srv:pw@srv.example:5432/d"
                                           << "postgresql"
                                           << ""
                                           << "admin@srv"
                                           << "pw"
                                           << "srv.example" << 5432 << "d";
    QTest::newRow("encoded / ? # % in password") << "postgresql://u:a%2Fb%3Fc%23d%25e@h/d"
                                                 << "postgresql"
                                                 << ""
                                                 << "u"
                                                 << "a/b?c#d%e"
                                                 << "h" << -1 << "d";
    QTest::newRow("encoded @ in query with port") << "postgresql://h:5432/d?application_name=a%40b"
                                                  << "postgresql"
                                                  << ""
                                                  << ""
                                                  << ""
                                                  << "h" << 5432 << "d";
    QTest::newRow("utf-8 password") << "postgresql://u:%C3%A9t%C3%A9@h/d"
                                    << "postgresql"
                                    << ""
                                    << "u" << QString::fromUtf8("été") << "h" << -1 << "d";
    QTest::newRow("ipv6") << "postgresql://u:p@[::1]:5432/d"
                          << "postgresql"
                          << ""
                          << "u"
                          << "p"
                          << "::1" << 5432 << "d";
    QTest::newRow("ipv6 no port") << "mysql://u:p@[2001:db8::7]/d"
                                  << "mysql"
                                  << ""
                                  << "u"
                                  << "p"
                                  << "2001:db8::7" << -1 << "d";
    QTest::newRow("@ in query is not user info") << "postgresql://h/d?application_name=a@b"
                                                 << "postgresql"
                                                 << ""
                                                 << ""
                                                 << ""
                                                 << "h" << -1 << "d";
    QTest::newRow("whitespace trimmed") << "  sqlite:///a.db \n"
                                        << "sqlite"
                                        << ""
                                        << ""
                                        << ""
                                        << "" << -1 << "a.db";
}

void TestDatabaseUrl::parse()
{
    QFETCH(QString, url);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().fullText()));
    QTEST(parsed->backend, "backend");
    QTEST(parsed->driver, "driver");
    QTEST(parsed->user, "user");
    QTEST(parsed->password, "password");
    QTEST(parsed->host, "host");
    QTEST(parsed->port, "port");
    QTEST(parsed->database, "database");
}

void TestDatabaseUrl::query()
{
    const Result<DatabaseUrl> url = parseDatabaseUrl(
        "postgresql://u@h/d?sslmode=require&application_name=my+app%21&flag&x=a%26b");
    QVERIFY(url.ok());
    QCOMPARE(url->query.size(), 4);
    QCOMPARE(url->queryValue("sslmode"), "require");
    QCOMPARE(url->queryValue("application_name"), "my app!");
    QCOMPARE(url->queryValue("flag"), "");
    QCOMPARE(url->queryValue("x"), "a&b");
    QCOMPARE(url->queryValue("missing"), "");
}

void TestDatabaseUrl::sqlite_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("database");     // DatabaseUrl::database
    QTest::addColumn<QString>("databaseName"); // ConnectionSpec::databaseName
    QTest::addColumn<QString>("connectOptions");

    const QString base = QStringLiteral("/projects/app/jetbase");
    QTest::newRow("relative") << "sqlite:///app.db"
                              << "app.db" << base + "/app.db"
                              << "";
    QTest::newRow("relative subfolder") << "sqlite:///data/../db/app.db"
                                        << "data/../db/app.db" << base + "/db/app.db"
                                        << "";
    QTest::newRow("absolute") << "sqlite:////var/lib/x.db"
                              << "/var/lib/x.db"
                              << "/var/lib/x.db"
                              << "";
    QTest::newRow("memory") << "sqlite:///:memory:"
                            << ":memory:"
                            << ":memory:"
                            << "";
    QTest::newRow("empty is memory") << "sqlite://"
                                     << ""
                                     << ":memory:"
                                     << "";
    QTest::newRow("pysqlite") << "sqlite+pysqlite:///a.db"
                              << "a.db" << base + "/a.db"
                              << "";
    QTest::newRow("aiosqlite") << "sqlite+aiosqlite:///a.db"
                               << "a.db" << base + "/a.db"
                               << "";
    QTest::newRow("percent-encoded") << "sqlite:///my%20db.sqlite"
                                     << "my db.sqlite" << base + "/my db.sqlite"
                                     << "";
    QTest::newRow("@ in path") << "sqlite:///at@home.db"
                               << "at@home.db" << base + "/at@home.db"
                               << "";
    QTest::newRow("timeout") << "sqlite:///a.db?timeout=2"
                             << "a.db" << base + "/a.db"
                             << "QSQLITE_BUSY_TIMEOUT=2000";
    QTest::newRow("uri") << "sqlite:///file:a.db?mode=ro&uri=true"
                         << "file:a.db"
                         << "file:a.db"
                         << "QSQLITE_OPEN_URI";
}

void TestDatabaseUrl::sqlite()
{
    QFETCH(QString, url);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY2(parsed.ok(), qPrintable(parsed.error().fullText()));
    QCOMPARE(parsed->backend, "sqlite");
    QTEST(parsed->database, "database");
    ConnectionSettings settings;
    settings.baseDir = "/projects/app/jetbase";
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, settings);
    QVERIFY2(spec.ok(), qPrintable(spec.error().fullText()));
    QCOMPARE(spec->dialect, SqlDialect::Sqlite);
    QCOMPARE(spec->qtDriver, "QSQLITE");
    QTEST(spec->databaseName, "databaseName");
    QTEST(spec->connectOptions, "connectOptions");
    QVERIFY(spec->host.isEmpty());
    QVERIFY(spec->displayUrl.startsWith("sqlite"));
}

void TestDatabaseUrl::unsupported_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("scheme");
    QTest::newRow("oracle") << "oracle://scott:tiger@h/orcl"
                            << "oracle";
    QTest::newRow("oracle+driver") << "oracle+cx_oracle://scott:tiger@h/orcl"
                                   << "oracle";
    QTest::newRow("mssql") << "mssql+pyodbc://u:tiger@dsn"
                           << "mssql";
    QTest::newRow("clickhouse") << "clickhouse://u:tiger@h/db"
                                << "clickhouse";
}

void TestDatabaseUrl::unsupported()
{
    QFETCH(QString, url);
    QFETCH(QString, scheme);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, Error::Code::Url);
    QCOMPARE(parsed.error().message,
             QStringLiteral("Unsupported database URL scheme \"%1\". Supported: sqlite, "
                            "postgresql, mysql, mariadb, snowflake, databricks.")
                 .arg(scheme));
    QVERIFY(!parsed.error().fullText().contains("tiger"));
}

void TestDatabaseUrl::malformedNeverShowsPassword_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("no scheme") << "user:S3cretPw@localhost/db";
    QTest::newRow("bad scheme chars") << "post gres://u:S3cretPw@h/db";
    QTest::newRow("missing @host") << "postgresql://user:S3cretPw";
    QTest::newRow("bad port") << "postgresql://u:S3cretPw@h:99999/db";
    QTest::newRow("port text") << "postgresql://u:S3cretPw@h:abc/db";
    QTest::newRow("unclosed ipv6") << "postgresql://u:S3cretPw@[::1/db";
    QTest::newRow("sqlite with host") << "sqlite://u:S3cretPw@h/x.db";
    QTest::newRow("digits and slash") << "postgresql://u:12/S3cretPw@h/db";
    QTest::newRow("slash in user") << "postgresql://a/b:S3cretPw@h/db";
    QTest::newRow("sqlalchemy quirk") << "postgresql://h:5432/d?x=S3cretPw@b";
    QTest::newRow("unsupported") << "oracle://u:S3cretPw@h/db";
    QTest::newRow("bad timeout") << "postgresql://u:S3cretPw@h/db?connect_timeout=x";
    QTest::newRow("databricks without http_path") << "databricks://token:S3cretPw@h";
}

void TestDatabaseUrl::malformedNeverShowsPassword()
{
    QFETCH(QString, url);
    QVERIFY(!redactUrl(url).contains("S3cretPw"));
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    if (!parsed.ok()) {
        QVERIFY(!parsed.error().fullText().contains("S3cretPw"));
        return;
    }
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, {});
    if (spec.ok())
        QVERIFY(!spec->displayUrl.contains("S3cretPw"));
    else
        QVERIFY(!spec.error().fullText().contains("S3cretPw"));
}

void TestDatabaseUrl::credentialsNeedEncoding_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("shown");         // the URL as the error shows it
    QTest::addColumn<QStringList>("fragments"); // none of these may appear anywhere
    // Issue 9, item 7: SQLAlchemy would take "dor" for the host and print the rest.
    QTest::newRow("@ and / in password")
        << "postgresql://app:Tr0ub@dor/Secret99@127.0.0.1:5432/db"
        << "postgresql://***@127.0.0.1:5432/db" << QStringList{"Tr0ub", "dor", "Secret99"};
    QTest::newRow("every URL character in password")
        << "postgresql://app:p@ss:w/rd%#?x&y=z@127.0.0.1:5432/db"
        << "postgresql://***@127.0.0.1:5432/db"
        << QStringList{"p@ss", "ss:w", "w/rd", "rd%", "x&y=z", "y=z"};
    QTest::newRow("raw @") << "mysql+pymysql://root:a1b2@c3d4@localhost:3306/app"
                           << "mysql+pymysql://***@localhost:3306/app"
                           << QStringList{"a1b2", "c3d4"};
    QTest::newRow("raw /") << "postgresql://u:pa/ss99@h/d"
                           << "postgresql://***@h/d" << QStringList{"pa/", "ss99"};
    QTest::newRow("raw / then digits") << "postgresql://u:12/3456@h/d"
                                       << "postgresql://***@h/d" << QStringList{"12/", "3456"};
    QTest::newRow("raw #") << "postgresql://u:pa#ss99@h/d"
                           << "postgresql://***@h/d" << QStringList{"pa#", "ss99"};
    QTest::newRow("raw ?") << "postgresql+psycopg2://u:pa?ss99@h/d"
                           << "postgresql+psycopg2://***@h/d" << QStringList{"pa?", "ss99"};
    QTest::newRow("% without hex digits") << "postgresql://u:100%sure@h/d"
                                          << "postgresql://***@h/d" << QStringList{"100", "sure"};
    QTest::newRow("% at the end") << "postgresql://u:abc9%@h/d"
                                  << "postgresql://***@h/d" << QStringList{"abc9"};
    QTest::newRow("@ in the query after a password")
        << "postgresql://u:pw99@h/d?application_name=a@b"
        << "postgresql://***@b" << QStringList{"pw99"};
    QTest::newRow("bad % in user") << "postgresql://us%er@h/d"
                                   << "postgresql://***@h/d" << QStringList{};
    QTest::newRow("no scheme") << "app:Tr0ub@dor/Secret99@127.0.0.1/db"
                               << "***@127.0.0.1/db" << QStringList{"Tr0ub", "dor", "Secret99"};
}

void TestDatabaseUrl::credentialsNeedEncoding()
{
    QFETCH(QString, url);
    QFETCH(QString, shown);
    QFETCH(QStringList, fragments);
    QCOMPARE(redactUrl(url), shown);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, Error::Code::Url);
    const QString text = parsed.error().fullText();
    if (url.contains(u"://")) {
        QVERIFY2(text.contains("must be percent-encoded"), qPrintable(text));
        QVERIFY2(text.contains("@ as %40"), qPrintable(text));
        QVERIFY2(text.contains(u'(' + shown + u')'), qPrintable(text));
    }
    for (const QString &fragment : fragments) {
        QVERIFY2(!text.contains(fragment), qPrintable(fragment + u": " + text));
        QVERIFY2(!splitUrlPassword(url).url.contains(fragment), qPrintable(fragment));
    }
}

void TestDatabaseUrl::redact_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("password") << "postgresql://u:secret@h:5432/d"
                              << "postgresql://u:***@h:5432/d";
    QTest::newRow("no password") << "postgresql://u@h/d"
                                 << "postgresql://u@h/d";
    QTest::newRow("sqlite") << "sqlite:///a.db"
                            << "sqlite:///a.db";
    QTest::newRow("raw @: all user info hidden") << "mysql://u:p@ss@h/d"
                                                 << "mysql://***@h/d";
    QTest::newRow("encoded") << "mysql://u:p%40ss@h/d"
                             << "mysql://u:***@h/d";
    QTest::newRow("databricks token") << "databricks://token:dapiXYZ@h?http_path=/p"
                                      << "databricks://token:***@h?http_path=/p";
    QTest::newRow("query password") << "postgresql://h/d?user=u&password=secret&sslmode=require"
                                    << "postgresql://h/d?user=u&password=***&sslmode=require";
    QTest::newRow("query pwd and token") << "snowflake://u@acct/db?PWD=x1&token=x2&role=R"
                                         << "snowflake://u@acct/db?PWD=***&token=***&role=R";
    QTest::newRow("ipv6 kept") << "postgresql://u:pw@[::1]:5432/d"
                               << "postgresql://u:***@[::1]:5432/d";
    QTest::newRow("missing host") << "postgresql://user:secret"
                                  << "postgresql://user:***";
    QTest::newRow("numeric port kept") << "postgresql://h:5432/d"
                                       << "postgresql://h:5432/d";
    QTest::newRow("raw ? in password") << "postgresql://u:p?w@h/d"
                                       << "postgresql://***@h/d";
    QTest::newRow("raw @ in user kept") << "postgresql://admin@srv:pw@h/d"
                                        << "postgresql://admin@srv:***@h/d";
}

void TestDatabaseUrl::redact()
{
    QFETCH(QString, url);
    QTEST(redactUrl(url), "expected");
}

void TestDatabaseUrl::redactSecretsInText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("expected");
    // The placeholder password is also a word in the server's message: the message stays whole.
    QTest::newRow("common word in a server message")
        << "FATAL:  password authentication failed for user \"user\""
        << "password"
        << "FATAL:  password authentication failed for user \"user\"";
    QTest::newRow("MariaDB message") << "Access denied for user 'user'@'localhost' (using "
                                        "password: YES)"
                                     << "password"
                                     << "Access denied for user 'user'@'localhost' (using "
                                        "password: YES)";
    QTest::newRow("URL in a message") << "could not open postgresql://app:s3cret@h/d: refused"
                                      << "s3cret"
                                      << "could not open postgresql://app:***@h/d: refused";
    QTest::newRow("URL with another password") << "see mysql://root:other@db/x"
                                               << "s3cret"
                                               << "see mysql://root:***@db/x";
    QTest::newRow("raw @ in a URL password") << "bad postgresql://u:p@ss@h/d"
                                             << "p@ss"
                                             << "bad postgresql://u:***@h/d";
    QTest::newRow("connection string") << "invalid dsn: host=h password=s3cret dbname=d"
                                       << "s3cret"
                                       << "invalid dsn: host=h password=*** dbname=d";
    QTest::newRow("ODBC keys") << "DRIVER={x};UID=u;PWD={s3;cret};SERVER=h"
                               << "s3;cret"
                               << "DRIVER={x};UID=u;PWD=***;SERVER=h";
    QTest::newRow("quoted value") << "password='two words'"
                                  << "two words"
                                  << "password=***";
    QTest::newRow("host string without scheme") << "connecting to app:s3cret@db.example"
                                                << "s3cret"
                                                << "connecting to app:***@db.example";
    QTest::newRow("nothing secret") << "syntax error at or near \"passwrd\""
                                    << "s3cret"
                                    << "syntax error at or near \"passwrd\"";
}

void TestDatabaseUrl::redactSecretsInText()
{
    QFETCH(QString, text);
    QFETCH(QString, password);
    QTEST(tidemark::redactSecretsInText(text, password), "expected");
}

void TestDatabaseUrl::splitAndJoinPassword_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("user");
    QTest::newRow("plain") << "postgresql://app:s3cret@db.example:5432/shop"
                           << "postgresql://app@db.example:5432/shop"
                           << "s3cret"
                           << "app";
    // Azure style: the user name holds a raw '@'; the password follows the whole user name.
    QTest::newRow("raw @ in user") << "postgresql://admin@srv:pw@srv.example:5432/db"
                                   << "postgresql://admin@srv@srv.example:5432/db"
                                   << "pw"
                                   << "admin@srv";
    QTest::newRow("raw @ in user, no port") << "mysql://admin@srv:pw@host/db"
                                            << "mysql://admin@srv@host/db"
                                            << "pw"
                                            << "admin@srv";
    QTest::newRow("encoded @ and : in password")
        << "postgresql+psycopg2://app:p%40ss%3Aw@host/db?sslmode=require"
        << "postgresql+psycopg2://app@host/db?sslmode=require"
        << "p@ss:w"
        << "app";
    QTest::newRow("no password") << "mariadb://app@localhost/app"
                                 << "mariadb://app@localhost/app"
                                 << ""
                                 << "app";
    QTest::newRow("no user") << "postgresql://localhost:5432/app"
                             << "postgresql://localhost:5432/app"
                             << ""
                             << "";
    QTest::newRow("no user, a password") << "postgresql://:pw@localhost:5432/app"
                                         << "postgresql://localhost:5432/app"
                                         << "pw"
                                         << "";
    QTest::newRow("sqlite") << "sqlite:///data/app.db"
                            << "sqlite:///data/app.db"
                            << ""
                            << "";
}

void TestDatabaseUrl::splitAndJoinPassword()
{
    QFETCH(QString, typed);
    QFETCH(QString, url);
    QFETCH(QString, password);
    QFETCH(QString, user);
    const UrlPassword split = splitUrlPassword(typed);
    QCOMPARE(split.url, url);
    QCOMPARE(split.password, password);
    // Put back (also a password full of URL syntax), the parser reads the same user and password.
    for (const QString &secret : {password, QStringLiteral("n@w:p/w?x#y%z")}) {
        const QString joined = joinUrlPassword(split.url, secret);
        if (secret.isEmpty())
            QCOMPARE(joined, split.url);
        Result<DatabaseUrl> parsed = parseDatabaseUrl(joined);
        QVERIFY2(parsed.ok(), qPrintable(parsed ? QString() : parsed.error().fullText()));
        QCOMPARE(parsed->password, secret);
        QCOMPARE(parsed->user, user);
        QCOMPARE(parsed->database, parseDatabaseUrl(typed)->database);
        QCOMPARE(parsed->host, parseDatabaseUrl(typed)->host);
        QCOMPARE(splitUrlPassword(joined).url, split.url);
    }
}

void TestDatabaseUrl::postgresSpec_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("connectOptions");
    QTest::addColumn<int>("timeout");
    QTest::newRow("defaults") << "postgresql://u:p%3Bw@db:5433/app"
                              << "connect_timeout=7" << 7;
    QTest::newRow("pass-through")
        << "postgresql+psycopg2://u:p@db/"
           "app?sslmode=verify-full&application_name=tide&connect_timeout=3&foo=bar"
        << "sslmode=verify-full;application_name=tide;connect_timeout=3" << 3;
    QTest::newRow("quoted value") << "postgresql://u@db/app?application_name=my+app"
                                  << "application_name='my app';connect_timeout=7" << 7;
    QTest::newRow("quote escaped") << "postgresql://u@db/app?application_name=it%27s"
                                   << "application_name='it\\'s';connect_timeout=7" << 7;
}

void TestDatabaseUrl::postgresSpec()
{
    QFETCH(QString, url);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY(parsed.ok());
    ConnectionSettings settings;
    settings.postgresSchema = "tenant_a";
    settings.connectTimeoutSeconds = 7;
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, settings);
    QVERIFY2(spec.ok(), qPrintable(spec.error().fullText()));
    QCOMPARE(spec->dialect, SqlDialect::Postgres);
    QCOMPARE(spec->qtDriver, "QPSQL");
    QCOMPARE(spec->host, "db");
    QCOMPARE(spec->databaseName, "app");
    QCOMPARE(spec->user, "u");
    QCOMPARE(spec->schema, "tenant_a");
    QTEST(spec->connectOptions, "connectOptions");
    QTEST(spec->connectTimeoutSeconds, "timeout");
    QVERIFY(spec->password.isEmpty() || !spec->displayUrl.contains(":" + spec->password + "@"));
    if (url.startsWith("postgresql://u:p%3Bw")) {
        QCOMPARE(spec->password, "p;w");
        QCOMPARE(spec->port, 5433);
        QCOMPARE(spec->displayUrl, "postgresql://u:***@db:5433/app");
    }
}

void TestDatabaseUrl::postgresOptionWithSemicolon()
{
    const Result<DatabaseUrl> parsed = parseDatabaseUrl("postgresql://h/d?application_name=a%3Bb");
    QVERIFY(parsed.ok());
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, {});
    QVERIFY(!spec.ok());
    QCOMPARE(spec.error().code, Error::Code::Url);
}

void TestDatabaseUrl::timeoutOutOfRange_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    // 1e30 seconds overflowed the int (undefined behaviour, found by fuzzing), as did nan.
    QTest::newRow("1e30") << "mysql://u@h/d?read_timeout=1e30" << false;
    QTest::newRow("nan") << "postgresql://u@h/d?connect_timeout=nan" << false;
    QTest::newRow("inf") << "postgresql://u@h/d?connect_timeout=inf" << false;
    QTest::newRow("negative") << "mariadb://u@h/d?write_timeout=-1" << false;
    QTest::newRow("sqlite ms overflow") << "sqlite:///a.db?timeout=3000000" << false;
    QTest::newRow("a week") << "sqlite:///a.db?timeout=604800" << true;
    QTest::newRow("fraction") << "postgresql://u@h/d?connect_timeout=0.5" << true;
}

void TestDatabaseUrl::timeoutOutOfRange()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY(parsed.ok());
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, {});
    QCOMPARE(spec.ok(), ok);
    if (!ok) {
        QCOMPARE(spec.error().code, Error::Code::Url);
        QVERIFY2(spec.error().message.contains("between 0 and 604800"),
                 qPrintable(spec.error().message));
    }
}

void TestDatabaseUrl::mysqlSpec_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("connectOptions");
    QTest::newRow("defaults") << "mysql+pymysql://root:pw@127.0.0.1:3306/shop"
                              << "MYSQL_OPT_CONNECT_TIMEOUT=10";
    QTest::newRow("charset accepted, not passed") << "mysql://root:pw@h/shop?charset=utf8mb4"
                                                  << "MYSQL_OPT_CONNECT_TIMEOUT=10";
    QTest::newRow("timeouts")
        << "mariadb://root:pw@h/shop?connect_timeout=4&read_timeout=30&write_timeout=31"
        << "MYSQL_OPT_CONNECT_TIMEOUT=4;MYSQL_OPT_READ_TIMEOUT=30;"
           "MYSQL_OPT_WRITE_TIMEOUT=31";
    QTest::newRow("ssl and socket")
        << "mysql://root:pw@h/shop?ssl_ca=/etc/ca.pem&unix_socket=/run/mysqld/mysqld.sock"
        << "MYSQL_OPT_CONNECT_TIMEOUT=10;SSL_CA=/etc/ca.pem;UNIX_SOCKET=/run/mysqld/mysqld.sock";
}

void TestDatabaseUrl::mysqlSpec()
{
    QFETCH(QString, url);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY(parsed.ok());
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, {});
    QVERIFY2(spec.ok(), qPrintable(spec.error().fullText()));
    QCOMPARE(spec->dialect, SqlDialect::MySql);
    QCOMPARE(spec->qtDriver, "QMARIADB");
    QCOMPARE(spec->databaseName, "shop");
    QCOMPARE(spec->user, "root");
    QCOMPARE(spec->password, "pw");
    QTEST(spec->connectOptions, "connectOptions");
    QVERIFY(!spec->displayUrl.contains(":pw@"));
}

void TestDatabaseUrl::snowflakeSpec_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("keyFile");
    QTest::addColumn<QString>("keyPassword");
    QTest::addColumn<QString>("expected");
    QTest::newRow("password")
        << "snowflake://me:pw@acme-xy123/SALES/PUBLIC?warehouse=WH&role=DEV"
        << ""
        << ""
        << "Driver={SnowflakeDSIIDriver};Server=acme-xy123.snowflakecomputing.com;"
           "Database=SALES;Schema=PUBLIC;Warehouse=WH;Role=DEV;UID=me;PWD=pw";
    QTest::newRow("full host kept") << "snowflake://me:pw@acme.eu-west-1.snowflakecomputing.com/DB"
                                    << ""
                                    << ""
                                    << "Driver={SnowflakeDSIIDriver};"
                                       "Server=acme.eu-west-1.snowflakecomputing.com;Database=DB;"
                                       "UID=me;PWD=pw";
    QTest::newRow("escaped password") << "snowflake://me:p%3Bw%7Dd@acct/DB/S"
                                      << ""
                                      << ""
                                      << "Driver={SnowflakeDSIIDriver};"
                                         "Server=acct.snowflakecomputing.com;Database=DB;"
                                         "Schema=S;UID=me;PWD={p;w}}d}";
    QTest::newRow("key pair") << "snowflake://me@acct/DB/S?warehouse=WH"
                              << "/keys/rsa key.p8"
                              << ""
                              << "Driver={SnowflakeDSIIDriver};Server=acct.snowflakecomputing.com;"
                                 "Database=DB;Schema=S;Warehouse=WH;UID=me;"
                                 "Authenticator=SNOWFLAKE_JWT;PRIV_KEY_FILE=/keys/rsa key.p8";
    QTest::newRow("key pair with passphrase")
        << "snowflake://me@acct/DB/S"
        << "/keys/k;1.p8"
        << "pass;phrase"
        << "Driver={SnowflakeDSIIDriver};Server=acct.snowflakecomputing.com;Database=DB;"
           "Schema=S;UID=me;Authenticator=SNOWFLAKE_JWT;PRIV_KEY_FILE={/keys/k;1.p8};"
           "PRIV_KEY_FILE_PWD={pass;phrase}";
}

void TestDatabaseUrl::snowflakeSpec()
{
    QFETCH(QString, url);
    QFETCH(QString, keyFile);
    QFETCH(QString, keyPassword);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY(parsed.ok());
    ConnectionSettings settings;
    settings.snowflakePrivateKeyFile = keyFile;
    settings.snowflakePrivateKeyPassword = keyPassword;
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, settings);
    QVERIFY2(spec.ok(), qPrintable(spec.error().fullText()));
    QCOMPARE(spec->dialect, SqlDialect::Snowflake);
    QCOMPARE(spec->qtDriver, "QODBC");
    QTEST(spec->databaseName, "expected");
    // The credentials are in the connection string only; Qt would append these unescaped.
    QVERIFY(spec->user.isEmpty() && spec->password.isEmpty() && spec->host.isEmpty());
    QVERIFY(!spec->displayUrl.contains(":pw@"));
}

void TestDatabaseUrl::snowflakeWithoutKey()
{
    const Result<ConnectionSpec> spec =
        connectionSpecFor(*parseDatabaseUrl("snowflake://me@acct/DB/S"), {});
    QVERIFY(!spec.ok());
    QVERIFY(spec.error().fullText().contains("JETBASE_SNOWFLAKE_PRIVATE_KEY"));
}

void TestDatabaseUrl::databricksSpec_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("catalog and schema")
        << "databricks://token:dapi123@adb-1.azuredatabricks.net?http_path=/sql/1.0/warehouses/ab"
           "&catalog=main&schema=ops"
        << "Driver=Simba Spark ODBC Driver;Host=adb-1.azuredatabricks.net;Port=443;"
           "HTTPPath=/sql/1.0/warehouses/ab;SSL=1;ThriftTransport=2;AuthMech=3;UID=token;"
           "PWD=dapi123;Catalog=main;Schema=ops";
    QTest::newRow("port and escaped token")
        << "databricks://token:a%7Db%3Bc@h:8443?http_path=/p"
        << "Driver=Simba Spark ODBC Driver;Host=h;Port=8443;HTTPPath=/p;SSL=1;ThriftTransport=2;"
           "AuthMech=3;UID=token;PWD={a}}b;c}";
}

void TestDatabaseUrl::databricksSpec()
{
    QFETCH(QString, url);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    QVERIFY(parsed.ok());
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, {});
    QVERIFY2(spec.ok(), qPrintable(spec.error().fullText()));
    QCOMPARE(spec->dialect, SqlDialect::Databricks);
    QCOMPARE(spec->qtDriver, "QODBC");
    QTEST(spec->databaseName, "expected");
    QVERIFY(spec->displayUrl.startsWith("databricks://token:***@"));
    QVERIFY(!spec->displayUrl.contains(parsed->password));
}

void TestDatabaseUrl::databricksNeedsHttpPath()
{
    const Result<ConnectionSpec> spec =
        connectionSpecFor(*parseDatabaseUrl("databricks://token:t@h"), {});
    QVERIFY(!spec.ok());
    QCOMPARE(spec.error().code, Error::Code::Url);
    QVERIFY(spec.error().fullText().contains("http_path"));
}

QTEST_GUILESS_MAIN(TestDatabaseUrl)
#include "tst_databaseurl.moc"
