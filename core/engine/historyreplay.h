#pragma once

#include "common/result.h"

namespace tidemark {

class MigrationService;
struct StatusReport;

// Replays the applied migration files, up to the latest applied version (with the repeatables
// an upgrade runs), into the empty database scratch works on; live: the target's status. An
// applied file that is missing or changed since it ran is refused: the replay would not be
// what ran. rehearse (on PostgreSQL and MariaDB) and drift use it.
Status replayAppliedFiles(MigrationService &scratch, const StatusReport &live);

} // namespace tidemark
