#include "engine/rehearsal.h"

#include "db/connection.h"
#include "engine/historyreplay.h"
#include "engine/migrationservice.h"
#include "engine/schemacopy.h"
#include "engine/schemadiff.h"
#include "history/migrationlock.h"
#include "history/trackingstore.h"
#include "preflight/sqltokens.h"
#include "schema/schemacomparer.h"
#include "schema/throwawaydatabase.h"

namespace tidemark {

namespace {

using Step = FileRehearsal::Step;
using Outcome = FileRehearsal::Outcome;

// The throwaway database's schema, read the way `diff` reads a live one.
class SchemaProbe
{
public:
    explicit SchemaProbe(const ConnectionSpec &spec)
        : m_spec(spec)
    {}
    Result<Schema> read() const { return readLiveSchema(m_spec); }

private:
    ConnectionSpec m_spec;
};

QStringList differences(const Schema &expected, const Schema &found)
{
    QStringList lines;
    const SchemaDiff diff = compareSchemas(expected, found);
    for (const SchemaChange &change : diff.changes)
        lines.append(change.summary());
    return lines;
}

// The error of a run, with the failing file, line and statement.
QString runError(const Result<RunOutcome> &outcome)
{
    if (!outcome)
        return outcome.error().fullText();
    return outcome->run.error.fullText();
}

bool failed(const Result<RunOutcome> &outcome)
{
    return !outcome || !outcome->ok();
}

class Rehearsal
{
public:
    Rehearsal(MigrationService &scratch, const SchemaProbe &probe, const RehearsalOptions &options,
              RehearsalReport &report)
        : m_scratch(scratch)
        , m_probe(probe)
        , m_options(options)
        , m_report(report)
    {}

    Status run(const QList<StatusEntry> &pending, const MigrationSet &files)
    {
        for (const StatusEntry &entry : pending) {
            FileRehearsal file;
            file.fileName = entry.fileName;
            file.checksum = entry.fileChecksum;
            file.versioned = entry.kind == MigrationKind::Versioned;
            if (const Migration *m = files.findFile(entry.fileName);
                file.versioned && m && !m->text.hasRollbackSection())
                m_noRollback.insert(entry.fileName);
            m_report.files.append(file);
        }
        Result<Schema> start = m_probe.read();
        if (!start)
            return start.error();
        QList<Schema> before, after;
        Schema current = start.value();
        // 1. Upgrade the versioned files one at a time, without the repeatables (they run last,
        // in step 4, as an upgrade runs them after the versioned files), so each file's schema
        // before and after is its own.
        for (qsizetype i = 0; i < m_report.files.size(); ++i) {
            FileRehearsal &file = m_report.files[i];
            if (!file.versioned)
                continue;
            before.append(current);
            if (!step(file, Step::Upgrade, 1))
                return {};
            Result<Schema> now = m_probe.read();
            if (!now)
                return now.error();
            current = now.value();
            after.append(current);
        }
        // 2. Roll back newest first: each must leave the schema as it was before its file.
        const QList<qsizetype> versioned = versionedIndexes();
        for (qsizetype k = versioned.size() - 1; k >= 0; --k) {
            FileRehearsal &file = m_report.files[versioned.at(k)];
            if (m_noRollback.contains(file.fileName)) {
                file.outcome = Outcome::NoRollback;
                file.step = Step::Rollback;
                return {};
            }
            if (!step(file, Step::Rollback, 1))
                return {};
            if (Status s = expect(file, Step::Rollback, before.at(k)); !s)
                return s;
            if (file.outcome == Outcome::Differs)
                return {};
        }
        // 3. Upgrade again: each file must give the schema its first upgrade gave.
        for (qsizetype k = 0; k < versioned.size(); ++k) {
            FileRehearsal &file = m_report.files[versioned.at(k)];
            if (!step(file, Step::UpgradeAgain, 1))
                return {};
            if (Status s = expect(file, Step::UpgradeAgain, after.at(k)); !s)
                return s;
            if (file.outcome == Outcome::Differs)
                return {};
        }
        // 4. The pending repeatables, as the upgrade runs them: after every versioned file.
        for (FileRehearsal &file : m_report.files) {
            if (file.versioned)
                continue;
            if (!step(file, Step::Upgrade, 1, true))
                return {};
            break; // one upgrade runs them all
        }
        for (FileRehearsal &file : m_report.files)
            if (file.outcome == Outcome::NotReached)
                file.outcome = Outcome::Passed;
        return {};
    }

private:
    QList<qsizetype> versionedIndexes() const
    {
        QList<qsizetype> indexes;
        for (qsizetype i = 0; i < m_report.files.size(); ++i)
            if (m_report.files.at(i).versioned)
                indexes.append(i);
        return indexes;
    }

