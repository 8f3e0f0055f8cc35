#include "testsupport.h"

#include "db/connection.h"
#include "db/databaseurl.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QUrl>

namespace tidemark::test {

std::unique_ptr<Connection> connectTo(const QString &url)
{
    Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    if (!parsed)
        qFatal("bad test URL: %s", qPrintable(parsed.error().message));
    Result<ConnectionSpec> spec = connectionSpecFor(parsed.value(), ConnectionSettings{});
    if (!spec)
        qFatal("bad test URL: %s", qPrintable(spec.error().message));
    Result<std::unique_ptr<Connection>> connection = Connection::open(spec.value());
    if (!connection)
        qFatal("cannot connect to the test server: %s", qPrintable(connection.error().fullText()));
    return std::move(connection).value();
}

namespace {

QString withDatabase(const QString &url, const QString &database)
{
    QUrl u(url);
    u.setPath(u'/' + database);
    return u.toString();
}

} // namespace

QString serverUrl(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Postgres:
        return qEnvironmentVariable("TIDEMARK_TEST_PG_URL");
    case SqlDialect::MySql:
        return qEnvironmentVariable("TIDEMARK_TEST_MARIADB_URL");
    default:
        return {};
    }
}

bool serversRequired()
{
    return qEnvironmentVariable("TIDEMARK_REQUIRE_SERVERS") == u"1";
}

ScratchDatabase::ScratchDatabase(SqlDialect dialect)
    : m_dialect(dialect)
{
    if (dialect == SqlDialect::Sqlite) {
        m_dir = std::make_unique<QTemporaryDir>();
        m_name = m_dir->filePath(QStringLiteral("test.db"));
        m_url = QStringLiteral("sqlite:///") + m_name;
        // An existing, empty database, as a user's would be: read-only commands refuse a file
        // that does not exist (tests of that use a path of their own).
        QFile(m_name).open(QIODevice::WriteOnly);
        return;
    }
    m_adminUrl = serverUrl(dialect);
    if (m_adminUrl.isEmpty())
        return;
    m_name = QStringLiteral("tmt_%1").arg(QRandomGenerator::global()->generate64(), 0, 36);
    auto admin = connectTo(m_adminUrl);
    Result<QSqlQuery> created = admin->exec(QStringLiteral("CREATE DATABASE %1").arg(m_name));
    if (!created)
        qFatal("cannot create the scratch database: %s", qPrintable(created.error().fullText()));
    m_url = withDatabase(m_adminUrl, m_name);
}

ScratchDatabase::~ScratchDatabase()
{
    if (m_dialect == SqlDialect::Sqlite || m_url.isEmpty())
        return;
    auto admin = connectTo(m_adminUrl);
    const QString sql = m_dialect == SqlDialect::Postgres
                            ? QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(m_name)
                            : QStringLiteral("DROP DATABASE IF EXISTS %1").arg(m_name);
    admin->exec(sql);
}

QStringList ScratchDatabase::query(const QString &sql) const
{
    auto connection = connectTo(m_url);
    Result<QSqlQuery> q = connection->exec(sql);
    if (!q)
        qFatal("test query failed: %s", qPrintable(q.error().fullText()));
    QStringList values;
    while (q->next())
        values.append(q->value(0).toString());
    return values;
}

bool ScratchDatabase::exec(const QString &sql, QString *errorText) const
{
    auto connection = connectTo(m_url);
    Result<QSqlQuery> q = connection->exec(sql);
    if (!q && errorText)
        *errorText = q.error().fullText();
    return q.ok();
}

QStringList tableNames(const ScratchDatabase &db)
{
    switch (db.dialect()) {
    case SqlDialect::Postgres:
        return db.query(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                       "table_schema = current_schema() ORDER BY table_name"));
    case SqlDialect::MySql:
        return db.query(QStringLiteral("SELECT table_name FROM information_schema.tables WHERE "
                                       "table_schema = DATABASE() ORDER BY table_name"));
    default:
        return db.query(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                       "name NOT LIKE 'sqlite_%' ORDER BY name"));
    }
}

bool ScratchDatabase::tableExists(const QString &table) const
{
    return connectTo(m_url)->tableExists(table);
}

TempProject::TempProject(const QString &url)
{
    QDir(m_dir.path()).mkpath(QStringLiteral("jetbase/migrations"));
    setUrl(url);
}

void TempProject::setUrl(const QString &url)
{
    QFile env(jetbaseDir() + QStringLiteral("/env.py"));
    if (!env.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write env.py");
    if (!url.isEmpty())
        env.write("sqlalchemy_url = \"" + url.toUtf8() + "\"\n");
}

QString TempProject::write(const QString &relativePath, const QByteArray &content) const
{
    const QString path = migrationsDir() + u'/' + relativePath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

bool TempProject::remove(const QString &relativePath) const
{
    return QFile::remove(migrationsDir() + u'/' + relativePath);
}

} // namespace tidemark::test
