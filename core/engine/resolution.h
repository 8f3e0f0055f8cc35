#pragma once

#include "common/result.h"
#include "common/runidentity.h"
#include "history/progressstore.h"

namespace tidemark {

class Connection;
class MigrationSet;

// `resolve`: settles the tidemark_progress record of a partly applied file, named by version
// or file name, in one transaction with the tracking-row change and a journal row (operation
// "resolve", outcome "applied" or "not-applied"). The caller holds the migration lock.
// Applied: an upgrade's file is recorded as applied (its file must still be there, unchanged
// since the run), a rollback's version is forgotten. Not applied: the tracking table stays.
Result<FileProgress> resolveLocked(Connection &connection, const MigrationSet &files,
                                   const QString &target, bool applied,
                                   const RunIdentity &identity);

struct Migration;

// make-migrations --from-drift: records a new file as applied without running it (the database
// already has what it does), in one transaction with a journal row (operation "record",
// outcome "applied", reason as its text). The caller holds the migration lock.
Status recordAppliedLocked(Connection &connection, const Migration &migration,
                           const QString &reason, const RunIdentity &identity);

} // namespace tidemark
