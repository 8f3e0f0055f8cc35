#include "desiredschemacache.h"

#include "db/connection.h"
#include "schema/schemaserialization.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace tidemark {

namespace {

constexpr int KeptEntries = 16;

// What the server contributes to the normalised form besides the statements.
const char kFingerprintSql[] =
    "SELECT concat_ws('|', current_setting('server_version_num'), "
    "current_setting('search_path'), (SELECT datcollate || ' ' || datctype FROM pg_database "
    "WHERE datname = current_database()), (SELECT string_agg(extname || ' ' || extversion, ',' "
    "ORDER BY extname) FROM pg_extension))";

QString cacheFolder()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/tidemark/schemas");
}

} // namespace

std::optional<DesiredSchemaCache> DesiredSchemaCache::forServer(const ConnectionSpec &server,
                                                                const QStringList &statements)
{
    if (server.dialect != SqlDialect::Postgres ||
        qEnvironmentVariable("TIDEMARK_SCHEMA_CACHE") == u"off")
        return std::nullopt;
    const QString folder = cacheFolder();
    if (folder.isEmpty())
        return std::nullopt;
    Result<std::unique_ptr<Connection>> connection = Connection::open(server);
    if (!connection)
        return std::nullopt;
    Result<QVariant> fingerprint = (*connection)->scalar(QString::fromLatin1(kFingerprintSql));
    if (!fingerprint)
        return std::nullopt;

    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto add = [&hash](const QString &part) {
        hash.addData(part.toUtf8());
        hash.addData(QByteArrayView("\n\0\n", 3));
    };
    add(QStringLiteral("tidemark desired schema 1 " TIDEMARK_VERSION));
    add(server.host);
    add(QString::number(server.port));
    add(server.databaseName);
    add(server.user);
    add(server.schema);
    add(fingerprint->toString());
    for (const QString &statement : statements)
        add(statement);
    DesiredSchemaCache cache;
    cache.m_file =
        folder + u'/' + QString::fromLatin1(hash.result().toHex()) + QStringLiteral(".bin");
    return cache;
}

std::optional<Schema> DesiredSchemaCache::load() const
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return deserializeSchema(file.readAll());
}

void DesiredSchemaCache::save(const Schema &schema) const
{
    const QFileInfo info(m_file);
    if (!QDir().mkpath(info.absolutePath()))
        return;
    QSaveFile file(m_file);
    if (!file.open(QIODevice::WriteOnly))
        return;
    const QByteArray bytes = serializeSchema(schema);
    if (file.write(bytes) != bytes.size() || !file.commit())
        return;
    const QFileInfoList entries =
        QDir(info.absolutePath()).entryInfoList({QStringLiteral("*.bin")}, QDir::Files, QDir::Time);
    for (qsizetype i = KeptEntries; i < entries.size(); ++i)
        QFile::remove(entries.at(i).absoluteFilePath());
}

} // namespace tidemark
