#include "desiredschemacache.h"

#include "common/usercache.h"
#include "db/connection.h"
#include "db/dialect.h"
#include "schema/schemaserialization.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tidemark {

namespace {

constexpr int KeptEntries = 16;

} // namespace

std::optional<DesiredSchemaCache> DesiredSchemaCache::forServer(const ConnectionSpec &server,
                                                                const QStringList &statements)
{
    if (qEnvironmentVariable("TIDEMARK_SCHEMA_CACHE") == u"off")
        return std::nullopt;
    const QString fingerprintSql = Dialect::create(server.dialect)->normalisationFingerprintSql();
    const QString folder = userCacheFolder(QStringLiteral("schemas"));
    if (fingerprintSql.isEmpty() || folder.isEmpty())
        return std::nullopt;
    Result<std::unique_ptr<Connection>> connection = Connection::open(server);
    if (!connection)
        return std::nullopt;
    Result<QVariant> fingerprint = (*connection)->scalar(fingerprintSql);
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
    if (!saveCacheFile(m_file, serializeSchema(schema)))
        return;
    const QFileInfo info(m_file);
    const QFileInfoList entries =
        QDir(info.absolutePath()).entryInfoList({QStringLiteral("*.bin")}, QDir::Files, QDir::Time);
    for (qsizetype i = KeptEntries; i < entries.size(); ++i)
        QFile::remove(entries.at(i).absoluteFilePath());
}

} // namespace tidemark
