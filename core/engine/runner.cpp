#include "runner.h"

#include "db/connection.h"
#include "engine/foreignkeypragmas.h"
#include "history/journal.h"
#include "history/trackingstore.h"
#include "migration/transactioncontrol.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QUuid>

#include <utility>

namespace tidemark {

namespace {

QString sqlTextOf(const PlannedFile &file)
{
    QString text;
    for (const SqlStatement &s : file.statements)
        text += s.text + QStringLiteral(";\n");
    return text;
}

// Statements of a failed file that already took effect on a database that commits DDL
// implicitly: everything up to the last implicitly committing statement before the failure
// (that statement included), or up to the failing one when it committed implicitly itself.
QList<SqlStatement> statementsInEffect(const Dialect &dialect,
                                       const QList<SqlStatement> &statements, int failedIndex,
                                       bool failedStatementCommitted)
{
    if (dialect.transactionalDdl())
        return {};
    int lastCommitted = -1;
    for (int i = 0; i < failedIndex; ++i) {
        if (dialect.causesImplicitCommit(statements.at(i).text))
            lastCommitted = i;
    }
    if (failedStatementCommitted)
        lastCommitted = failedIndex - 1;
    return statements.mid(0, lastCommitted + 1);
}

// Whether the failed statement at index committed implicitly before it failed. A DDL statement
// commits before it runs, but not when the server could not parse it: ask the server when it
// can tell (the transaction is then still open), else assume it did.
bool failedStatementCommitted(const Connection &connection, const QList<SqlStatement> &statements,
                              int index)
{
    const Dialect &dialect = connection.dialect();
    if (index < 0 || index >= statements.size() ||
        !dialect.causesImplicitCommit(statements.at(index).text))
        return false;
    if (const QString sql = dialect.transactionOpenSql(); !sql.isEmpty()) {
        if (Result<QVariant> open = connection.scalar(sql); open.ok() && open->isValid())
            return open->toInt() == 0;
    }
    return true;
}

// The rows of PRAGMA foreign_key_check, as a message: "posts row 3 references users".
QString foreignKeyViolations(QSqlQuery &query)
{
    QStringList rows;
    int count = 0;
    do {
        if (++count <= 5)
            rows.append(QStringLiteral("%1 row %2 references a missing row of %3")
                            .arg(query.value(0).toString(), query.value(1).toString(),
                                 query.value(2).toString()));
    } while (query.next());
    if (count > 5)
        rows.append(QStringLiteral("and %1 more").arg(count - 5));
    return rows.join(QStringLiteral("; "));
}

} // namespace

Runner::Runner(Connection &connection, RunIdentity identity)
    : m_connection(connection)
    , m_identity(std::move(identity))
{}

void Runner::emitEvent(const RunEvent &event) const
{
    if (m_sink)
        m_sink(event);
}

RunResult Runner::run(const Plan &plan)
{
    RunResult result;
    result.batchId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool upgrade = plan.direction == Direction::Upgrade;
    const int fileCount = int(plan.files.size());
    // A transaction opened ahead for a file that did not run (stopped in between) is empty.
    const auto closeAhead = [this] {
        if (std::exchange(m_openedAhead, false))
            m_connection.rollback();
    };
    m_openedAhead = false;

    for (int i = 0; i < fileCount; ++i) {
        const PlannedFile &file = plan.files.at(i);
        RunEvent event;
        event.fileIndex = i;
        event.fileCount = fileCount;
        event.fileName = file.fileName;
        if (cancelled()) {
            result.error = Error::make(Error::Code::Cancelled,
                                       QStringLiteral("Stopped before %1; %2 of %3 files done.")
                                           .arg(file.fileName)
                                           .arg(i)
                                           .arg(fileCount));
            closeAhead();
            return result;
        }
        event.transactional = file.migration->text.directives.transaction;
        event.warnings = file.migration->warningLines();
        emitEvent(event);
        event.warnings.clear();
        m_openNextAhead =
            i + 1 < fileCount && plan.files.at(i + 1).migration->text.directives.transaction;
        if (!runFile(file, upgrade, event, result)) {
            closeAhead();
            return result;
        }
    }
    closeAhead();
    return result;
}

bool Runner::runFile(const PlannedFile &file, bool upgrade, RunEvent event, RunResult &result)
{
    TrackingStore store(m_connection);
    Journal journal(m_connection);
    ProgressStore progressStore(m_connection);
    const Dialect &dialect = m_connection.dialect();
    const QList<SqlStatement> &statements = file.statements;
    const int statementCount = int(statements.size());

    JournalEntry entry;
    entry.batchId = result.batchId;
    entry.operation = upgrade ? QStringLiteral("upgrade") : QStringLiteral("rollback");
    entry.fileName = file.fileName;
    entry.version = file.versionKey;
    entry.migrationType = migrationTypeName(file.migration->kind());
    entry.checksum = file.migration->checksum();
    entry.osUser = m_identity.osUser;
    entry.host = m_identity.host;
    entry.toolVersion = m_identity.toolVersion;
    entry.startedAt = QDateTime::currentDateTimeUtc();
    entry.sqlText = sqlTextOf(file);
    QElapsedTimer timer;
    timer.start();

    // Files that cannot be one transaction keep a progress record (see runner.h).
    const bool autocommit = !file.migration->text.directives.transaction;
    bool implicitCommits = false;
    if (!autocommit && !dialect.transactionalDdl()) {
        for (const SqlStatement &s : statements)
            implicitCommits = implicitCommits || dialect.causesImplicitCommit(s.text);
    }
    FileProgress progress;
    progress.fileName = file.fileName;
    progress.operation = entry.operation;
    progress.version = file.versionKey;
    progress.migrationType = entry.migrationType;
    progress.batchId = result.batchId;
    progress.checksum = entry.checksum;
    progress.statementCount = statementCount;
    progress.state = QStringLiteral("running");
    progress.osUser = m_identity.osUser;
    progress.host = m_identity.host;
    progress.pid = m_identity.pid;
    progress.startedAt = entry.startedAt.toString(Qt::ISODateWithMs);
    bool progressStarted = false;
    // transaction=off: statements that took effect for good (not inside a transaction the file
    // opened itself and has not committed yet), and whether such a transaction is open.
    int committedDone = 0;
    bool fileTransactionOpen = false;
    bool bookkeeping = false; // the final transaction (tracking row, journal) is open

    const OutsideTransaction outside =
        autocommit ? OutsideTransaction{} : statementsOutsideTransaction(dialect, statements);
    const int firstInside = outside.leading;
    const int insideEnd = statementCount - outside.trailing;
    // SQLite: foreign-key enforcement as it was before the file, whatever happened.
    QVariant foreignKeysBefore;
    if (outside.leading > 0) {
        if (Result<QVariant> v = m_connection.scalar(QStringLiteral("PRAGMA foreign_keys")))
            foreignKeysBefore = v.value();
    }
    const auto runTrailing = [&]() -> Status {
        if (!foreignKeysBefore.isValid())
            return {};
        const QString restore =
            QStringLiteral("PRAGMA foreign_keys = %1")
                .arg(foreignKeysBefore.toInt() ? QStringLiteral("ON") : QStringLiteral("OFF"));
        if (Result<QSqlQuery> done = m_connection.exec(restore); !done)
            return done.error();
        return {};
    };

    auto fail = [&](Error error, int statementIndex, RunEvent::Type type) {
        const bool committed =
            !autocommit && failedStatementCommitted(m_connection, statements, statementIndex);
        if (!autocommit || bookkeeping)
            m_connection.rollback();
        else if (fileTransactionOpen)
            m_connection.exec(QStringLiteral("ROLLBACK")); // the file's own, left open
        runTrailing();
        if (autocommit)
            result.statementsInEffect = statements.mid(0, committedDone);
        else if (statementIndex >= 0)
            result.statementsInEffect =
                statementsInEffect(dialect, statements, statementIndex, committed);
        const int inEffect = int(result.statementsInEffect.size());
        const bool cancel = type == RunEvent::Type::FileCancelled;
        if (progressStarted) {
            // Best effort: after a lost connection nothing more can be written.
            progress.statementsDone = inEffect;
            progress.doneLine = inEffect > 0 ? statements.at(inEffect - 1).line : 0;
            progress.runningStatement = 0;
            progress.runningLine = 0;
            if (inEffect == 0) {
                progressStore.remove(progress);
            } else {
                progress.state = cancel ? QStringLiteral("cancelled") : QStringLiteral("failed");
                progress.errorText = error.dbText.isEmpty() ? error.message : error.dbText;
                progressStore.finish(progress);
                result.partlyApplied = progress;
            }
        }
        if (cancel) {
            error.message =
                inEffect > 0
                    ? QStringLiteral("Stopped during %1 at the statement at line %2. "
                                     "Statements 1-%3 of the file had already taken effect and "
                                     "stay; the file is recorded as partly applied.")
                          .arg(file.fileName)
                          .arg(error.line)
                          .arg(inEffect)
                : autocommit ? QStringLiteral("Stopped during %1 at the statement at line %2; "
                                              "nothing of the file took effect.")
                                   .arg(file.fileName)
                                   .arg(error.line)
                             : QStringLiteral("Stopped during %1 at the statement at line %2; the "
                                              "file's changes were rolled back.")
                                   .arg(file.fileName)
                                   .arg(error.line);
        }
        if (inEffect > 0 && (autocommit || progressStarted)) {
            error.hint = (error.hint.isEmpty() ? QString() : error.hint + u'\n') +
                         QStringLiteral("%1 is partly applied: statements 1-%2 of %3 took effect. "
                                        "Repair the database by hand, then run \"resolve %4 "
                                        "--applied\" (if the file's work is now complete) or "
                                        "\"resolve %4 --not-applied\" (if you undid it); until "
                                        "then upgrade and rollback refuse to run.")
                             .arg(file.fileName)
                             .arg(inEffect)
                             .arg(statementCount)
                             .arg(progress.target());
        }
        error.file = file.migration->path;
        entry.durationMs = timer.elapsed();
        entry.outcome = cancel ? QStringLiteral("cancelled") : QStringLiteral("failed");
        entry.errorText = error.dbText.isEmpty() || cancel ? error.message : error.dbText;
        if (result.partlyApplied)
            entry.errorText += u"\n" + result.partlyApplied->summary();
        if (m_tryCount > 1)
            entry.errorText += QStringLiteral("\n(try %1 of %2%3)")
                                   .arg(m_tryNumber)
                                   .arg(m_tryCount)
                                   .arg(m_tryNumber < m_tryCount && result.lockWaitTimedOut &&
                                                result.statementsInEffect.isEmpty()
                                            ? QStringLiteral("; retrying")
                                            : QString());
        entry.failingStatement = error.statement;
        entry.failingLine = error.line;
        journal.write(entry); // best effort, outside the rolled-back transaction
        result.error = std::move(error);
        result.failedFile = file.fileName;
        result.failedFileRanWithoutTransaction = autocommit;
        event.type = type;
        event.elapsedMs = entry.durationMs;
        event.statementsInEffect = inEffect;
        emitEvent(event);
        return false;
    };
    // Writes the progress record; a failure to write it stops the file (its state would be
    // unknown after a kill).
    const auto record = [&](Status written, int statementIndex) {
        if (written)
            return true;
        Error e = written.error();
        e.message = QStringLiteral("Could not record the progress of %1 in tidemark_progress: %2")
                        .arg(file.fileName, e.dbText);
        fail(e, statementIndex, RunEvent::Type::FileFailed);
        return false;
    };

    // Timeouts: the run's, or the file's own; set on the session only when they change.
    const SessionLimits limits = limitsFor(m_limits, file.migration->text.directives);
    const bool limitsChange = m_appliedLimits ? !(limits == *m_appliedLimits)
                                              : limits.statementTimeout || limits.lockWaitTimeout;
    // A transaction opened ahead serves a file whose first step is to open one; otherwise it
    // is closed (empty) before anything runs, session settings included.
    const bool ahead = std::exchange(m_openedAhead, false);
    const bool useAhead = ahead && !(autocommit || outside.leading > 0 || limitsChange);
    if (ahead && !useAhead)
        m_connection.rollback();
    if (limitsChange) {
        if (Status s = applySessionLimits(m_connection, limits); !s)
            return fail(s.error(), -1, RunEvent::Type::FileFailed);
        m_appliedLimits = limits;
    }
    for (int j = 0; j < outside.leading; ++j) {
        if (Result<QSqlQuery> done = m_connection.exec(statements.at(j).text); !done)
            return fail(done.error(), -1, RunEvent::Type::FileFailed);
    }
    if (autocommit) {
        if (!record(progressStore.start(progress), 0))
            return false;
        progressStarted = true;
    } else if (Status s = useAhead ? Status() : m_connection.begin(); !s) {
        return fail(s.error(), -1, RunEvent::Type::FileFailed);
    }
    for (int j = firstInside; j < (autocommit ? statementCount : insideEnd); ++j) {
        const SqlStatement &statement = statements.at(j);
        if (cancelled()) {
            Error e = Error::make(Error::Code::Cancelled, QString());
            e.line = statement.line;
            return fail(e, j, RunEvent::Type::FileCancelled);
        }
        event.type = RunEvent::Type::StatementStarted;
        event.statementIndex = j;
        event.statementCount = statementCount;
        event.line = statement.line;
        event.statement = statement.text;
        event.elapsedMs = timer.elapsed();
        emitEvent(event);

        // MySQL/MariaDB: the marker joins the open transaction, which the statement's implicit
        // commit then commits together with it.
        const bool commitsImplicitly =
            implicitCommits && dialect.causesImplicitCommit(statement.text);
        if (commitsImplicitly && !progressStarted) {
            if (!record(progressStore.start(progress), j))
                return false;
            progressStarted = true;
        }
        if (autocommit || commitsImplicitly) {
            progress.runningStatement = j + 1;
            progress.runningLine = statement.line;
            if (!record(progressStore.running(progress), j))
                return false;
        }
        Result<QSqlQuery> done = m_connection.exec(statement.text);
        if (!done && cancelled()) {
            // Stopped on the server while it ran (or waited for a lock).
            Error e = Error::make(Error::Code::Cancelled, QString());
            e.line = statement.line;
            e.statement = statement.text;
            e.dbText = done.error().dbText;
            return fail(e, j, RunEvent::Type::FileCancelled);
        }
        if (!done) {
            Error e = done.error();
            e.line = statement.line;
            e.message = QStringLiteral("Migration %1 failed at line %2: %3")
                            .arg(file.fileName)
                            .arg(statement.line)
                            .arg(e.dbText);
            if (const TimeoutKind kind = timeoutKindOf(e, dialect.kind());
                kind != TimeoutKind::None) {
                e.hint = timeoutExplanation(kind, limits);
                result.lockWaitTimedOut = kind == TimeoutKind::LockWait;
            }
            return fail(e, j, RunEvent::Type::FileFailed);
        }
        if (dialect.isForeignKeyCheck(statement.text) && done->next()) {
            Error e = Error::make(Error::Code::Database,
                                  QStringLiteral("Migration %1 failed at line %2: the foreign "
                                                 "key check found violations: %3")
                                      .arg(file.fileName)
                                      .arg(statement.line)
                                      .arg(foreignKeyViolations(done.value())),
                                  QStringLiteral("Fix or delete the rows that reference "
                                                 "missing rows; the file's changes were "
                                                 "rolled back."));
            e.line = statement.line;
            e.statement = statement.text;
            return fail(e, j, RunEvent::Type::FileFailed);
        }
        if (autocommit) {
            switch (transactionControl(statement.text, dialect.kind()).kind) {
            case TransactionControl::Opens:
                fileTransactionOpen = true;
                break;
            case TransactionControl::Ends:
                fileTransactionOpen = false;
                break;
            default:
                break;
            }
            if (!fileTransactionOpen)
                committedDone = j + 1;
        }
        if (autocommit || commitsImplicitly) {
            progress.statementsDone = j + 1;
            progress.doneLine = statement.line;
            progress.runningStatement = 0;
            progress.runningLine = 0;
            if (!record(progressStore.done(progress), j + 1))
                return false;
        }
        // MySQL and MariaDB end the transaction at an implicit commit and go back to
        // autocommit: open a new one, so that what follows stays undoable up to the next
        // implicit commit (as statementsInEffect() assumes).
        if (!autocommit && dialect.causesImplicitCommit(statement.text)) {
            if (Status s = m_connection.begin(); !s)
                return fail(s.error(), j + 1, RunEvent::Type::FileFailed);
        }
    }
    if (autocommit && fileTransactionOpen) {
        Error e = Error::make(Error::Code::Database,
                              QStringLiteral("%1 opened a transaction and did not end it; "
                                             "Tidemark rolled that transaction back.")
                                  .arg(file.fileName),
                              QStringLiteral("End the file's transaction with COMMIT."));
        return fail(e, statementCount, RunEvent::Type::FileFailed);
    }
    if (autocommit) {
        if (Status s = m_connection.begin(); !s)
            return fail(s.error(), statementCount, RunEvent::Type::FileFailed);
        bookkeeping = true;
    }
    entry.durationMs = timer.elapsed();
    entry.outcome = file.forgetOnly ? QStringLiteral("forgotten") : QStringLiteral("success");
    if (file.forgetOnly)
        entry.errorText = QStringLiteral("Only the record was forgotten "
                                         "(--forget-without-rollback): the file has no rollback "
                                         "section, so no SQL ran and its changes stay.");
    // The tracking row, the journal row and the end of a progress record commit together with
    // the file (on PostgreSQL in one round trip).
    QList<BoundStatement> bookkeepingStatements{
        upgrade ? store.recordAppliedStatement(*file.migration, file.alreadyTracked)
                : TrackingStore::forgetVersionStatement(file.versionKey),
        Journal::insertStatement(entry)};
    if (progressStarted)
        bookkeepingStatements.append(ProgressStore::removeStatement(progress));
    if (Status s = m_connection.commitWith(bookkeepingStatements, m_openNextAhead); !s) {
        Error e = s.error();
        e.message = QStringLiteral("Could not commit %1 with its records in jetbase_migrations "
                                   "and tidemark_journal: %2")
                        .arg(file.fileName, e.dbText);
        return fail(e, statementCount, RunEvent::Type::FileFailed);
    }
    m_openedAhead = m_connection.inTransaction();
    if (Status s = runTrailing(); !s) {
        result.error = s.error();
        result.failedFile = file.fileName;
        return false;
    }
    result.completedFiles.append(file.fileName);
    event.forgotOnly = file.forgetOnly;
    event.type = RunEvent::Type::FileSucceeded;
    event.elapsedMs = timer.elapsed();
    emitEvent(event);
    return true;
}

} // namespace tidemark
