#include "modelpaths.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

namespace tidemark {

using namespace Qt::StringLiterals;

namespace {

// Folders that hold other people's code or build output, never the project's models.
const QSet<QString> kSkippedFolders = {u".git"_s,         u"venv"_s,  u".venv"_s,
                                       u"node_modules"_s, u"build"_s, u"dist"_s,
                                       u"__pycache__"_s,  u".tox"_s,  u".nox"_s};

bool isModelFile(const QFileInfo &info)
{
    return info.isFile() && info.suffix() == u"py" && !info.fileName().startsWith(u'_');
}

// The *.py files of one folder that count as models, sorted by name.
QStringList modelFilesIn(const QString &folder)
{
    QStringList files;
    const QDir dir(folder);
    for (const QFileInfo &info : dir.entryInfoList({u"*.py"_s}, QDir::Files, QDir::Name)) {
        if (isModelFile(info))
            files.append(QDir::cleanPath(info.absoluteFilePath()));
    }
    return files;
}

// Depth-first over the project, by hand rather than with QDirIterator::Subdirectories, so that
// skipped folders (a virtualenv, node_modules) are never entered at all.
void discover(const QString &folder, QStringList *files)
{
    const QDir dir(folder);
    const QString name = dir.dirName();
    if (name == u"models" || name == u"model")
        files->append(modelFilesIn(folder));
    const QFileInfoList children =
        dir.entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name);
    for (const QFileInfo &child : children) {
        if (child.isSymLink() || kSkippedFolders.contains(child.fileName()))
            continue;
        discover(child.absoluteFilePath(), files);
    }
}

} // namespace

QString ModelFiles::displayList() const
{
    const QDir root(projectRoot);
    QStringList names;
    for (const QString &file : files) {
        const QString relative = root.relativeFilePath(file);
        names.append(relative.startsWith(u"../") ? file : relative);
    }
    return names.join(u", "_s);
}

Result<ModelFiles> findModelFiles(const ProjectLocation &project, const Configuration &config)
{
    ModelFiles found;
    found.projectRoot = QFileInfo(project.jetbaseDir).absolutePath();
    const QDir root(found.projectRoot);

    if (config.has(u"model_paths"_s)) {
        const ConfigValue entry = config.entry(u"model_paths"_s);
        found.configured = true;
        found.origin = u"model_paths from "_s + entry.source;
        if (entry.source.startsWith(u"environment JETBASE_MODELS"))
            found.origin = u"environment JETBASE_MODELS"_s;
        for (const QString &path : config.list(u"model_paths"_s)) {
            const QFileInfo info(root.absoluteFilePath(path));
            QStringList files;
            if (info.isDir())
                files = modelFilesIn(info.absoluteFilePath());
            else if (info.isFile())
                files = {QDir::cleanPath(info.absoluteFilePath())};
            if (!info.exists()) {
                Error e = Error::make(
                    Error::Code::Config,
                    QStringLiteral("The model file %1 (%2) does not exist; looked at %3.")
                        .arg(path, found.origin, QDir::cleanPath(info.absoluteFilePath())),
                    QStringLiteral("Relative model paths start at the project root %1 (the "
                                   "folder that holds jetbase/). Fix the path, or remove the "
                                   "setting to let Tidemark find models/ folders itself.")
                        .arg(found.projectRoot));
                return e;
            }
            for (const QString &file : std::as_const(files)) {
                if (!found.files.contains(file))
                    found.files.append(file);
            }
        }
        return found;
    }

    found.origin = u"auto-discovery of models/ and model/ folders"_s;
    discover(found.projectRoot, &found.files);
    found.files.sort();
    return found;
}

Error noModelsError(const ModelFiles &searched)
{
    const QString message =
        searched.configured
            ? QStringLiteral("No SQLAlchemy model files in %1: the paths name no *.py files.")
                  .arg(searched.origin)
            : QStringLiteral("No SQLAlchemy model files were found: no models/ or model/ folder "
                             "under %1 holds a *.py file.")
                  .arg(searched.projectRoot);
    return Error::make(
        Error::Code::Config, message,
        QStringLiteral("Point Tidemark at your models in one of these ways:\n"
                       "  - jetbase/env.py: model_paths = [\"models/user.py\", "
                       "\"models/post.py\"] (relative to the project root)\n"
                       "  - the environment: JETBASE_MODELS=models/user.py,models/post.py\n"
                       "  - put them in a models/ or model/ folder in the project, where "
                       "Tidemark finds them itself"));
}

} // namespace tidemark
