#pragma once

#include "migration/migrationtext.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <utility>

namespace tidemark {

// What identifies one version of a file on disk without reading it. Two stamps that are equal
// mean the file was not written in between: a write changes the change time (ctime), which no
// one can set back, and replacing the file changes the inode.
struct FileStamp
{
    qint64 size = -1;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;
    quint64 inode = 0;
    quint64 device = 0;

    bool isValid() const { return size >= 0; }
    bool operator==(const FileStamp &) const = default;
    // The stamp of the file at path; invalid when it cannot be read (or off Unix).
    static FileStamp of(const QString &path);
};

// The parsed summary of each migration file (checksum, directives, warnings, where the rollback
// section starts: everything but the SQL itself) from the last scan, keyed by relative path and
// file stamp, kept outside the project in the user's cache folder. It lets status skip reading
// the files of an unchanged project; a file whose stamp differs, or that is not in the cache,
// is read. A file written within the last seconds is not remembered (its next write could keep
// the same timestamps), nor is a file that did not parse.
class ChecksumCache
{
public:
    // The cache of the migrations folder, empty when there is none or it is unreadable (a
    // cache from another Tidemark version, a truncated file); never an error.
    static ChecksumCache load(const QString &migrationsDir);

    // The summary remembered for the file, when its stamp is the remembered one. Safe to call
    // from several threads at once (nothing else may run then).
    std::optional<MigrationText> find(const QString &relativePath, const FileStamp &stamp) const;
    // Keeps the file's summary for the next scan (text from find() or from reading the file);
    // only what is kept is saved.
    void keep(const QString &relativePath, const FileStamp &stamp, const MigrationText &text,
              qint64 nowNs);
    // Writes what was kept (atomically) when it differs from what was loaded; a cache that
    // cannot be written is left alone, silently: it only makes the next status slower.
    void save() const;

    // Without the SQL: what find() returns.
    static MigrationText summaryOf(const MigrationText &text);

private:
    struct Entry
    {
        FileStamp stamp;
        MigrationText summary;
    };
    QString m_file;
    QHash<QString, Entry> m_loaded;
    QStringList m_keptLoaded;                    // found in m_loaded and kept as they are
    QList<std::pair<QString, Entry>> m_keptRead; // read from their files
};

} // namespace tidemark
