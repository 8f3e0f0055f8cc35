#include "journal.h"

#include "db/connection.h"

#include <QTimeZone>

namespace tidemark {

namespace {

const QString TimestampFormat = QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz");

QVariant nullableText(const QString &text)
{
    return text.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(text);
}

} // namespace

Status Journal::write(const JournalEntry &e)
{
    Result<QSqlQuery> done = m_connection.exec(insertStatement(e));
    return done ? Status() : Status(done.error());
}

BoundStatement Journal::insertStatement(const JournalEntry &e)
{
    return {QStringLiteral("INSERT INTO tidemark_journal (batch_id, operation, filename, version, "
                           "migration_type, checksum, os_user, host, tool_version, started_at, "
                           "duration_ms, outcome, error_text, failing_statement, failing_line, "
                           "sql_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {e.batchId, e.operation, e.fileName, nullableText(e.version), e.migrationType,
             nullableText(e.checksum), e.osUser, e.host, e.toolVersion,
             e.startedAt.toUTC().toString(TimestampFormat), e.durationMs, e.outcome,
             nullableText(e.errorText), nullableText(e.failingStatement),
             e.failingLine > 0 ? QVariant(e.failingLine) : QVariant(QMetaType::fromType<int>()),
             nullableText(e.sqlText)}};
}

Result<QList<JournalEntry>> Journal::read(int limit) const
{
    QList<JournalEntry> entries;
    if (!m_connection.tableExists(QStringLiteral("tidemark_journal")))
        return entries;
    QString sql =
        QStringLiteral("SELECT id, batch_id, operation, filename, version, migration_type, "
                       "checksum, os_user, host, tool_version, %1, duration_ms, outcome, "
                       "error_text, failing_statement, failing_line, sql_text "
                       "FROM tidemark_journal ORDER BY id DESC")
            .arg(m_connection.dialect().timestampTextSql(QStringLiteral("started_at")));
    if (limit > 0)
        sql += QStringLiteral(" LIMIT %1").arg(limit);
    Result<QSqlQuery> q = m_connection.exec(sql);
    if (!q)
        return q.error();
    while (q->next()) {
        JournalEntry e;
        e.id = q->value(0).toLongLong();
        e.batchId = q->value(1).toString();
        e.operation = q->value(2).toString();
        e.fileName = q->value(3).toString();
        e.version = q->value(4).toString();
        e.migrationType = q->value(5).toString();
        e.checksum = q->value(6).toString();
        e.osUser = q->value(7).toString();
        e.host = q->value(8).toString();
        e.toolVersion = q->value(9).toString();
        e.startedAt = QDateTime::fromString(q->value(10).toString().left(23), TimestampFormat);
        e.startedAt.setTimeSpec(Qt::UTC);
        e.durationMs = q->value(11).toLongLong();
        e.outcome = q->value(12).toString();
        e.errorText = q->value(13).toString();
        e.failingStatement = q->value(14).toString();
        e.failingLine = q->value(15).toInt();
        e.sqlText = q->value(16).toString();
        entries.append(std::move(e));
    }
    return entries;
}

Result<QStringList> Journal::lastUpgradeBatchVersions() const
{
    if (!m_connection.tableExists(QStringLiteral("tidemark_journal")))
        return QStringList();
    Result<QVariant> batch = m_connection.scalar(QStringLiteral(
        "SELECT batch_id FROM tidemark_journal WHERE operation = 'upgrade' AND "
        "outcome = 'success' AND migration_type = 'VERSIONED' ORDER BY id DESC LIMIT 1"));
    if (!batch)
        return batch.error();
    if (!batch->isValid())
        return QStringList();
    Result<QSqlQuery> q = m_connection.exec(
        QStringLiteral("SELECT version FROM tidemark_journal WHERE batch_id = ? AND operation = "
                       "'upgrade' AND outcome = 'success' AND migration_type = 'VERSIONED' "
                       "ORDER BY id"),
        {batch->toString()});
    if (!q)
        return q.error();
    QStringList versions;
    while (q->next())
        versions.append(q->value(0).toString());
    return versions;
}

} // namespace tidemark
