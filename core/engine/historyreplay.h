#pragma once

#include "common/result.h"
#include "engine/project.h"

#include <QSet>
#include <QTemporaryDir>

#include <memory>

namespace tidemark {

class MigrationService;
struct StatusReport;

struct ReplaySummary
{
    int versionedFiles = 0;     // applied versioned files replayed
    int fromJournal = 0;        // of them: run from the text the journal stored
    int repeatableFiles = 0;    // applied repeatables replayed (their file is what ran)
    int skippedRepeatables = 0; // applied repeatables whose file changed since: not replayed
};

// The applied versioned files that are missing or changed since they ran, written back as
// they ran: the statements the journal stored for their last successful upgrade, in a copy of
// the migrations folder. A replay on `project` then reads that copy. Null when no file needs
// it or the journal has none of their texts (Jetbase's runs leave none); a file without such
// a text stays as it is, and the replay refuses it.
struct RestoredHistory
{
    std::unique_ptr<QTemporaryDir> folder;
    QSet<QString> restored; // file names
    Project project;        // the project on the copy
};
Result<std::unique_ptr<RestoredHistory>> restoreFromJournal(const Project &project,
                                                            const StatusReport &live);

// Replays what the target's history says ran into the empty database scratch works on: the
// applied versioned files up to the latest applied version, then the applied repeatables whose
// file is still what ran (live: the target's status). Pending files are not replayed. An applied
// file that is missing or changed, or an older file that never ran, is refused: the replay would
// not be what ran, unless it is one restoreFromJournal wrote back (restored) and scratch reads
// its copy. rehearse (on PostgreSQL and MariaDB) and drift use it.
Result<ReplaySummary> replayAppliedFiles(MigrationService &scratch, const StatusReport &live,
                                         const QSet<QString> &restored = {});

} // namespace tidemark
