#include "engine/historyreplay.h"

#include "engine/migrationservice.h"

namespace tidemark {

namespace {

bool failedRun(const Result<RunOutcome> &outcome)
{
    return !outcome || !outcome->ok();
}

} // namespace

Status replayAppliedFiles(MigrationService &scratch, const StatusReport &live)
{
    for (const StatusEntry &entry : live.entries) {
        if (entry.kind != MigrationKind::Versioned || !entry.applied())
            continue;
        if (entry.state == MigrationState::Missing || entry.state == MigrationState::Changed)
            return Error::make(
                Error::Code::Validation,
                QStringLiteral("Cannot rebuild the database from its history: the applied file "
                               "%1 is %2, so replaying the files would not be what ran.")
                    .arg(entry.fileName, entry.state == MigrationState::Missing
                                             ? QStringLiteral("missing")
                                             : QStringLiteral("changed since it ran")),
                QStringLiteral("Restore the file as it ran (see validate), then try again."));
    }
    if (live.latestVersion.isEmpty())
        return {};
    UpgradeOptions replay;
    replay.toVersion = live.latestVersion;
    replay.skipCheck = true;
    Result<RunOutcome> outcome = scratch.upgrade(replay, false);
    if (failedRun(outcome)) {
        Error e = outcome ? outcome->run.error : outcome.error();
        e.message = QStringLiteral("Replaying the applied migrations into the throwaway database "
                                   "failed: ") +
                    e.message;
        e.hint = QStringLiteral("The applied files are replayed into an empty database; a "
                                "history that does not start at an empty database cannot be "
                                "replayed yet.");
        return e;
    }
    return {};
}

} // namespace tidemark
