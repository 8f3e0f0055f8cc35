#pragma once

#include "schema/schemachange.h"

#include <QJsonArray>
#include <QStringList>

namespace tidemark::cli {

// How diff and make-migrations show schema changes: "  + add table tags (3 columns)", with a
// new table's columns, keys and indexes on the lines below it (JSON: "definition").
QStringList changeLines(const QList<SchemaChange> &changes);
QJsonArray changesJson(const QList<SchemaChange> &changes);
QJsonArray renameCandidatesJson(const QList<RenameCandidate> &candidates);
// "Warning: column users.fullname may have been renamed to name; ..." with the --rename to use.
QString renameCandidateWarning(const RenameCandidate &candidate);

} // namespace tidemark::cli