    // Runs one upgrade or rollback of count files; false (and the file marked) when it failed.
    bool step(FileRehearsal &file, Step what, int count, bool repeatables = false)
    {
        if (m_options.progress)
            m_options.progress(QStringLiteral("Rehearsing %1 of %2...")
                                   .arg(rehearsalStepName(what), file.fileName));
        const Result<RunOutcome> outcome = [&] {
            if (what == Step::Rollback) {
                RollbackOptions options;
                options.count = count;
                return m_scratch.rollback(options, false);
            }
            UpgradeOptions options;
            options.skipCheck = true;
            if (repeatables) {
                options.repeatablesOnly = true;
            } else {
                options.count = count;
                options.versionedOnly = true;
            }
            return m_scratch.upgrade(options, false);
        }();
        if (!failed(outcome))
            return true;
        const bool cancelled = outcome ? outcome->run.error.code == Error::Code::Cancelled
                                       : outcome.error().code == Error::Code::Cancelled;
        m_report.cancelled = cancelled;
        // The run names the file that failed: a repeatable that ran with this one, or this one.
        FileRehearsal *failedFile = &file;
        if (outcome)
            for (FileRehearsal &other : m_report.files)
                if (other.fileName == outcome->run.failedFile)
                    failedFile = &other;
        failedFile->outcome = Outcome::Failed;
        failedFile->step = what;
        failedFile->error = runError(outcome);
        return false;
    }

    Status expect(FileRehearsal &file, Step what, const Schema &expected)
    {
        Result<Schema> found = m_probe.read();
        if (!found)
            return found.error();
        const QStringList lines = differences(expected, found.value());
        if (!lines.isEmpty()) {
            file.outcome = Outcome::Differs;
            file.step = what;
            file.differences = lines;
        }
        return {};
    }

