#pragma once

#include "common/result.h"
#include "migration/migrationname.h"
#include "migration/migrationtext.h"

#include <QHash>
#include <QList>
#include <QString>

namespace tidemark {

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
};

// Every migration file of a project: V files sorted by version, RA and ROC files by path.
class MigrationSet
{
public:
    const QList<Migration> &versioned() const { return m_versioned; }
    const QList<Migration> &runsAlways() const { return m_runsAlways; }
    const QList<Migration> &runsOnChange() const { return m_runsOnChange; }

    // The V file whose version compares equal to key, or nullptr.
    const Migration *findVersion(const Version &version) const;
    // Any file by base name, or nullptr.
    const Migration *findFile(const QString &fileName) const;
    qsizetype size() const
    {
        return m_versioned.size() + m_runsAlways.size() + m_runsOnChange.size();
    }

    // Scans migrationsDir recursively. Dotfiles and files not ending in .sql are ignored; an
    // invalid name, two V files with equal versions (1, 1.0, 01), two files with the same base
    // name, or a file that is not UTF-8 is an error naming the file(s).
    static Result<MigrationSet> scan(const QString &migrationsDir);

private:
    QList<Migration> m_versioned;
    QList<Migration> m_runsAlways;
    QList<Migration> m_runsOnChange;
    QHash<QString, qsizetype> m_byFileName; // index into the concatenation V, RA, ROC
};

} // namespace tidemark
