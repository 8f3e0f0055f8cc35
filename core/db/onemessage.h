#pragma once

#include <QStringList>

#include <optional>

namespace tidemark {

class Connection;

// PostgreSQL: sends the statements as one simple-query message (libpq's PQexec on the driver's
// connection): one round trip instead of one for each. The server runs such a message as one
// implicit transaction, so the statements take effect all together or not at all. true: all
// ran; false: one failed and none took effect (run them one by one to find which); nullopt: not
// a PostgreSQL connection, nothing was sent. Not for statements that open or end transactions,
// which would split the implicit one.
std::optional<bool> runAsOneMessage(Connection &connection, const QStringList &statements);

} // namespace tidemark
