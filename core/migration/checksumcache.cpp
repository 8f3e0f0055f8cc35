#include "checksumcache.h"

#include "common/usercache.h"

#include <QCryptographicHash>
#include <QDataStream>
#include <QFile>
#include <QFileInfo>

#ifdef Q_OS_LINUX
#include <sys/stat.h>
#endif

namespace tidemark {

namespace {

constexpr quint32 Magic = 0x544d434b; // "TMCK"
constexpr quint32 Format = 1;
// A file written this close to the scan is not remembered: a second write in the same clock
// tick would leave its timestamps as they are.
constexpr qint64 RecentNs = 2'000'000'000;

// ~/.cache/tidemark/checksums/<hash of the folder's path>.bin; empty without a cache folder.
QString cacheFileOf(const QString &migrationsDir)
{
    const QString folderOfCaches = userCacheFolder(QStringLiteral("checksums"));
    if (folderOfCaches.isEmpty())
        return {};
    const QFileInfo folder(migrationsDir);
    const QString path = folder.exists() ? folder.canonicalFilePath() : folder.absoluteFilePath();
    const QByteArray key =
        QCryptographicHash::hash(path.toUtf8(), QCryptographicHash::Sha256).toHex().left(32);
    return folderOfCaches + u'/' + QString::fromLatin1(key) + QStringLiteral(".bin");
}

void write(QDataStream &out, const std::optional<int> &value)
{
    out << value.has_value() << qint32(value.value_or(0));
}

void read(QDataStream &in, std::optional<int> &value)
{
    bool has = false;
    qint32 number = 0;
    in >> has >> number;
    value = has ? std::optional<int>(number) : std::nullopt;
}

void write(QDataStream &out, const FileStamp &s)
{
    out << s.size << s.modifiedNs << s.changedNs << s.inode << s.device;
}

void read(QDataStream &in, FileStamp &s)
{
    in >> s.size >> s.modifiedNs >> s.changedNs >> s.inode >> s.device;
}

void write(QDataStream &out, const MigrationText &t)
{
    out << t.delimiter << qint32(t.upgradeFirstLine) << qint32(t.rollbackFirstLine) << t.checksum;
    const FileDirectives &d = t.directives;
    out << d.transaction << qint32(d.transactionLine);
    write(out, d.statementTimeoutSeconds);
    write(out, d.lockWaitTimeoutSeconds);
    out << qint32(d.errorLine) << d.error << qint32(t.warnings.size());
    for (const TextWarning &w : t.warnings)
        out << qint32(w.line) << w.message;
}

void read(QDataStream &in, MigrationText &t)
{
    qint32 upgradeLine = 0, rollbackLine = 0, transactionLine = 0, errorLine = 0, warnings = 0;
    in >> t.delimiter >> upgradeLine >> rollbackLine >> t.checksum;
    FileDirectives &d = t.directives;
    in >> d.transaction >> transactionLine;
    read(in, d.statementTimeoutSeconds);
    read(in, d.lockWaitTimeoutSeconds);
    in >> errorLine >> d.error >> warnings;
    t.upgradeFirstLine = upgradeLine;
    t.rollbackFirstLine = rollbackLine;
    d.transactionLine = transactionLine;
    d.errorLine = errorLine;
    for (qint32 i = 0; i < warnings && in.status() == QDataStream::Ok; ++i) {
        TextWarning w;
        qint32 line = 0;
        in >> line >> w.message;
        w.line = line;
        t.warnings.append(w);
    }
    t.sqlRead = false;
}

} // namespace

FileStamp FileStamp::of(const QString &path)
{
    FileStamp stamp;
#ifdef Q_OS_LINUX
    struct stat st;
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return stamp;
    stamp.size = st.st_size;
    stamp.modifiedNs = qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
    stamp.changedNs = qint64(st.st_ctim.tv_sec) * 1'000'000'000 + st.st_ctim.tv_nsec;
    stamp.inode = st.st_ino;
    stamp.device = st.st_dev;
#else
    Q_UNUSED(path);
#endif
    return stamp;
}

ChecksumCache ChecksumCache::load(const QString &migrationsDir)
{
    ChecksumCache cache;
    cache.m_file = cacheFileOf(migrationsDir);
    QFile file(cache.m_file);
    if (cache.m_file.isEmpty() || !file.open(QIODevice::ReadOnly))
        return cache;
    QDataStream in(&file);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0, format = 0, count = 0;
    QString version;
    in >> magic >> format >> version >> count;
    // Another version may split files differently: its summaries are not ours.
    if (in.status() != QDataStream::Ok || magic != Magic || format != Format ||
        version != QStringLiteral(TIDEMARK_VERSION))
        return cache;
    cache.m_loaded.reserve(count);
    for (quint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        QString path;
        Entry entry;
        in >> path;
        read(in, entry.stamp);
        read(in, entry.summary);
        cache.m_loaded.insert(path, std::move(entry));
    }
    if (in.status() != QDataStream::Ok) // truncated or damaged: trust none of it
        cache.m_loaded.clear();
    return cache;
}

std::optional<MigrationText> ChecksumCache::find(const QString &relativePath,
                                                 const FileStamp &stamp) const
{
    const auto it = m_loaded.constFind(relativePath);
    if (!stamp.isValid() || it == m_loaded.cend() || !(it->stamp == stamp))
        return std::nullopt;
    return it->summary;
}

void ChecksumCache::keep(const QString &relativePath, const FileStamp &stamp,
                         const MigrationText &text, qint64 nowNs)
{
    if (!text.sqlRead) { // from find(): the loaded entry, as it is
        m_keptLoaded.append(relativePath);
        return;
    }
    if (!stamp.isValid() || std::max(stamp.modifiedNs, stamp.changedNs) > nowNs - RecentNs)
        return;
    m_keptRead.append({relativePath, Entry{stamp, summaryOf(text)}});
}

void ChecksumCache::save() const
{
    if (m_file.isEmpty())
        return;
    if (m_keptRead.isEmpty() && m_keptLoaded.size() == m_loaded.size())
        return; // every file came from the cache, and none went away
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << Magic << Format << QStringLiteral(TIDEMARK_VERSION)
        << quint32(m_keptLoaded.size() + m_keptRead.size());
    const auto writeEntry = [&out](const QString &path, const Entry &entry) {
        out << path;
        write(out, entry.stamp);
        write(out, entry.summary);
    };
    for (const QString &path : m_keptLoaded)
        writeEntry(path, m_loaded.value(path));
    for (const auto &[path, entry] : m_keptRead)
        writeEntry(path, entry);
    if (out.status() == QDataStream::Ok)
        saveCacheFile(m_file, bytes);
}

MigrationText ChecksumCache::summaryOf(const MigrationText &text)
{
    MigrationText summary = text;
    summary.upgradeSql.clear();
    summary.rollbackSql.clear();
    summary.jetbaseUpgradeStatements.clear();
    summary.sqlRead = false;
    return summary;
}

} // namespace tidemark
