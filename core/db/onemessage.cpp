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

bool sendsOneMessage(const Connection &connection)
{
    return connection.spec().dialect == SqlDialect::Postgres;
}

std::optional<OneMessageOutcome> sendAsOneMessage(Connection &connection,
                                                  const QStringList &statements)
{
    if (!sendsOneMessage(connection))
        return std::nullopt;
    PGconn *pg = nativeHandle<PGconn *>(connection.database(), {"PGconn*", "pg_conn*"});
    if (!pg)
        return std::nullopt;
    // A line break before each ';': a statement may end in a line comment.
    const QByteArray message = statements.join(QStringLiteral("\n;\n")).toUtf8();
    OneMessageOutcome outcome;
    if (!PQsendQuery(pg, message.constData())) {
        outcome.errorText = QString::fromUtf8(PQerrorMessage(pg)).trimmed();
        return outcome;
    }
    // One result for each statement that ran; the server stops at the first that fails.
    bool failed = false;
    const auto failWith = [&](const QString &text, const QString &sqlState) {
        if (failed)
            return;
        failed = true;
        outcome.errorText = text.isEmpty() ? QString::fromUtf8(PQerrorMessage(pg)).trimmed() : text;
        outcome.sqlState = sqlState;
    };
    while (PGresult *result = PQgetResult(pg)) {
        switch (PQresultStatus(result)) {
        case PGRES_COPY_IN:
        case PGRES_COPY_BOTH:
            // A COPY FROM STDIN has no data here: end it as failed, which fails the message.
            failWith(QStringLiteral("COPY FROM STDIN has no data in a message"), {});
            PQputCopyEnd(pg, "no data: COPY is run on its own");
            break;
        case PGRES_COPY_OUT: {
            char *row = nullptr;
            while (PQgetCopyData(pg, &row, 0) > 0)
                PQfreemem(row);
            break;
        }
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY:
            outcome.commandTags.append(QString::fromLatin1(PQcmdStatus(result)));
            break;
        default:
            failWith(QString::fromUtf8(PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)),
                     QString::fromLatin1(PQresultErrorField(result, PG_DIAG_SQLSTATE)));
            break;
        }
        PQclear(result);
    }
    outcome.ok = !failed;
    return outcome;
}

} // namespace tidemark
