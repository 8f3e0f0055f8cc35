// init, new and the Snowflake key file: the core functions behind the commands that write files.
#include "db/databaseurl.h"
#include "engine/project.h"
#include "project/configuration.h"
#include "project/projectlocator.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tidemark;

class TestProjectFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initCreatesTemplate();
    void initKeepsExistingEnv();
    void newWritesEmptySections();
    void newRefuses_data();
    void newRefuses();
    void privateKeyFromPem();
};

static QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestProjectFiles::initCreatesTemplate()
{
    QTemporaryDir dir;
    Result<InitResult> result = initProject(dir.path());
    QVERIFY(result.ok());
    QVERIFY(result->envCreated);
    QVERIFY(QDir(dir.filePath("jetbase/migrations")).exists());
    const QByteArray text = readAll(dir.filePath("jetbase/env.py"));
    QVERIFY(text.startsWith("# Jetbase Configuration\n"
                            "# Update the sqlalchemy_url with your database connection string.\n"));
    // Nothing is set until the user uncomments a line: no placeholder can connect by accident.
    const Result<ProjectLocation> location = locateProject(dir.path(), dir.path());
    QVERIFY(location.ok());
    const Result<Configuration> config = loadConfiguration(*location, {}, {});
    QVERIFY2(config.ok(), config.ok() ? "" : qPrintable(config.error().fullText()));
    QVERIFY(!config->has("sqlalchemy_url"));
    // Every example, once uncommented, is a URL Tidemark accepts, one per supported database.
    QStringList schemes;
    for (const QByteArray &line : text.split('\n')) {
        if (!line.startsWith("# sqlalchemy_url = \""))
            continue;
        const QString url = QString::fromUtf8(line.mid(20).chopped(1));
        const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
        QVERIFY2(parsed.ok(), qPrintable(url));
        schemes << url.left(url.indexOf(u':'));
    }
    QCOMPARE(schemes,
             (QStringList{"sqlite", "postgresql", "mysql+pymysql", "snowflake", "databricks"}));
}

void TestProjectFiles::initKeepsExistingEnv()
{
    QTemporaryDir dir;
    QDir(dir.path()).mkpath("jetbase");
    QFile env(dir.filePath("jetbase/env.py"));
    QVERIFY(env.open(QIODevice::WriteOnly));
    env.write("sqlalchemy_url = \"sqlite:///mine.db\"\n");
    env.close();
    Result<InitResult> result = initProject(dir.path());
    QVERIFY(result.ok());
    QVERIFY(!result->envCreated);
    QCOMPARE(readAll(dir.filePath("jetbase/env.py")),
             QByteArray("sqlalchemy_url = \"sqlite:///mine.db\"\n"));
}

void TestProjectFiles::newWritesEmptySections()
{
    QTemporaryDir dir;
    QVERIFY(initProject(dir.path()).ok());
    ProjectLocation location{dir.filePath("jetbase"), dir.filePath("jetbase/migrations")};
    Result<QString> named = createMigrationFile(location, "add users table", "1_5");
    QVERIFY(named.ok());
    QCOMPARE(named.value(), QStringLiteral("V1_5__add_users_table.sql"));
    QCOMPARE(readAll(location.migrationsDir + "/V1_5__add_users_table.sql"),
             QByteArray("-- upgrade\n\n-- rollback\n"));
    Result<QString> timestamped = createMigrationFile(location, "later", {});
    QVERIFY(timestamped.ok());
    QVERIFY(QRegularExpression("^V\\d{8}\\.\\d{6}__later\\.sql$")
                .match(timestamped.value())
                .hasMatch());
}

void TestProjectFiles::newRefuses_data()
{
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("version");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("blank") << "   "
                           << "2"
                           << "blank";
    QTest::newRow("slash") << "a/b"
                           << "2"
                           << "path separator";
    QTest::newRow("backslash") << "a\\b"
                               << "2"
                               << "path separator";
    QTest::newRow("bad version") << "x"
                                 << "1-2"
                                 << "Invalid version";
    QTest::newRow("existing file") << "first"
                                   << "1"
                                   << "already";
    QTest::newRow("equal version") << "other"
                                   << "1.0"
                                   << "already used";
}

void TestProjectFiles::newRefuses()
{
    QFETCH(QString, description);
    QFETCH(QString, version);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QVERIFY(initProject(dir.path()).ok());
    ProjectLocation location{dir.filePath("jetbase"), dir.filePath("jetbase/migrations")};
    QVERIFY(createMigrationFile(location, "first", "1").ok());
    const QByteArray before = readAll(location.migrationsDir + "/V1__first.sql");
    Result<QString> refused = createMigrationFile(location, description, version);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(mentions), qPrintable(refused.error().message));
    QCOMPARE(QDir(location.migrationsDir).entryList(QDir::Files), QStringList{"V1__first.sql"});
    QCOMPARE(readAll(location.migrationsDir + "/V1__first.sql"), before);
}

void TestProjectFiles::privateKeyFromPem()
{
    QCOMPARE(privateKeyFile("/keys/rsa_key.p8").value(), QStringLiteral("/keys/rsa_key.p8"));
    const QString pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END "
                        "PRIVATE KEY-----\n";
    Result<QString> path = privateKeyFile(pem);
    QVERIFY(path.ok());
    QCOMPARE(readAll(path.value()), pem.toUtf8());
    QCOMPARE(QFile(path.value()).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
    QFile::remove(path.value());
}

QTEST_GUILESS_MAIN(TestProjectFiles)
#include "tst_projectfiles.moc"
