#include "runner.h"

#include "db/connection.h"
#include "engine/foreignkeypragmas.h"
#include "history/journal.h"
#include "history/trackingstore.h"

#include <QElapsedTimer>
#include <QSqlQuery>
#include <QUuid>

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
    TrackingStore store(m_connection);
    Journal journal(m_connection);
    const bool upgrade = plan.direction == Direction::Upgrade;
    const int fileCount = int(plan.files.size());

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
            return result;
        }
        emitEvent(event);

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

        const OutsideTransaction outside =
            statementsOutsideTransaction(m_connection.dialect(), file.statements);
        const int insideEnd = int(file.statements.size()) - outside.trailing;
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
                type == RunEvent::Type::FileFailed &&
                failedStatementCommitted(m_connection, file.statements, statementIndex);
            m_connection.rollback();
            runTrailing();
            if (statementIndex >= 0)
                result.statementsInEffect = statementsInEffect(
                    m_connection.dialect(), file.statements, statementIndex, committed);
            error.file = file.migration->path;
            entry.durationMs = timer.elapsed();
            entry.outcome = type == RunEvent::Type::FileCancelled ? QStringLiteral("cancelled")
                                                                  : QStringLiteral("failed");
            entry.errorText = error.dbText.isEmpty() ? error.message : error.dbText;
            entry.failingStatement = error.statement;
            entry.failingLine = error.line;
            journal.write(entry); // best effort, outside the rolled-back transaction
            result.error = std::move(error);
            result.failedFile = file.fileName;
            event.type = type;
            event.elapsedMs = entry.durationMs;
            emitEvent(event);
            return result;
        };

        for (int j = 0; j < outside.leading; ++j) {
            if (Result<QSqlQuery> done = m_connection.exec(file.statements.at(j).text); !done)
                return fail(done.error(), -1, RunEvent::Type::FileFailed);
        }
        if (Status s = m_connection.begin(); !s)
            return fail(s.error(), -1, RunEvent::Type::FileFailed);
        for (int j = outside.leading; j < insideEnd; ++j) {
            const SqlStatement &statement = file.statements.at(j);
            if (cancelled()) {
                Error e =
                    Error::make(Error::Code::Cancelled,
                                QStringLiteral("Stopped during %1 before the statement at "
                                               "line %2; the file's changes were rolled back.")
                                    .arg(file.fileName)
                                    .arg(statement.line));
                e.line = statement.line;
                return fail(e, j, RunEvent::Type::FileCancelled);
            }
            event.type = RunEvent::Type::StatementStarted;
            event.statementIndex = j;
            event.statementCount = int(file.statements.size());
            event.line = statement.line;
            event.statement = statement.text;
            event.elapsedMs = timer.elapsed();
            emitEvent(event);
            Result<QSqlQuery> done = m_connection.exec(statement.text);
            if (!done) {
                Error e = done.error();
                e.line = statement.line;
                e.message = QStringLiteral("Migration %1 failed at line %2: %3")
                                .arg(file.fileName)
                                .arg(statement.line)
                                .arg(e.dbText);
                return fail(e, j, RunEvent::Type::FileFailed);
            }
            if (m_connection.dialect().isForeignKeyCheck(statement.text) && done->next()) {
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
            // MySQL and MariaDB end the transaction at an implicit commit and go back to
            // autocommit: open a new one, so that what follows stays undoable up to the next
            // implicit commit (as statementsInEffect() assumes).
            if (m_connection.dialect().causesImplicitCommit(statement.text)) {
                if (Status s = m_connection.begin(); !s)
                    return fail(s.error(), j + 1, RunEvent::Type::FileFailed);
            }
        }
        Status tracked = upgrade ? store.recordApplied(*file.migration, file.alreadyTracked)
                                 : store.forgetVersion(file.versionKey);
        if (!tracked) {
            Error e = tracked.error();
            e.message = QStringLiteral("Could not record %1 in jetbase_migrations: %2")
                            .arg(file.fileName, e.dbText);
            return fail(e, int(file.statements.size()), RunEvent::Type::FileFailed);
        }
        entry.durationMs = timer.elapsed();
        entry.outcome = QStringLiteral("success");
        if (Status s = journal.write(entry); !s)
            return fail(s.error(), int(file.statements.size()), RunEvent::Type::FileFailed);
        if (Status s = m_connection.commit(); !s)
            return fail(s.error(), int(file.statements.size()), RunEvent::Type::FileFailed);
        if (Status s = runTrailing(); !s) {
            result.error = s.error();
            result.failedFile = file.fileName;
            return result;
        }
        result.completedFiles.append(file.fileName);
        event.type = RunEvent::Type::FileSucceeded;
        event.elapsedMs = timer.elapsed();
        emitEvent(event);
    }
    return result;
}

} // namespace tidemark
