#include "engine/historyreplay.h"

#include "engine/migrationservice.h"
#include "history/journal.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>

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

Result<std::unique_ptr<RestoredHistory>> restoreFromJournal(const Project &project,
                                                            const StatusReport &live)
{
    QSet<QString> wanted;
    for (const StatusEntry &entry : live.entries) {
        if (entry.kind == MigrationKind::Versioned && entry.applied() &&
            (entry.state == MigrationState::Missing || entry.state == MigrationState::Changed))
            wanted.insert(entry.fileName);
    }
    if (wanted.isEmpty())
        return std::unique_ptr<RestoredHistory>();
    Result<QList<JournalEntry>> journal = MigrationService(project).journal(0);
    if (!journal)
        return journal.error();
    QHash<QString, QString> texts; // file name -> what its last successful upgrade ran
    for (const JournalEntry &entry : journal.value()) { // newest first
        if (wanted.contains(entry.fileName) && !texts.contains(entry.fileName) &&
            entry.operation == u"upgrade" && entry.outcome == u"success" &&
            !entry.sqlText.isEmpty())
            texts.insert(entry.fileName, entry.sqlText);
    }
    if (texts.isEmpty())
        return std::unique_ptr<RestoredHistory>();
    auto restored = std::make_unique<RestoredHistory>();
    restored->folder = std::make_unique<QTemporaryDir>();
    if (!restored->folder->isValid())
        return Error::make(Error::Code::Io,
                           QStringLiteral("Cannot make a temporary folder for the replay: %1")
                               .arg(restored->folder->errorString()));
    const QDir source(project.location().migrationsDir);
    const QDir copy(restored->folder->path());
    QHash<QString, QString> pathOf; // file name -> its path in the copy
    for (QDirIterator it(source.path(), QDir::Files, QDirIterator::Subdirectories); it.hasNext();) {
        const QString from = it.next();
        const QString to = copy.filePath(source.relativeFilePath(from));
        if (!QDir().mkpath(QFileInfo(to).path()) || !QFile::copy(from, to))
            return Error::make(Error::Code::Io,
                               QStringLiteral("Cannot copy %1 for the replay.").arg(from));
        pathOf.insert(QFileInfo(from).fileName(), to);
    }
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        const QString path = pathOf.value(it.key(), copy.filePath(it.key()));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(it.value().toUtf8()) < 0)
            return Error::make(Error::Code::Io,
                               QStringLiteral("Cannot write %1 for the replay.").arg(path));
        restored->restored.insert(it.key());
    }
    restored->project = project.withMigrationsDir(copy.path());
    return restored;
}

Result<ReplaySummary> replayAppliedFiles(MigrationService &scratch, const StatusReport &live,
                                         const QSet<QString> &restored)
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
        if (restored.contains(entry.fileName))
            ++summary.fromJournal;
        else if (entry.state == MigrationState::Missing || entry.state == MigrationState::Changed)
            return Error::make(
                Error::Code::Validation,
                QStringLiteral("Cannot rebuild the database from its history: the applied file "
                               "%1 is %2, and the journal holds no text of its run (Jetbase's "
                               "runs leave none), so replaying the files would not be what "
                               "ran.")
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
