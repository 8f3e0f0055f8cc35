#include "project.h"

#include "migration/migrationname.h"
#include "migration/migrationset.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace tidemark {

namespace {

// Every example is commented out: a placeholder that could connect (a local server that happens
// to accept user/password) would run migrations against a database nobody chose.
const QByteArray EnvTemplate =
    "# Jetbase Configuration\n"
    "# Update the sqlalchemy_url with your database connection string.\n"
    "#\n"
    "# Uncomment one line and fill in your own values. The environment variable\n"
    "# JETBASE_SQLALCHEMY_URL and the command-line option --url override this file.\n"
    "# Percent-encode special characters in the password (@ as %40, / as %2F).\n"
    "#\n"
    "# SQLite (a path relative to this folder):\n"
    "# sqlalchemy_url = \"sqlite:///app.db\"\n"
    "# PostgreSQL:\n"
    "# sqlalchemy_url = \"postgresql://USER:PASSWORD@localhost:5432/DATABASE\"\n"
    "# MySQL or MariaDB:\n"
    "# sqlalchemy_url = \"mysql+pymysql://USER:PASSWORD@localhost:3306/DATABASE\"\n"
    "# Snowflake (through its ODBC driver):\n"
    "# sqlalchemy_url = \"snowflake://USER:PASSWORD@ACCOUNT/DATABASE/SCHEMA?warehouse=WAREHOUSE\"\n"
    "# Databricks (through the Simba Spark ODBC driver):\n"
    "# sqlalchemy_url = "
    "\"databricks://token:TOKEN@HOST?http_path=PATH&catalog=CATALOG&schema=SCHEMA\"\n";

Error ioError(const QString &what, const QString &path)
{
    Error e = Error::make(Error::Code::Io, what);
    e.file = path;
    return e;
}

} // namespace

Result<QString> privateKeyFile(const QString &key)
{
    if (!key.contains(u"-----BEGIN"))
        return key; // a path already
    // Jetbase takes the PEM text itself; the ODBC driver wants a file. One file per key, readable
    // by this user only, named by the key's hash so that repeated runs reuse it.
    const QByteArray pem = key.toUtf8();
    const QString name =
        QStringLiteral("tidemark-key-%1.p8")
            .arg(QString::fromLatin1(
                QCryptographicHash::hash(pem, QCryptographicHash::Sha256).toHex().left(16)));
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    const QString path = QDir(dir.isEmpty() ? QDir::tempPath() : dir).filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(pem) != pem.size())
        return ioError(
            QStringLiteral("Cannot write the Snowflake private key to a private file: %1")
                .arg(file.errorString()),
            path);
    return path;
}

Result<Project> Project::open(const ProjectOptions &options)
{
    Result<ProjectLocation> location = locateProject(options.projectDir, options.startDir);
    if (!location)
        return location.error();
    Result<Configuration> config =
        loadConfiguration(location.value(), options.environment, options.overrides);
    if (!config)
        return config.error();
    Project project;
    project.m_location = location.value();
    project.m_config = config.value();
    project.m_environment = options.environment;
    return project;
}

Project Project::withConnection(const ConnectionSpec &spec) const
{
    Project other = *this;
    other.m_connection = spec;
    return other;
}

Project Project::withMigrationsDir(const QString &dir) const
{
    Project other = *this;
    other.m_location.migrationsDir = dir;
    return other;
}

Result<ConnectionSpec> Project::connectionSpec() const
{
    if (m_connection)
        return *m_connection;
    Result<QString> url = requireUrl(m_config);
    if (!url)
        return url.error();
    Result<DatabaseUrl> parsed = parseDatabaseUrl(url.value());
    if (!parsed)
        return parsed.error();
    ConnectionSettings settings;
    settings.baseDir = m_location.jetbaseDir;
    settings.postgresSchema = m_config.string(QStringLiteral("postgres_schema"));
    settings.snowflakePrivateKeyPassword =
        m_config.string(QStringLiteral("snowflake_private_key_password"));
    const QString key = m_config.string(QStringLiteral("snowflake_private_key"));
    if (!key.isEmpty()) {
        Result<QString> keyFile = privateKeyFile(key);
        if (!keyFile)
            return keyFile.error();
        settings.snowflakePrivateKeyFile = keyFile.value();
    }
    return connectionSpecFor(parsed.value(), settings);
}

