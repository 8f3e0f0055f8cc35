#pragma once

#include <QStringList>

#include <optional>

namespace tidemark {

class Connection;

// PostgreSQL: sends the statements as one simple-query message (libpq's PQexec on the driver's
// connection): one round trip instead of one for each. The server runs such a message as one
// implicit transaction, so the statements take effect all together or not at all. true: all
// ran; false: one failed and none took effect (run them one by one to find which); nullopt: not
// a PostgreSQL connection (or libpq could not be found), nothing was sent. Not for statements
// that open or end transactions, which would split the implicit one.
std::optional<bool> runAsOneMessage(Connection &connection, const QStringList &statements);

struct OneMessageOutcome
{
    bool ok = false;
    QString errorText; // the server's message when not ok (not yet scrubbed)
    QString sqlState;
    QStringList commandTags; // of the statements that ran, in order ("INSERT 0 1", "COMMIT")
};

// Whether sendAsOneMessage sends anything on this connection (PostgreSQL only): callers skip
// building a message that would not be sent.
bool sendsOneMessage(const Connection &connection);

// As runAsOneMessage, with the server's error when a statement failed. The statements may end
// a transaction that the connection opened before (Connection::commitWith sends its COMMIT so).
std::optional<OneMessageOutcome> sendAsOneMessage(Connection &connection,
                                                  const QStringList &statements);

} // namespace tidemark
