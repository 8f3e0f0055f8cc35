#include "run/serviceworker.h"

#include "db/connection.h"
#include "engine/sessionlimits.h"
#include "migration/migrationtext.h"
#include "preflight/checkinorder.h"

#include <QFileInfo>

#include <deque>

namespace tidemark::ui {

namespace {

using Op = ServiceRequest::Op;

void fail(ServiceReply &reply, const Error &error)
{
    reply.ok = false;
    reply.errorText = error.fullText();
}

QList<PlannedFileView> planView(const Plan &plan)
{
    QList<PlannedFileView> files;
    for (const PlannedFile &file : plan.files) {
        PlannedFileView view;
        view.fileName = file.fileName;
        view.transactional = file.migration->text.directives.transaction;
        view.checksum = file.migration->checksum();
        for (const SqlStatement &statement : file.statements)
            view.statements.append(statement.text);
        files.append(view);
    }
    return files;
}

QString databaseNameOf(const ConnectionSpec &spec)
{
    if (spec.qtDriver == u"QODBC") // the connection string holds credentials
        return {};
    if (spec.dialect == SqlDialect::Sqlite)
        return QFileInfo(spec.databaseName).fileName();
    return spec.databaseName;
}

} // namespace

ServiceWorker::ServiceWorker(const std::atomic_bool *cancel, QObject *parent)
    : QObject(parent)
    , m_cancel(cancel)
{}

void ServiceWorker::perform(const ServiceRequest &request)
{
    ServiceReply reply;
    reply.request = request;
    ProjectOptions options;
    options.projectDir = request.projectDir;
    options.startDir = request.startDir;
    if (!request.url.isEmpty())
        options.overrides.insert(QStringLiteral("sqlalchemy_url"), request.url);
    Result<Project> project = Project::open(options);
    if (!project) {
        fail(reply, project.error());
        Q_EMIT replied(reply);
        return;
    }
    MigrationService service(project.value());
    service.setLockTimeout(project->lockTimeoutSeconds());
    switch (request.op) {
    case Op::Load: {
        // The list first, then the editor's check markers: checking every pending file against
        // the live database should not hold back a list of 10,000 files.
        const LoadedFiles files = load(service, reply);
        reply.checkContextsFollow = reply.ok;
        Q_EMIT replied(reply);
        if (reply.ok)
            Q_EMIT checkContextsLoaded(checkContextsOf(service.project(), files, reply.snapshot));
        return;
    }
    case Op::PlanUpgrade:
    case Op::PlanRollback:
        run(service, reply, true);
        break;
    case Op::Upgrade:
    case Op::Rollback:
        run(service, reply, false);
        break;
    case Op::Rehearse:
        rehearseOn(service, reply);
        break;
    case Op::CheckDrift:
        if (Result<DriftReport> drift = detectDrift(service.project(), m_cancel))
            reply.drift = std::move(drift).value();
        else
            fail(reply, drift.error());
        break;
    default:
        audit(service, reply);
        break;
    }
    Q_EMIT replied(reply);
}

// check's context for each pending file, for the editor's markers: the views the file meets
// and the rows its destructive statements would hit now. Empty when nothing is pending, and
// never creates a SQLite file that is not there.
CheckContexts ServiceWorker::checkContextsOf(const Project &project, const LoadedFiles &loaded,
                                             const ProjectSnapshot &snapshot)
{
    CheckContexts contexts;
    const Result<ConnectionSpec> spec = project.connectionSpec();
    if (snapshot.status.pending.isEmpty() || !spec || !loaded.files ||
        (spec->dialect == SqlDialect::Sqlite && !QFileInfo::exists(spec->databaseName)))
        return contexts;
    QList<CheckedMigration> inputs;
    QStringList names;
    // The files came from the checksum cache where unchanged: their SQL is read here, for the
    // pending ones only (a file that cannot be read now gets no context; the editor, which
    // reads it again, says what is wrong).
    std::deque<MigrationText> readNow;
    for (const StatusEntry &entry : std::as_const(snapshot.status.pending)) {
        const Migration *migration = loaded.files->findFile(entry.fileName);
        if (!migration)
            continue;
        const MigrationText *text = &migration->text;
        if (!text->sqlRead) {
            Result<MigrationText> read = readMigrationTextFile(migration->path);
            if (!read)
                continue;
            text = &readNow.emplace_back(std::move(read).value());
        }
        inputs.append({migration->relativePath, migration->kind(), text});
        names.append(migration->fileName);
    }
    // The overview's connection where it has one: on SQLite a new one would parse the schema
    // again (on a database of 9,000 tables, a tenth of opening the project).
    std::shared_ptr<Connection> connection = loaded.connection;
    if (!connection) {
        Result<std::unique_ptr<Connection>> opened = Connection::open(spec.value());
        if (!opened)
            return contexts;
        connection = std::move(opened).value();
    }
    // A count waits at most 2 s for a table another session holds (then it stays uncounted).
    applySessionLimits(*connection, quickReadLimits());
    QList<CheckContext> before;
    checkInOrder(inputs, spec->dialect, snapshot.checkSettings, connection.get(), &before);
    for (qsizetype i = 0; i < before.size(); ++i)
        contexts.insert(names.at(i), before.at(i));
    return contexts;
}

ServiceWorker::LoadedFiles ServiceWorker::load(MigrationService &service, ServiceReply &reply)
{
    ProjectSnapshot &snapshot = reply.snapshot;
    const Project &project = service.project();
    snapshot.jetbaseDir = project.location().jetbaseDir;
    snapshot.production =
        reply.request.production || (project.config().has(QStringLiteral("production")) &&
                                     project.config().flag(QStringLiteral("production")));
    if (Result<ConnectionSpec> spec = project.connectionSpec()) {
        snapshot.displayUrl = spec->displayUrl;
        snapshot.databaseName = databaseNameOf(spec.value());
        snapshot.dialect = spec->dialect;
    }
    if (Result<CheckSettings> settings = checkSettings(project.config()))
        snapshot.checkSettings = settings.value();
    else
        snapshot.checkSettingsError = settings.error().fullText();
    // One connection and one scan of the files for all of it, through the checksum cache as
    // `status` scans (the pending files' SQL is read later, for their check contexts): on a
    // project of 10,000 files that is what keeps opening it close to the time of `status`.
    Result<ProjectOverview> overview =
        service.overview(20000, MigrationService::Scan::Summaries, true);
    if (!overview) {
        fail(reply, overview.error());
        return {};
    }
    snapshot.status = std::move(overview->status);
    snapshot.displayUrl = snapshot.status.displayUrl;
    for (const QList<Migration> *list :
         {&overview->files->versioned(), &overview->files->runsAlways(),
          &overview->files->runsOnChange()}) {
        for (const Migration &migration : *list)
            snapshot.filePaths.insert(migration.fileName, migration.path);
    }
    snapshot.journal = std::move(overview->journal);
    snapshot.journalError = overview->journalError;
    snapshot.lock = overview->lock;
    snapshot.lockError = overview->lockError;
    return {overview->files, std::move(overview->connection)};
}

void ServiceWorker::run(MigrationService &service, ServiceReply &reply, bool dryRun)
{
    const bool upgrade = reply.request.op == Op::Upgrade || reply.request.op == Op::PlanUpgrade;
    if (!dryRun) {
        service.setCancelFlag(m_cancel);
        service.setEventSink([this](const RunEvent &event) { Q_EMIT runEvent(event); });
    }
    Result<RunOutcome> outcome = upgrade ? service.upgrade(reply.request.upgrade, dryRun)
                                         : service.rollback(reply.request.rollback, dryRun);
    if (!outcome)
        return fail(reply, outcome.error());
    reply.plan = planView(outcome->plan);
    if (upgrade && dryRun) {
        // The confirmation lists what upgrade's own check would refuse, and the warnings.
        const Result<CheckSettings> settings = checkSettings(service.project().config());
        const Result<ConnectionSpec> spec = service.project().connectionSpec();
        const SqlDialect dialect = spec ? spec->dialect : SqlDialect::Sqlite;
        QList<CheckedMigration> inputs;
        QList<qsizetype> shownAt;
        for (qsizetype i = 0; i < reply.plan.size(); ++i) {
            if (const Migration *migration = outcome->plan.files.at(i).migration) {
                inputs.append({migration->relativePath, migration->kind(), &migration->text});
                shownAt.append(i);
            }
        }
        // In run order, against the live views, with the rows the destructive statements
        // would hit now (the plan was made on this database, so it exists).
        std::unique_ptr<Connection> live;
        if (spec) {
            if (Result<std::unique_ptr<Connection>> connection = Connection::open(spec.value())) {
                live = std::move(connection).value();
                applySessionLimits(*live, quickReadLimits()); // never hang on a held lock
            }
        }
        const QList<QList<CheckFinding>> findings = checkInOrder(
            inputs, dialect, settings ? settings.value() : CheckSettings{}, live.get());
        for (qsizetype i = 0; i < findings.size(); ++i)
            reply.plan[shownAt.at(i)].findings = findings.at(i);
    }
    reply.completedFiles = outcome->run.completedFiles;
    if (!outcome->run.ok()) {
        fail(reply, outcome->run.error);
        reply.failedFile = outcome->run.failedFile;
        reply.failedLine = outcome->run.error.line;
        reply.cancelled = outcome->run.error.code == Error::Code::Cancelled;
        for (const SqlStatement &s : outcome->run.statementsInEffect)
            reply.messages.append(tr("Still in effect (line %1): %2").arg(s.line).arg(s.text));
    }
}

void ServiceWorker::rehearseOn(MigrationService &service, ServiceReply &reply)
{
    RehearsalOptions options;
    options.cancel = m_cancel;
    options.progress = [this](const QString &line) { Q_EMIT progressNote(line); };
    Result<RehearsalReport> report = rehearse(service.project(), options);
    if (!report)
        return fail(reply, report.error());
    reply.rehearsal = std::move(report).value();
}

void ServiceWorker::audit(MigrationService &service, ServiceReply &reply)
{
    switch (reply.request.op) {
    case Op::Validate: {
        Result<QList<ValidationProblem>> problems = service.validate();
        if (!problems)
            return fail(reply, problems.error());
        for (const ValidationProblem &problem : problems.value())
            reply.messages.append(problem.message);
        break;
    }
    case Op::CheckChecksums:
    case Op::FixChecksums: {
        Result<ChecksumReport> report = service.checksums(reply.request.op == Op::FixChecksums);
        if (!report)
            return fail(reply, report.error());
        for (const ChecksumRepair &repair : report->changed)
            reply.messages.append(tr("%1 (stored %2, file %3)")
                                      .arg(repair.fileName, repair.oldChecksum.left(12),
                                           repair.newChecksum.left(12)));
        break;
    }
    case Op::CheckFiles:
    case Op::FixFiles: {
        Result<FilesReport> report = service.files(reply.request.op == Op::FixFiles);
        if (!report)
            return fail(reply, report.error());
        for (const QString &version : report->missingVersions)
            reply.messages.append(tr("version %1").arg(version));
        for (const QString &file : report->missingRepeatables)
            reply.messages.append(file);
        break;
    }
    case Op::Lock: {
        Result<QString> id = service.lock();
        if (!id)
            return fail(reply, id.error());
        reply.messages.append(id.value());
        break;
    }
    case Op::Unlock:
        if (Status status = service.unlock(); !status)
            return fail(reply, status.error());
        break;
    case Op::Resolve: {
        Result<FileProgress> resolved =
            service.resolve(reply.request.resolveTarget, reply.request.resolveApplied);
        if (!resolved)
            return fail(reply, resolved.error());
        reply.messages.append(resolved->fileName);
        break;
    }
    default:
        break;
    }
}

} // namespace tidemark::ui
