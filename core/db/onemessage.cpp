#include "onemessage.h"

#include "db/connection.h"
#include "db/libpq.h"
#include "db/nativehandle.h"

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
    const LibPq *pq = libPq();
    PGconn *pg = nativeHandle<PGconn *>(connection.database(), {"PGconn*", "pg_conn*"});
    if (!pq || !pg)
        return std::nullopt;
    // A line break before each ';': a statement may end in a line comment.
    const QByteArray message = statements.join(QStringLiteral("\n;\n")).toUtf8();
    OneMessageOutcome outcome;
    if (!pq->sendQuery(pg, message.constData())) {
        outcome.errorText = QString::fromUtf8(pq->errorMessage(pg)).trimmed();
        return outcome;
    }
    // One result for each statement that ran; the server stops at the first that fails.
    bool failed = false;
    const auto failWith = [&](const QString &text, const QString &sqlState) {
        if (failed)
            return;
        failed = true;
        outcome.errorText =
            text.isEmpty() ? QString::fromUtf8(pq->errorMessage(pg)).trimmed() : text;
        outcome.sqlState = sqlState;
    };
    while (PGresult *result = pq->getResult(pg)) {
        switch (pq->resultStatus(result)) {
        case PGRES_COPY_IN:
        case PGRES_COPY_BOTH:
            // A COPY FROM STDIN has no data here: end it as failed, which fails the message.
            failWith(QStringLiteral("COPY FROM STDIN has no data in a message"), {});
            pq->putCopyEnd(pg, "no data: COPY is run on its own");
            break;
        case PGRES_COPY_OUT: {
            char *row = nullptr;
            while (pq->getCopyData(pg, &row, 0) > 0)
                pq->freemem(row);
            break;
        }
        case PGRES_COMMAND_OK:
        case PGRES_TUPLES_OK:
        case PGRES_EMPTY_QUERY:
            outcome.commandTags.append(QString::fromLatin1(pq->cmdStatus(result)));
            break;
        default:
            failWith(QString::fromUtf8(pq->resultErrorField(result, PG_DIAG_MESSAGE_PRIMARY)),
                     QString::fromLatin1(pq->resultErrorField(result, PG_DIAG_SQLSTATE)));
            break;
        }
        pq->clear(result);
    }
    outcome.ok = !failed;
    return outcome;
}

} // namespace tidemark