    MigrationService &m_scratch;
    const SchemaProbe &m_probe;
    const RehearsalOptions &m_options;
    RehearsalReport &m_report;
    QSet<QString> m_noRollback;
};

// The rehearsal proper, on the throwaway database: replay (servers), then the four steps. With
// replayFailed (why the applied files could not be replayed into an earlier throwaway database)
// the live schema and history are copied instead. A replay that fails sets it and stops.
Status rehearseOn(ThrowawayDatabase &db, const Project &project, const ConnectionSpec &target,
                  const ProjectOverview &overview, const RehearsalOptions &options,
                  RehearsalReport &report, std::optional<Error> &replayFailed)
{
    const SqlDialect dialect = target.dialect;
    // A replay runs applied files that changed since they ran as the journal stored them.
    std::unique_ptr<RestoredHistory> restored;
    if (dialect != SqlDialect::Sqlite && !replayFailed) {
        Result<std::unique_ptr<RestoredHistory>> fromJournal =
            restoreFromJournal(project, overview.status);
        if (!fromJournal)
            return fromJournal.error();
        restored = std::move(fromJournal).value();
    }
    MigrationService scratch((restored ? restored->project : project).withConnection(db.spec()));
    scratch.setCancelFlag(options.cancel);
    if (dialect == SqlDialect::Sqlite) {
        report.base = db.description();
        // The copy holds the target's lock row as it was: a held or stale lock there must not
        // make the rehearsal wait for nothing.
        Result<std::unique_ptr<Connection>> copy = Connection::open(db.spec());
        if (!copy)
            return copy.error();
        if (Result<History> history = TrackingStore(**copy).read(); history && history->tableExists)
            if (Status s = MigrationLock::forceUnlock(**copy); !s)
                return s;
        report.baseKind = QStringLiteral("copy");
    } else if (replayFailed) {
        Result<SchemaCopySummary> copied = copyLiveSchema(target, db.spec());
        if (!copied) {
            Error e = copied.error();
            e.hint = QStringLiteral("Copying the live schema was the way round a replay that "
                                    "failed: %1")
                         .arg(replayFailed->message) +
                     (e.hint.isEmpty() ? QString() : u'\n' + e.hint);
            return e;
        }
        report.baseKind = QStringLiteral("live-schema");
        report.base = QStringLiteral("%1, with the live schema copied (%2; no rows) and its "
                                     "%3 history row(s), because "
                                     "the applied files could not be replayed: %4")
                          .arg(db.description(), copied->text())
                          .arg(copied->trackedRows)
                          .arg(replayFailed->message);
    } else {
        Result<ReplaySummary> replayed = replayAppliedFiles(
            scratch, overview.status, restored ? restored->restored : QSet<QString>());
        if (!replayed) {
            replayFailed = replayed.error();
            return replayed.error();
        }
        report.baseKind = QStringLiteral("replay");
        report.base =
            replayed->versionedFiles + replayed->repeatableFiles == 0
                ? QStringLiteral("%1 (nothing is applied yet, so nothing to replay)")
                      .arg(db.description())
                : QStringLiteral("%1, with the %2 applied migration file(s) replayed from their "
                                 "files")
                      .arg(db.description())
                      .arg(replayed->versionedFiles + replayed->repeatableFiles);
        if (replayed->fromJournal > 0)
            report.base += QStringLiteral(" (%1 of them changed or missing since they ran: "
                                          "replayed from the text the journal stored)")
                               .arg(replayed->fromJournal);
    }
    // What is pending on the copy is what is pending on the target.
    // The steps read the project's own files, as the real upgrade will: an applied file that
    // changed since it ran fails their validation there as it would here.
    MigrationService steps(project.withConnection(db.spec()));
    steps.setCancelFlag(options.cancel);
    Result<StatusReport> status = steps.status();
    if (!status)
        return status.error();
    const SchemaProbe probe(db.spec());
    Rehearsal rehearsal(steps, probe, options, report);
    return rehearsal.run(status->pending, *overview.files);
}

// MariaDB/MySQL: a database there is a schema of the same server, so a statement that names
// the target's database (shop.books) would reach the live tables from the throwaway one.
Status refuseLiveDatabaseNames(const MigrationSet &files, const ConnectionSpec &target,
                               const ConnectionSpec &server)
{
    if (server.host != target.host || server.port != target.port)
        return {}; // dev_url on another server: the name reaches nothing live
    const QString live = target.databaseName.toLower();
    for (const QList<Migration> *list :
         {&files.versioned(), &files.runsAlways(), &files.runsOnChange()}) {
        for (const Migration &m : *list) {
            const QList<SqlToken> tokens = tokenizeStatement(
                m.text.upgradeSql + u'\n' + m.text.rollbackSql, SqlDialect::MySql);
            for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
                const SqlToken &name = tokens.at(i);
                if (!name.isName() || name.text.toLower() != live ||
                    !tokens.at(i + 1).isPunctuation(u'.'))
                    continue;
                return Error::make(
                    Error::Code::Validation,
                    QStringLiteral("%1 names the live database %2 (%2.%3): run in a throwaway "
                                   "database on the same server, it would reach the live "
                                   "tables, so Tidemark does not rehearse it there.")
                        .arg(m.relativePath, target.databaseName,
                             i + 2 < tokens.size() ? tokens.at(i + 2).text : QString()),
                    QStringLiteral("Leave the database name out of the file, or set dev_url to "
                                   "another MariaDB/MySQL server for rehearsals."));
            }
        }
    }
    return {};
}

} // namespace

