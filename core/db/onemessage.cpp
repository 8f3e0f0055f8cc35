#include "onemessage.h"

#include "db/connection.h"
#include "db/nativehandle.h"

#include <libpq-fe.h>

namespace tidemark {

std::optional<bool> runAsOneMessage(Connection &connection, const QStringList &statements)
{
    const std::optional<OneMessageOutcome> outcome = sendAsOneMessage(connection, statements);
    if (!outcome)
        return std::nullopt;
    return outcome->ok;
}

std::optional<OneMessageOutcome> sendAsOneMessage(Connection &connection,
                                                  const QStringList &statements)
{
    if (connection.spec().dialect != SqlDialect::Postgres)
        return std::nullopt;
    PGconn *pg = nativeHandle<PGconn *>(connection.database(), {"PGconn*", "pg_conn*"});
    if (!pg)
        return std::nullopt;
    // A line break before each ';': a statement may end in a line comment.
    const QByteArray message = statements.join(QStringLiteral("\n;\n")).toUtf8();
    PGresult *result = PQexec(pg, message.constData());
    const ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    OneMessageOutcome outcome;
    if (result) {
        outcome.errorText = QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY));
        outcome.sqlState = QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE));
    }
    if (outcome.errorText.isEmpty())
        outcome.errorText = QString::fromUtf8(PQerrorMessage(pg)).trimmed();
    if (result)
        outcome.commandTag = QString::fromLatin1(PQcmdStatus(result));
    PQclear(result);
    if (status == PGRES_COPY_IN || status == PGRES_COPY_BOTH) {
        // A COPY FROM STDIN has no data here: end it as failed, which fails the message.
        PQputCopyEnd(pg, "no data: COPY is run on its own");
        while (PGresult *rest = PQgetResult(pg))
            PQclear(rest);
        outcome.errorText = QStringLiteral("COPY FROM STDIN has no data in a message");
        return outcome;
    }
    if (status == PGRES_COPY_OUT) {
        char *row = nullptr;
        while (PQgetCopyData(pg, &row, 0) > 0)
            PQfreemem(row);
        while (PGresult *rest = PQgetResult(pg))
            PQclear(rest);
    }
    outcome.ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK ||
                 status == PGRES_EMPTY_QUERY || status == PGRES_COPY_OUT;
    if (outcome.ok)
        outcome.errorText.clear();
    return outcome;
}

} // namespace tidemark
