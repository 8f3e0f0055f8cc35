#include "projectlocator.h"

#include <QDir>
#include <QFileInfo>

namespace tidemark {

namespace {

const QString kJetbase = QStringLiteral("jetbase");
const QString kMigrations = QStringLiteral("migrations");

bool hasMigrations(const QString &dir)
{
    return QFileInfo(dir + u'/' + kMigrations).isDir();
}

ProjectLocation locationOf(const QString &jetbaseDir)
{
    const QString clean = QDir::cleanPath(QDir(jetbaseDir).absolutePath());
    return {clean, clean + u'/' + kMigrations};
}

const QString kInitHint = QStringLiteral(
    "Run \"tidemark --cli init\" to create jetbase/ and jetbase/migrations/ here, or point "
    "--project (or TIDEMARK_PROJECT) at an existing project.");

} // namespace

Result<ProjectLocation> locateProject(const QString &explicitDir, const QString &startDir)
{
    const QDir start(startDir.isEmpty() ? QDir::currentPath() : startDir);

    if (!explicitDir.isEmpty()) {
        // Relative to the start folder, as a command-line path is relative to the cwd.
        const QString dir = QDir::cleanPath(start.absoluteFilePath(explicitDir));
        if (QFileInfo(dir).fileName() == kJetbase && hasMigrations(dir))
            return locationOf(dir);
        if (hasMigrations(dir + u'/' + kJetbase))
            return locationOf(dir + u'/' + kJetbase);
        // Explicitly named, so the folder name is not insisted on.
        if (hasMigrations(dir))
            return locationOf(dir);
        Error e = Error::make(Error::Code::Project,
                              QStringLiteral("No Jetbase project at %1: neither %1/migrations nor "
                                             "%1/jetbase/migrations exists.")
                                  .arg(QDir::toNativeSeparators(dir)),
                              kInitHint);
        if (!QFileInfo(dir).isDir())
            e.message = QStringLiteral("The project folder %1 does not exist.")
                            .arg(QDir::toNativeSeparators(dir));
        return e;
    }

    // Walk up to the root. A folder without migrations/ is not a project, even when named
    // jetbase; it is remembered so the error can say why it was passed over.
    QStringList withoutMigrations;
    QDir dir(QDir::cleanPath(start.absolutePath()));
    const QString first = dir.absolutePath();
    while (true) {
        const QString path = dir.absolutePath();
        if (dir.dirName() == kJetbase) {
            if (hasMigrations(path))
                return locationOf(path);
            withoutMigrations << path;
        }
        const QString child = dir.absoluteFilePath(kJetbase);
        if (QFileInfo(child).isDir()) {
            if (hasMigrations(child))
                return locationOf(child);
            withoutMigrations << child;
        }
        if (!dir.cdUp())
            break;
    }

    QString message = QStringLiteral("No Jetbase project found: looked for a \"jetbase\" folder "
                                     "containing \"migrations\" in %1 and every folder above it.")
                          .arg(QDir::toNativeSeparators(first));
    if (!withoutMigrations.isEmpty())
        message += QStringLiteral(" %1 has no migrations folder.")
                       .arg(QDir::toNativeSeparators(withoutMigrations.first()));
    return Error::make(Error::Code::Project, message, kInitHint);
}

} // namespace tidemark