QString rehearsalStepName(FileRehearsal::Step step)
{
    switch (step) {
    case Step::Upgrade:
        return QStringLiteral("upgrade");
    case Step::Rollback:
        return QStringLiteral("rollback");
    case Step::UpgradeAgain:
        return QStringLiteral("upgrade again");
    }
    return {};
}

QString rehearsalOutcomeName(FileRehearsal::Outcome outcome)
{
    switch (outcome) {
    case Outcome::Passed:
        return QStringLiteral("passed");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Differs:
        return QStringLiteral("differs");
    case Outcome::NoRollback:
        return QStringLiteral("no_rollback");
    case Outcome::NotReached:
        return QStringLiteral("not_reached");
    }
    return {};
}

Result<RehearsalReport> rehearse(const Project &project, const RehearsalOptions &options)
{
    Result<ConnectionSpec> target = project.connectionSpec();
    if (!target)
        return target.error();
    MigrationService live(project);
    Result<ProjectOverview> overview = live.overview(1);
    if (!overview)
        return overview.error();
    if (!overview->status.unfinished.isEmpty())
        return Error::make(Error::Code::Validation,
                           QStringLiteral("%1 is partly applied: the rehearsal would not start "
                                          "from what the database is.")
                               .arg(overview->status.unfinished.first().fileName),
                           QStringLiteral("Settle it first (see resolve)."));
    Result<ConnectionSpec> server = scratchServer(project, target.value());
    if (!server)
        return server.error();
    if (target->dialect == SqlDialect::MySql)
        if (Status s = refuseLiveDatabaseNames(*overview->files, target.value(), server.value());
            !s)
            return s.error();
    Result<std::unique_ptr<ThrowawayDatabase>> scratchDb = ThrowawayDatabase::create(
        target.value(), server.value(), ThrowawayDatabase::Start::CopyOfTarget);
    if (!scratchDb)
        return scratchDb.error();
    RehearsalReport report;
    std::optional<Error> replayFailed;
    Status ran =
        rehearseOn(**scratchDb, project, target.value(), *overview, options, report, replayFailed);
    if (!ran && replayFailed && replayFailed->code != Error::Code::Cancelled) {
        // The history does not start at an empty database (or an applied file is no longer
        // what ran): start again in a new throwaway database from the live schema.
        if (Status dropped = (*scratchDb)->drop(); !dropped)
            return dropped.error();
        if (options.progress)
            options.progress(QStringLiteral("The applied files could not be replayed into %1 "
                                            "(dropped); copying the live schema into a new "
                                            "throwaway database instead.")
                                 .arg((*scratchDb)->spec().databaseName));
        scratchDb = ThrowawayDatabase::create(target.value(), server.value(),
                                              ThrowawayDatabase::Start::Empty);
        if (!scratchDb)
            return scratchDb.error();
        report = RehearsalReport();
        ran = rehearseOn(**scratchDb, project, target.value(), *overview, options, report,
                         replayFailed);
    }
    ThrowawayDatabase &db = **scratchDb;
    if (options.keep) {
        db.keep();
        report.scratchUrl = db.spec().displayUrl;
    } else if (Status dropped = db.drop(); !dropped) {
        report.droppedNote = dropped.error().fullText();
    } else {
        report.droppedNote =
            target->dialect == SqlDialect::Sqlite
                ? QStringLiteral("Removed the rehearsal's copy.")
                : QStringLiteral("Dropped the throwaway database %1.").arg(db.spec().databaseName);
    }
    if (!ran) {
        // Say what became of the throwaway database also when the rehearsal could not run.
        Error e = ran.error();
        const QString left =
            options.keep ? QStringLiteral("Kept the throwaway database: %1").arg(report.scratchUrl)
                         : report.droppedNote;
        e.hint = e.hint.isEmpty() ? left : e.hint + u'\n' + left;
        return e;
    }
    return report;
}

} // namespace tidemark
