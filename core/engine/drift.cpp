#include "engine/drift.h"

#include "db/connection.h"
#include "engine/historyreplay.h"
#include "engine/migrationservice.h"
#include "engine/schemadiff.h"
#include "schema/schemacomparer.h"
#include "schema/throwawaydatabase.h"

namespace tidemark {

Result<DriftReport> detectDrift(const Project &project, const std::atomic_bool *cancel)
{
    Result<ConnectionSpec> target = project.connectionSpec();
    if (!target)
        return target.error();
    MigrationService live(project);
    Result<StatusReport> status = live.status(); // also: the database must exist
    if (!status)
        return status.error();
    if (!status->unfinished.isEmpty())
        return Error::make(Error::Code::Validation,
                           QStringLiteral("%1 is partly applied: what it left is neither the "
                                          "history nor drift.")
                               .arg(status->unfinished.first().fileName),
                           QStringLiteral("Settle it first (see resolve)."));
    Result<Schema> liveSchema = readLiveSchema(target.value());
    if (!liveSchema)
        return liveSchema.error();
    Result<ConnectionSpec> server = scratchServer(project, target.value());
    if (!server)
        return server.error();
    Result<std::unique_ptr<ThrowawayDatabase>> scratchDb =
        ThrowawayDatabase::create(target.value(), server.value(), ThrowawayDatabase::Start::Empty);
    if (!scratchDb)
        return scratchDb.error();
    ThrowawayDatabase &db = **scratchDb;
    DriftReport report;
    Status compared = [&]() -> Status {
        // Applied files that changed since they ran are replayed as the journal stored them.
        Result<std::unique_ptr<RestoredHistory>> restored =
            restoreFromJournal(project, status.value());
        if (!restored)
            return restored.error();
        const RestoredHistory *copy = restored->get();
        MigrationService scratch((copy ? copy->project : project).withConnection(db.spec()));
        scratch.setCancelFlag(cancel);
        Result<ReplaySummary> replayed =
            replayAppliedFiles(scratch, status.value(), copy ? copy->restored : QSet<QString>());
        if (!replayed)
            return replayed.error();
        if (replayed->fromJournal > 0)
            report.notes.append(QStringLiteral("%1 applied file(s) changed or missing since "
                                               "they ran were replayed from the text the "
                                               "journal stored.")
                                    .arg(replayed->fromJournal));
        Result<Schema> schema = readLiveSchema(db.spec());
        if (!schema)
            return schema.error();
        report.replayedFiles = replayed->versionedFiles + replayed->repeatableFiles;
        if (replayed->skippedRepeatables > 0)
            report.notes.append(
                QStringLiteral("%1 repeatable file(s) changed since their last run were not "
                               "replayed: what that run made may show as drift.")
                    .arg(replayed->skippedRepeatables));
        report.replayed = std::move(schema).value();
        return {};
    }();
    report.base = db.description();
    if (Status dropped = db.drop(); !dropped)
        report.droppedNote = dropped.error().fullText();
    else
        report.droppedNote =
            target->dialect == SqlDialect::Sqlite
                ? QStringLiteral("Removed the temporary replay database.")
                : QStringLiteral("Dropped the throwaway database %1.").arg(db.spec().databaseName);
    if (!compared) {
        Error e = compared.error();
        e.hint = e.hint.isEmpty() ? report.droppedNote : e.hint + u'\n' + report.droppedNote;
        return e;
    }
    report.diff = compareSchemas(report.replayed, liveSchema.value());
    report.live = std::move(liveSchema).value();
    return report;
}

} // namespace tidemark
