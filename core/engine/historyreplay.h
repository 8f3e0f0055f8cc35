#pragma once

#include "common/result.h"

namespace tidemark {

class MigrationService;
struct StatusReport;

struct ReplaySummary
{
    int versionedFiles = 0;     // applied versioned files replayed
    int repeatableFiles = 0;    // applied repeatables replayed (their file is what ran)
    int skippedRepeatables = 0; // applied repeatables whose file changed since: not replayed
};

// Replays what the target's history says ran into the empty database scratch works on: the
// applied versioned files up to the latest applied version, then the applied repeatables whose
// file is still what ran (live: the target's status). Pending files are not replayed. An applied
// file that is missing or changed, or an older file that never ran, is refused: the replay would
// not be what ran. rehearse (on PostgreSQL and MariaDB) and drift use it.
Result<ReplaySummary> replayAppliedFiles(MigrationService &scratch, const StatusReport &live);

} // namespace tidemark
