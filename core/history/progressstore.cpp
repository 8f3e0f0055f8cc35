#include "progressstore.h"

#include "db/connection.h"

namespace tidemark {

namespace {

QVariant nullable(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

QString FileProgress::summary() const
{
    QString text = QStringLiteral("%1 (%2) ").arg(fileName, operation);
    if (state == u"running")
        text += QStringLiteral("is running or was interrupted");
    else if (state == u"interrupted")
        text += QStringLiteral("was interrupted");
    else if (state == u"cancelled")
        text += QStringLiteral("was stopped");
    else
        text += QStringLiteral("failed");
    text +=
        statementsDone > 0
            ? QStringLiteral(" after statement %1 of %2 (line %3): %4 took effect")
                  .arg(statementsDone)
                  .arg(statementCount)
                  .arg(doneLine)
                  .arg(statementsDone == 1 ? QStringLiteral("statement 1")
                                           : QStringLiteral("statements 1-%1").arg(statementsDone))
            : QStringLiteral(" before any of its %1 statements took effect").arg(statementCount);
    if (runningStatement > 0)
        text += QStringLiteral("; statement %1 (line %2) was running and may have taken effect")
                    .arg(runningStatement)
                    .arg(runningLine);
    return text + u'.';
}

Result<QList<FileProgress>> ProgressStore::read() const
{
    QList<FileProgress> rows;
    if (!m_connection.tableExists(QStringLiteral("tidemark_progress")))
        return rows;
    Result<QSqlQuery> q = m_connection.exec(QStringLiteral(
        "SELECT filename, operation, version, migration_type, batch_id, checksum, "
        "statement_count, statements_done, done_line, running_statement, running_line, state, "
        "error_text, os_user, host, pid, started_at FROM tidemark_progress ORDER BY started_at"));
    if (!q)
        return q.error();
    while (q->next()) {
        FileProgress p;
        p.fileName = q->value(0).toString();
        p.operation = q->value(1).toString();
        p.version = q->value(2).toString();
        p.migrationType = q->value(3).toString();
        p.batchId = q->value(4).toString();
        p.checksum = q->value(5).toString();
        p.statementCount = q->value(6).toInt();
        p.statementsDone = q->value(7).toInt();
        p.doneLine = q->value(8).toInt();
        p.runningStatement = q->value(9).toInt();
        p.runningLine = q->value(10).toInt();
        p.state = q->value(11).toString();
        p.errorText = q->value(12).toString();
        p.osUser = q->value(13).toString();
        p.host = q->value(14).toString();
        p.pid = q->value(15).toLongLong();
        p.startedAt = q->value(16).toString();
        rows.append(std::move(p));
    }
    return rows;
}

Status ProgressStore::start(const FileProgress &p)
{
    if (Status s = remove(p); !s)
        return s;
    Result<QSqlQuery> done = m_connection.exec(
        QStringLiteral("INSERT INTO tidemark_progress (filename, operation, version, "
                       "migration_type, batch_id, checksum, statement_count, statements_done, "
                       "done_line, running_statement, running_line, state, error_text, os_user, "
                       "host, pid, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                       "?, ?, ?)"),
        {p.fileName, p.operation, nullable(p.version), p.migrationType, p.batchId,
         nullable(p.checksum), p.statementCount, p.statementsDone, p.doneLine, p.runningStatement,
         p.runningLine, p.state, nullable(p.errorText.left(4000)), p.osUser, p.host, p.pid,
         p.startedAt});
    return done ? Status() : Status(done.error());
}

Status ProgressStore::update(const QString &assignments, const QVariantList &values,
                             const FileProgress &p)
{
    Result<QSqlQuery> done = m_connection.exec(
        QStringLiteral("UPDATE tidemark_progress SET %1 WHERE filename = ? AND operation = ?")
            .arg(assignments),
        values + QVariantList{p.fileName, p.operation});
    return done ? Status() : Status(done.error());
}

Status ProgressStore::running(const FileProgress &p)
{
    return update(QStringLiteral("running_statement = ?, running_line = ?"),
                  {p.runningStatement, p.runningLine}, p);
}

Status ProgressStore::done(const FileProgress &p)
{
    return update(QStringLiteral("statements_done = ?, done_line = ?, running_statement = 0, "
                                 "running_line = 0"),
                  {p.statementsDone, p.doneLine}, p);
}

Status ProgressStore::finish(const FileProgress &p)
{
    return update(QStringLiteral("state = ?, error_text = ?, statements_done = ?, done_line = ?, "
                                 "running_statement = ?, running_line = ?"),
                  {p.state, nullable(p.errorText.left(4000)), p.statementsDone, p.doneLine,
                   p.runningStatement, p.runningLine},
                  p);
}

Status ProgressStore::remove(const FileProgress &p)
{
    Result<QSqlQuery> done = m_connection.exec(removeStatement(p));
    return done ? Status() : Status(done.error());
}

BoundStatement ProgressStore::removeStatement(const FileProgress &p)
{
    return {QStringLiteral("DELETE FROM tidemark_progress WHERE filename = ? AND operation = ?"),
            {p.fileName, p.operation}};
}

} // namespace tidemark
