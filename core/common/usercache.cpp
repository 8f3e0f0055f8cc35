#include "usercache.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace tidemark {

namespace {

constexpr QFileDevice::Permissions OwnerOnlyFolder =
    QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
constexpr QFileDevice::Permissions OwnerOnlyFile = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

QString cacheRoot()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    return base.isEmpty() ? QString() : base + QStringLiteral("/tidemark");
}

// The folder and those between it and the cache root, each owner-only.
bool makeOwnerOnly(const QString &folder)
{
    const QString root = cacheRoot();
    if (root.isEmpty() || !folder.startsWith(root) || !QDir().mkpath(QFileInfo(root).path()))
        return false;
    QString path = root;
    const QStringList below = folder.mid(root.size()).split(u'/', Qt::SkipEmptyParts);
    for (qsizetype i = -1; i < below.size(); ++i) {
        if (i >= 0)
            path += u'/' + below.at(i);
        if (QFileInfo::exists(path)) {
            QFile::setPermissions(path, OwnerOnlyFolder);
            continue;
        }
        if (!QDir().mkdir(path, OwnerOnlyFolder))
            return false;
    }
    return true;
}

} // namespace

QString userCacheFolder(const QString &kind)
{
    const QString root = cacheRoot();
    return root.isEmpty() ? QString() : root + u'/' + kind;
}

bool saveCacheFile(const QString &path, const QByteArray &bytes)
{
    if (!makeOwnerOnly(QFileInfo(path).absolutePath()))
        return false;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
        return false;
    return QFile::setPermissions(path, OwnerOnlyFile);
}

} // namespace tidemark