Result<RunLimits> Project::runLimits() const
{
    RunLimits limits;
    for (const auto &[key, target] :
         {std::pair{QStringLiteral("statement_timeout"), &limits.statementTimeout},
          std::pair{QStringLiteral("lock_wait_timeout"), &limits.lockWaitTimeout},
          std::pair{QStringLiteral("retry_on_lock_timeout"),
                    static_cast<std::optional<int> *>(nullptr)}}) {
        if (!m_config.has(key))
            continue;
        bool ok = false;
        const QString text = m_config.string(key).trimmed();
        const int value = text.toInt(&ok);
        if (!ok || value < 0)
            return Error::make(Error::Code::Config,
                               QStringLiteral("%1 must be a whole number of 0 or more, not \"%2\".")
                                   .arg(key, text),
                               QStringLiteral("Fix it in the configuration, or pass --%1.")
                                   .arg(QString(key).replace(u'_', u'-')));
        if (target)
            *target = value;
        else
            limits.retriesOnLockTimeout = value;
    }
    return limits;
}

int Project::lockTimeoutSeconds() const
{
    bool ok = false;
    const int seconds = m_config.string(QStringLiteral("lock_timeout")).toInt(&ok);
    return ok && seconds > 0 ? seconds : 0;
}

Result<InitResult> initProject(const QString &dir)
{
    InitResult result;
    result.jetbaseDir = QDir(dir).absoluteFilePath(QStringLiteral("jetbase"));
    if (!QDir().mkpath(result.jetbaseDir + QStringLiteral("/migrations")))
        return ioError(QStringLiteral("Cannot create the project folder."), result.jetbaseDir);
    const QString envPath = result.jetbaseDir + QStringLiteral("/env.py");
    if (!QFileInfo::exists(envPath)) {
        QFile env(envPath);
        if (!env.open(QIODevice::WriteOnly | QIODevice::NewOnly) || env.write(EnvTemplate) < 0)
            return ioError(QStringLiteral("Cannot write env.py: %1").arg(env.errorString()),
                           envPath);
        result.envCreated = true;
    }
    return result;
}

Result<QString> createMigrationFile(const ProjectLocation &project, const QString &description,
                                    const QString &version, const QString &text)
{
    if (description.trimmed().isEmpty())
        return Error::make(Error::Code::Usage,
                           QStringLiteral("The description must not be blank."));
    if (description.contains(u'/') || description.contains(u'\\'))
        return Error::make(
            Error::Code::Usage,
            QStringLiteral("The description must not contain a path separator: \"%1\".")
                .arg(description));
    QString raw = version;
    if (raw.isEmpty())
        raw = QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd.HHmmss"));
    if (!Version::isValidRaw(raw))
        return Error::make(Error::Code::Usage,
                           QStringLiteral("Invalid version \"%1\".").arg(version),
                           QStringLiteral("A version is digits separated by . or _, like 1, 1.2, "
                                          "1_2 or 20260204.120000."));
    const QString fileName = versionedFileName(raw, description);
    if (Result<MigrationName> name = parseMigrationFileName(fileName); !name)
        return name.error();
    if (Result<MigrationSet> existing = MigrationSet::scan(project.migrationsDir); existing.ok()) {
        if (const Migration *other =
                existing->findVersion(Version::fromKey(Version::keyFromRaw(raw))))
            return Error::make(
                Error::Code::Duplicate,
                QStringLiteral("Version %1 is already used by %2; nothing was written.")
                    .arg(raw, other->relativePath),
                QStringLiteral("Choose another version with -v, or leave it out to "
                               "use the current time."));
    }
    const QString path = project.migrationsDir + u'/' + fileName;
    if (QFileInfo::exists(path))
        return ioError(QStringLiteral("The migration file %1 already exists; nothing was written.")
                           .arg(fileName),
                       path);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly) ||
        file.write(text.isEmpty() ? QByteArray("-- upgrade\n\n-- rollback\n") : text.toUtf8()) < 0)
        return ioError(
            QStringLiteral("Cannot write the migration file: %1").arg(file.errorString()), path);
    return fileName;
}

} // namespace tidemark
