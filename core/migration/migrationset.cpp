#include "migrationset.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace tidemark {

namespace {

Result<Migration> readMigration(const QString &path, const QString &relativePath,
                                MigrationName name)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        Error e = Error::make(Error::Code::Io,
                              QStringLiteral("Cannot read the migration file: %1.").arg(file.errorString()));
        e.file = path;
        return e;
    }
    Result<MigrationText> text = parseMigrationText(file.readAll());
    if (!text) {
        Error e = text.error();
        e.file = path;
        return e;
    }
    Migration migration;
    migration.path = path;
    migration.relativePath = relativePath;
    migration.fileName = relativePath.section(u'/', -1);
    migration.name = std::move(name);
    migration.text = std::move(text).value();
    return migration;
}

} // namespace

const Migration *MigrationSet::findVersion(const Version &version) const
{
    const auto it = std::lower_bound(m_versioned.cbegin(), m_versioned.cend(), version,
                                     [](const Migration &m, const Version &v) { return m.version() < v; });
    if (it != m_versioned.cend() && it->version() == version)
        return &*it;
    return nullptr;
}

const Migration *MigrationSet::findFile(const QString &fileName) const
{
    const auto it = m_byFileName.constFind(fileName);
    if (it == m_byFileName.cend())
        return nullptr;
    qsizetype index = *it;
    if (index < m_versioned.size())
        return &m_versioned.at(index);
    index -= m_versioned.size();
    if (index < m_runsAlways.size())
        return &m_runsAlways.at(index);
    return &m_runsOnChange.at(index - m_runsAlways.size());
}

Result<MigrationSet> MigrationSet::scan(const QString &migrationsDir)
{
    // Absolute from here on: QDir::relativeFilePath misreads relative roots.
    const QDir root(QFileInfo(migrationsDir).absoluteFilePath());
    if (!root.exists()) {
        Error e = Error::make(Error::Code::Project,
                              QStringLiteral("The migrations folder does not exist."),
                              QStringLiteral("Create it, or run \"tidemark --cli init\"."));
        e.file = migrationsDir;
        return e;
    }
    // Sort the walk so that results never depend on the file system's order.
    QStringList relativePaths;
    QDirIterator it(root.absolutePath(), QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!isMigrationFileCandidate(it.fileName()))
            continue;
        const QString relative = root.relativeFilePath(path);
        // Hidden folders (.git and the like) are not part of the project.
        if (relative.startsWith(u'.') || relative.contains(u"/."))
            continue;
        relativePaths.append(relative);
    }
    relativePaths.sort();

    MigrationSet set;
    QHash<QString, QString> seenNames;
    for (const QString &relative : std::as_const(relativePaths)) {
        const QString fileName = relative.section(u'/', -1);
        Result<MigrationName> name = parseMigrationFileName(fileName);
        if (!name) {
            Error e = name.error();
            e.file = root.filePath(relative);
            return e;
        }
        if (const auto other = seenNames.constFind(fileName); other != seenNames.cend()) {
            Error e = Error::make(Error::Code::Duplicate,
                                  QStringLiteral("Two migration files have the same name: %1 and %2.")
                                      .arg(*other, relative),
                                  QStringLiteral("Only the base name is stored in the database; "
                                                 "rename one of them."));
            e.file = root.filePath(relative);
            return e;
        }
        seenNames.insert(fileName, relative);
        Result<Migration> migration = readMigration(root.filePath(relative), relative, name.value());
        if (!migration)
            return migration.error();
        switch (migration->kind()) {
        case MigrationKind::Versioned: set.m_versioned.append(std::move(migration).value()); break;
        case MigrationKind::RunsAlways: set.m_runsAlways.append(std::move(migration).value()); break;
        case MigrationKind::RunsOnChange: set.m_runsOnChange.append(std::move(migration).value()); break;
        }
    }

    std::stable_sort(set.m_versioned.begin(), set.m_versioned.end(),
                     [](const Migration &a, const Migration &b) { return a.version() < b.version(); });
    for (qsizetype i = 1; i < set.m_versioned.size(); ++i) {
        const Migration &a = set.m_versioned.at(i - 1);
        const Migration &b = set.m_versioned.at(i);
        if (a.version() == b.version()) {
            Error e = Error::make(
                Error::Code::Duplicate,
                QStringLiteral("Duplicate migration version: %1 (%2) and %3 (%4) have equal versions.")
                    .arg(a.relativePath, a.version().key(), b.relativePath, b.version().key()),
                QStringLiteral("Each file must have a unique version; rename one of them."));
            e.file = b.path;
            return e;
        }
    }
    qsizetype index = 0;
    for (const QList<Migration> *list : {&set.m_versioned, &set.m_runsAlways, &set.m_runsOnChange}) {
        for (const Migration &m : *list)
            set.m_byFileName.insert(m.fileName, index++);
    }
    return set;
}

} // namespace tidemark
