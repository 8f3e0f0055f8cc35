#pragma once

// Tidemark's files in the user's cache folder (~/.cache/tidemark, or $XDG_CACHE_HOME/tidemark):
// what can be computed again, kept to skip work (the checksum cache, the desired-schema cache).

#include <QByteArray>
#include <QString>

namespace tidemark {

// The folder for one kind of cache ("checksums", "schemas"); empty when the platform names no
// cache folder (then nothing is cached).
QString userCacheFolder(const QString &kind);

// Writes the file whole or not at all (QSaveFile), readable by its owner only: Tidemark's
// folders in the cache are made (or tightened to) owner-only, the file too. false when it could
// not be written; a cache is best effort, so the caller goes on without it.
bool saveCacheFile(const QString &path, const QByteArray &bytes);

} // namespace tidemark
