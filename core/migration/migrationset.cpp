#include "migrationset.h"

#include "common/heaptuning.h"
#include "common/invocation.h"
#include "migration/checksumcache.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

namespace tidemark {

QStringList Migration::warningLines() const
{
    QStringList lines;
    for (const TextWarning &w : text.warnings)
        lines.append(QStringLiteral("%1:%2: %3").arg(relativePath).arg(w.line).arg(w.message));
    return lines;
}

namespace {

Migration migrationOf(const QString &path, const QString &relativePath, MigrationName name,
                      MigrationText text)
{
    Migration migration;
    migration.path = path;
    migration.relativePath = relativePath;
    migration.fileName = relativePath.section(u'/', -1);
    migration.name = std::move(name);
    migration.text = std::move(text);
    return migration;
}

QString fromPath(const std::filesystem::path &path)
{
    return QString::fromStdString(path.string());
}

// A name that is almost a migration file's: "V8__x.SQL", "V9__y.sql ". Empty: not a near miss.
QString nearMissReason(const QString &name)
{
    if (name.endsWith(u".sql", Qt::CaseInsensitive))
        return QStringLiteral("the extension must be lower-case .sql");
    if (name.trimmed().endsWith(u".sql", Qt::CaseInsensitive))
        return QStringLiteral("the name ends with white space after .sql");
    return {};
}

// Walks the folder tree below root (symbolic links to folders are not followed, as in Jetbase):
// the .sql files to read, by path relative to root, and the near misses.
Status walk(const QString &root, QStringList &relativePaths, QList<IgnoredEntry> &ignored)
{
    namespace fs = std::filesystem;
    const fs::path rootPath = root.toStdString();
    std::vector<fs::path> folders{rootPath};
    while (!folders.empty()) {
        const fs::path folder = folders.back();
        folders.pop_back();
        const QString folderRelative = fromPath(folder.lexically_relative(rootPath));
        const auto relativeOf = [&](const QString &name) {
            return folderRelative == u"." ? name : folderRelative + u'/' + name;
        };
        std::error_code error;
        fs::directory_iterator it(folder, error);
        if (error) {
            ignored.append({folderRelative + u'/',
                            QStringLiteral("the folder cannot be read (%1); migrations in it "
                                           "would be missed")
                                .arg(QString::fromStdString(error.message()))});
            continue;
        }
        for (; it != fs::directory_iterator(); it.increment(error)) {
            const fs::directory_entry &entry = *it;
            const QString name = fromPath(entry.path().filename());
            if (name.startsWith(u'.')) // hidden: .git and the like are not part of the project
                continue;
            // The entry's own type comes from the folder listing (no stat), where the file
            // system gives it.
            std::error_code typeError;
            const bool link = entry.is_symlink(typeError);
            if (!link && entry.is_directory(typeError)) {
                folders.push_back(entry.path());
                continue;
            }
            const bool candidate = name.endsWith(u".sql");
            if (!candidate) {
                if (const QString reason = nearMissReason(name); !reason.isEmpty())
                    ignored.append({relativeOf(name), reason});
                continue;
            }
            if (!link && entry.is_regular_file(typeError)) {
                relativePaths.append(relativeOf(name));
                continue;
            }
            std::error_code targetError;
            const fs::file_status target = fs::status(entry.path(), targetError);
            if (link && targetError) {
                ignored.append({relativeOf(name),
                                targetError == std::errc::too_many_symbolic_link_levels
                                    ? QStringLiteral("the symbolic link loops")
                                    : QStringLiteral("the symbolic link points to nothing (%1)")
                                          .arg(QString::fromStdString(targetError.message()))});
                continue;
            }
            if (fs::is_regular_file(target)) {
                relativePaths.append(relativeOf(name));
                continue;
            }
            if (fs::is_directory(target)) // a symbolic link to a folder named *.sql
                continue;
            Error e = Error::make(
                Error::Code::Io,
                QStringLiteral("%1 is not a regular file (%2); Tidemark reads only regular "
                               "files as migrations.")
                    .arg(relativeOf(name),
                         fs::is_fifo(target)             ? QStringLiteral("a named pipe")
                         : fs::is_character_file(target) ? QStringLiteral("a character device")
                         : fs::is_block_file(target)     ? QStringLiteral("a block device")
                         : fs::is_socket(target)         ? QStringLiteral("a socket")
                                                         : QStringLiteral("not a file")),
                QStringLiteral("Remove it from the migrations folder, or replace it with the "
                               "migration's file."));
            e.file = fromPath(entry.path());
            return e;
        }
        if (error)
            ignored.append({folderRelative + u'/',
                            QStringLiteral("the folder could not be read to its end (%1)")
                                .arg(QString::fromStdString(error.message()))});
    }
    return {};
}

} // namespace

const Migration *MigrationSet::findVersion(const Version &version) const
{
    const auto it =
        std::lower_bound(m_versioned.cbegin(), m_versioned.cend(), version,
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

Result<MigrationSet> MigrationSet::scan(const QString &migrationsDir, ChecksumCache *cache)
{
    // Absolute from here on: QDir::relativeFilePath misreads relative roots.
    const QDir root(QFileInfo(migrationsDir).absoluteFilePath());
    if (!root.exists()) {
        Error e = Error::make(
            Error::Code::Project, QStringLiteral("The migrations folder does not exist."),
            QStringLiteral("Create it, or run \"%1\".").arg(cliCommand(QStringLiteral("init"))));
        e.file = migrationsDir;
        return e;
    }
    // Sort the walk so that results never depend on the file system's order.
    QStringList relativePaths;
    QList<IgnoredEntry> ignored;
    if (Status walked = walk(root.absolutePath(), relativePaths, ignored); !walked)
        return walked.error();
    relativePaths.sort();

    // Names first, in path order, so that the first bad name is the one reported.
    QList<MigrationName> names;
    names.reserve(relativePaths.size());
    QHash<QString, QString> seenNames;
    seenNames.reserve(relativePaths.size());
    for (const QString &relative : std::as_const(relativePaths)) {
        const QString fileName = relative.section(u'/', -1);
        Result<MigrationName> name = parseMigrationFileName(fileName);
        if (!name) {
            Error e = name.error();
            e.file = root.filePath(relative);
            return e;
        }
        if (const auto other = seenNames.constFind(fileName); other != seenNames.cend()) {
            Error e =
                Error::make(Error::Code::Duplicate,
                            QStringLiteral("Two migration files have the same name: %1 and %2.")
                                .arg(*other, relative),
                            QStringLiteral("Only the base name is stored in the database; "
                                           "rename one of them."));
            e.file = root.filePath(relative);
            return e;
        }
        seenNames.insert(fileName, relative);
        names.append(name.value());
    }

    // Each file's place in the set, known from its name: V files by version (equal versions
    // keep path order and are reported below), RA and ROC files in path order. The workers
    // build each Migration in its place, so the (large) values are never moved or sorted.
    MigrationSet set;
    const size_t count = size_t(relativePaths.size());
    std::vector<qsizetype> byVersion;
    byVersion.reserve(count);
    qsizetype runsAlways = 0;
    qsizetype runsOnChange = 0;
    for (qsizetype i = 0; i < names.size(); ++i) {
        switch (names.at(i).kind) {
        case MigrationKind::Versioned:
            byVersion.push_back(i);
            break;
        case MigrationKind::RunsAlways:
            ++runsAlways;
            break;
        case MigrationKind::RunsOnChange:
            ++runsOnChange;
            break;
        }
    }
    std::stable_sort(byVersion.begin(), byVersion.end(), [&](qsizetype a, qsizetype b) {
        return names.at(a).version < names.at(b).version;
    });
    set.m_versioned.resize(qsizetype(byVersion.size()));
    set.m_runsAlways.resize(runsAlways);
    set.m_runsOnChange.resize(runsOnChange);
    std::vector<Migration *> places(count);
    for (size_t k = 0; k < byVersion.size(); ++k)
        places[size_t(byVersion[k])] = set.m_versioned.data() + k;
    Migration *nextRunsAlways = set.m_runsAlways.data();
    Migration *nextRunsOnChange = set.m_runsOnChange.data();
    for (qsizetype i = 0; i < names.size(); ++i) {
        if (names.at(i).kind == MigrationKind::RunsAlways)
            places[size_t(i)] = nextRunsAlways++;
        else if (names.at(i).kind == MigrationKind::RunsOnChange)
            places[size_t(i)] = nextRunsOnChange++;
    }

    // Reading, decoding and checksumming is most of the work on a large project: spread it over
    // the cores. Each worker fills its own places and notes its own failures; nothing is shared
    // but the read-only inputs.
    const size_t workers =
        count < 64 ? 1 : std::clamp<size_t>(std::thread::hardware_concurrency(), 1, 8);
    std::vector<FileStamp> stamps(cache ? count : 0);
    std::vector<std::optional<std::pair<size_t, Error>>> firstFailures(workers);
    const auto work = [&](size_t begin, size_t step) {
        for (size_t i = begin; i < count; i += step) {
            const auto at = qsizetype(i);
            const QString path = root.filePath(relativePaths.at(at));
            if (cache) {
                // Stamp first, then read: a write in between gives a stamp that the next scan
                // does not find again.
                stamps[i] = FileStamp::of(path);
                if (std::optional<MigrationText> summary =
                        cache->find(relativePaths.at(at), stamps[i])) {
                    *places[i] =
                        migrationOf(path, relativePaths.at(at), names.at(at), std::move(*summary));
                    continue;
                }
            }
            Result<MigrationText> text = readMigrationTextFile(path);
            if (!text) {
                // A worker's files come in path order: its first failure is its earliest.
                firstFailures[begin] = std::pair(i, text.error());
                return;
            }
            *places[i] =
                migrationOf(path, relativePaths.at(at), names.at(at), std::move(text).value());
        }
    };
    std::vector<std::thread> threads;
    for (size_t w = 1; w < workers; ++w) {
        threads.emplace_back([&work, w, workers] {
            adviseLargePagesForThisThread();
            work(w, workers);
        });
    }
    work(0, workers);
    for (std::thread &t : threads)
        t.join();
    // The first failing file in path order is the one reported, whichever worker read it.
    const std::optional<std::pair<size_t, Error>> *firstFailure = nullptr;
    for (const auto &failure : firstFailures) {
        if (failure && (!firstFailure || failure->first < (*firstFailure)->first))
            firstFailure = &failure;
    }
    if (firstFailure)
        return (*firstFailure)->second;
    if (cache) {
        const qint64 nowNs = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
        for (size_t i = 0; i < count; ++i)
            cache->keep(places[i]->relativePath, stamps[i], places[i]->text, nowNs);
    }

    std::sort(ignored.begin(), ignored.end(), [](const IgnoredEntry &a, const IgnoredEntry &b) {
        return a.relativePath < b.relativePath;
    });
    set.m_ignored = std::move(ignored);
    for (qsizetype i = 1; i < set.m_versioned.size(); ++i) {
        const Migration &a = set.m_versioned.at(i - 1);
        const Migration &b = set.m_versioned.at(i);
        if (a.version() == b.version()) {
            Error e = Error::make(
                Error::Code::Duplicate,
                QStringLiteral(
                    "Duplicate migration version: %1 (%2) and %3 (%4) have equal versions.")
                    .arg(a.relativePath, a.version().key(), b.relativePath, b.version().key()),
                QStringLiteral("Each file must have a unique version; rename one of them."));
            e.file = b.path;
            return e;
        }
    }
    set.m_byFileName.reserve(set.size());
    qsizetype index = 0;
    for (const QList<Migration> *list :
         {&set.m_versioned, &set.m_runsAlways, &set.m_runsOnChange}) {
        for (const Migration &m : *list)
            set.m_byFileName.insert(m.fileName, index++);
    }
    return set;
}

} // namespace tidemark
