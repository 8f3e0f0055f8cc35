#include "engine/historyreplay.h"

#include "engine/migrationservice.h"

namespace tidemark {

namespace {

Error replayError(const Result<RunOutcome> &outcome)
{
    Error e = outcome ? outcome->run.error : outcome.error();
    if (e.code == Error::Code::Cancelled)
        return e;
    e.message =
        QStringLiteral("Replaying the applied migrations into the throwaway database failed: ") +
        e.message;
    e.hint = QStringLiteral("The applied files are replayed into an empty database, so objects "
                            "made before the first migration make the replay fail (rehearse then "
                            "copies the live schema instead; drift cannot compare).");
    return e;
}

bool failedRun(const Result<RunOutcome> &outcome)
{
    return !outcome || !outcome->ok();
}

} // namespace

Result<ReplaySummary> replayAppliedFiles(MigrationService &scratch, const StatusReport &live)
{
    ReplaySummary summary;
    QSet<QString> repeatables; // applied, and the file is what ran
    for (const StatusEntry &entry : live.entries) {
        if (entry.kind != MigrationKind::Versioned) {
            if (entry.applied() && !entry.fileChecksum.isEmpty() &&
                entry.storedChecksum == entry.fileChecksum)
                repeatables.insert(entry.fileName);
            else if (entry.applied())
                ++summary.skippedRepeatables;
            continue;
        }
        if (entry.state == MigrationState::OutOfOrder)
            return Error::make(
                Error::Code::Validation,
                QStringLiteral("Cannot rebuild the database from its history: %1 was never "
                               "applied but is older than the latest applied version, so a "
                               "replay would run it.")
                    .arg(entry.fileName),
                QStringLiteral("Apply it, or move it out of the migrations folder, then try "
                               "again."));
        if (!entry.applied())
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
        ++summary.versionedFiles;
    }
    if (!live.latestVersion.isEmpty()) {
        UpgradeOptions versioned;
        versioned.toVersion = live.latestVersion;
        versioned.skipCheck = true;
        versioned.versionedOnly = true;
        if (Result<RunOutcome> outcome = scratch.upgrade(versioned, false); failedRun(outcome))
            return replayError(outcome);
    }
    if (!repeatables.isEmpty()) {
        UpgradeOptions repeat;
        repeat.skipCheck = true;
        repeat.repeatablesOnly = true;
        repeat.onlyRepeatables = repeatables;
        if (Result<RunOutcome> outcome = scratch.upgrade(repeat, false); failedRun(outcome))
            return replayError(outcome);
        summary.repeatableFiles = int(repeatables.size());
    }
    return summary;
}

} // namespace tidemark
