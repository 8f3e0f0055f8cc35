#include "projectlocator.h"

#include "common/invocation.h"

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

// dir: where init should create the project; empty for the current folder.
QString initHint(const QString &dir)
{
    return QStringLiteral("Run \"%1\" to create jetbase/ and jetbase/migrations/ %2, or point "
                          "--project (or TIDEMARK_PROJECT) at an existing project.")
        .arg(cliCommand(dir.isEmpty() ? QStringLiteral("init") : QStringLiteral("init ") + dir),
             dir.isEmpty() ? QStringLiteral("in the current folder") : QStringLiteral("there"));
}

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
        const QString shown = QDir::toNativeSeparators(dir);
        if (!QFileInfo(dir).isDir())
            return Error::make(
                Error::Code::Project,
                QStringLiteral("The project folder %1 does not exist.").arg(shown),
                QStringLiteral("Check the path given to --project (or TIDEMARK_PROJECT); to "
                               "start a new project there, run \"%1\".")
                    .arg(cliCommand(QStringLiteral("init ") + shown)));
        return Error::make(Error::Code::Project,
                           QStringLiteral("No Jetbase project at %1: neither %1/migrations nor "
                                          "%1/jetbase/migrations exists.")
                               .arg(shown),
                           initHint(shown));
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
    return Error::make(Error::Code::Project, message, initHint(QString()));
}

} // namespace tidemark
