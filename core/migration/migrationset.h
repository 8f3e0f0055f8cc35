#pragma once

#include "common/result.h"
#include "migration/migrationname.h"
#include "migration/migrationtext.h"

#include <QHash>
#include <QList>
#include <QString>

namespace tidemark {

class ChecksumCache;

// One migration file, read and checksummed once.
struct Migration
{
    QString fileName;     // base name, as stored in the database
    QString path;         // absolute path
    QString relativePath; // below migrations/, for sorting RA/ROC files and for messages
    MigrationName name;
    MigrationText text;

    MigrationKind kind() const { return name.kind; }
    const Version &version() const { return name.version; }
    const QString &checksum() const { return text.checksum; }
    // "sub/V1__x.sql:3: message" for each of the text's warnings.
    QStringList warningLines() const;
};

// Something in the migrations folder that looks like a migration but is not read: a wrong-case
// extension, a space at the end of the name, a dangling or looping symbolic link, a folder that
// cannot be read (and may hide migrations).
struct IgnoredEntry
{
    QString relativePath; // below migrations/
    QString reason;       // "the extension must be lower-case .sql"
};

// Every migration file of a project: V files sorted by version, RA and ROC files by path.
class MigrationSet
{
public:
    const QList<Migration> &versioned() const { return m_versioned; }
    const QList<Migration> &runsAlways() const { return m_runsAlways; }
    const QList<Migration> &runsOnChange() const { return m_runsOnChange; }
    const QList<IgnoredEntry> &ignored() const { return m_ignored; }

    // The V file whose version compares equal to key, or nullptr.
    const Migration *findVersion(const Version &version) const;
    // Any file by base name, or nullptr.
    const Migration *findFile(const QString &fileName) const;
    qsizetype size() const
    {
        return m_versioned.size() + m_runsAlways.size() + m_runsOnChange.size();
    }

    // Scans migrationsDir recursively. Dotfiles, files not ending in .sql and symbolic links to
    // folders are skipped silently; near misses are listed in ignored(). An invalid name, two V
    // files with equal versions (1, 1.0, 01), two files with the same base name, a .sql entry
    // that is not a regular file (a FIFO, a device, a folder; symbolic links resolved), or a
    // file that is not UTF-8 is an error naming the file(s).
    // With a cache, a file whose stamp the cache remembers is not read: its Migration holds
    // the summary (text.sqlRead is false); the cache keeps what this scan saw (save it after).
    static Result<MigrationSet> scan(const QString &migrationsDir, ChecksumCache *cache = nullptr);

private:
    QList<Migration> m_versioned;
    QList<Migration> m_runsAlways;
    QList<Migration> m_runsOnChange;
    QList<IgnoredEntry> m_ignored;
    QHash<QString, qsizetype> m_byFileName; // index into the concatenation V, RA, ROC
};

} // namespace tidemark
