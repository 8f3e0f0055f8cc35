#include "jsonviews.h"

namespace tidemark::cli {

QJsonValue nullable(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonObject toJson(const StatusEntry &e)
{
    return {{QStringLiteral("version"), nullable(e.version)},
            {QStringLiteral("description"), e.description},
            {QStringLiteral("filename"), e.fileName},
            {QStringLiteral("type"), migrationTypeName(e.kind)},
            {QStringLiteral("state"), migrationStateName(e.state)},
            {QStringLiteral("applied_at"), nullable(e.appliedAt)},
            {QStringLiteral("order_executed"),
             e.orderExecuted > 0 ? QJsonValue(e.orderExecuted) : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("checksum"), nullable(e.fileChecksum)},
            {QStringLiteral("applied_checksum"), nullable(e.storedChecksum)}};
}

QJsonObject toJson(const HistoryRow &row)
{
    return {{QStringLiteral("version"), nullable(row.version)},
            {QStringLiteral("order_executed"), row.orderExecuted},
            {QStringLiteral("description"), row.description},
            {QStringLiteral("filename"), row.fileName},
            {QStringLiteral("type"), migrationTypeName(row.kind)},
            {QStringLiteral("applied_at"), row.appliedAt},
            {QStringLiteral("checksum"), row.checksum}};
}

QJsonObject toJson(const ValidationProblem &p)
{
    return {{QStringLiteral("kind"), validationKindName(p.kind)},
            {QStringLiteral("version"), nullable(p.version)},
            {QStringLiteral("filename"), nullable(p.fileName)},
            {QStringLiteral("message"), p.message}};
}

QJsonObject toJson(const PlannedFile &file)
{
    QJsonArray statements;
    for (const SqlStatement &s : file.statements)
        statements.append(
            QJsonObject{{QStringLiteral("line"), s.line}, {QStringLiteral("sql"), s.text}});
    return {
        {QStringLiteral("filename"), file.fileName},
        {QStringLiteral("version"), nullable(file.versionKey)},
        {QStringLiteral("type"), migrationTypeName(file.migration->kind())},
        {QStringLiteral("transaction"), file.migration->text.directives.transaction},
        {QStringLiteral("warnings"), QJsonArray::fromStringList(file.migration->warningLines())},
        {QStringLiteral("statements"), statements}};
}

QJsonObject toJson(const JournalEntry &e)
{
    return {{QStringLiteral("id"), e.id},
            {QStringLiteral("batch_id"), e.batchId},
            {QStringLiteral("operation"), e.operation},
            {QStringLiteral("filename"), e.fileName},
            {QStringLiteral("version"), nullable(e.version)},
            {QStringLiteral("type"), e.migrationType},
            {QStringLiteral("os_user"), e.osUser},
            {QStringLiteral("host"), e.host},
            {QStringLiteral("tool_version"), e.toolVersion},
            {QStringLiteral("started_at"), e.startedAt.toString(Qt::ISODateWithMs)},
            {QStringLiteral("duration_ms"), e.durationMs},
            {QStringLiteral("outcome"), e.outcome},
            {QStringLiteral("error"), nullable(e.errorText)},
            {QStringLiteral("failing_statement"), nullable(e.failingStatement)},
            {QStringLiteral("failing_line"),
             e.failingLine > 0 ? QJsonValue(e.failingLine) : QJsonValue(QJsonValue::Null)}};
}

QJsonObject toJson(const LockState &s)
{
    QJsonObject o{{QStringLiteral("locked"), s.locked},
                  {QStringLiteral("locked_at"), nullable(s.lockedAt)},
                  {QStringLiteral("process_id"), nullable(s.processId)},
                  {QStringLiteral("session_lock_holder"), nullable(s.sessionHolder)},
                  {QStringLiteral("held_seconds"),
                   s.heldSeconds >= 0 ? QJsonValue(s.heldSeconds) : QJsonValue()},
                  {QStringLiteral("holder_gone"), s.holderGone}};
    if (!s.holderHost.isEmpty())
        o.insert(QStringLiteral("holder"),
                 QJsonObject{{QStringLiteral("os_user"), s.holderUser},
                             {QStringLiteral("host"), s.holderHost},
                             {QStringLiteral("pid"), s.holderPid},
                             {QStringLiteral("command"), s.holderCommand}});
    return o;
}

QJsonObject toJson(const FileProgress &p)
{
    return {{QStringLiteral("filename"), p.fileName},
            {QStringLiteral("operation"), p.operation},
            {QStringLiteral("version"), nullable(p.version)},
            {QStringLiteral("state"), p.state},
            {QStringLiteral("statement_count"), p.statementCount},
            {QStringLiteral("statements_done"), p.statementsDone},
            {QStringLiteral("done_line"), p.doneLine},
            {QStringLiteral("running_statement"), p.runningStatement},
            {QStringLiteral("running_line"), p.runningLine},
            {QStringLiteral("error"), nullable(p.errorText)},
            {QStringLiteral("host"), p.host},
            {QStringLiteral("pid"), p.pid},
            {QStringLiteral("started_at"), p.startedAt},
            {QStringLiteral("summary"), p.summary()}};
}

QJsonObject toJson(const IgnoredEntry &entry)
{
    return {{QStringLiteral("path"), entry.relativePath}, {QStringLiteral("reason"), entry.reason}};
}

} // namespace tidemark::cli
