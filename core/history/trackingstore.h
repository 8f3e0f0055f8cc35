#pragma once

#include "common/result.h"
#include "db/boundstatement.h"
#include "history/historyrow.h"

namespace tidemark {

class Connection;
struct Migration;

// Reads and writes jetbase_migrations exactly as Jetbase does (JETBASE-COMPAT.md §5). Every
// query names its columns, so extra columns added by others are tolerated.
class TrackingStore
{
public:
    explicit TrackingStore(Connection &connection)
        : m_connection(connection)
    {}

    // Creates jetbase_migrations, jetbase_lock with its row, and tidemark_journal if missing.
    Status ensureTables();
    // One query. A missing table gives an empty History with tableExists false.
    Result<History> read() const;

    // The tracking-row change of one file; call inside the file's transaction.
    Status recordApplied(const Migration &migration, bool alreadyTracked);
    Status recordRolledBack(const QString &versionKey);
    Status updateChecksum(const QString &versionKey, const QString &checksum);
    Status forgetVersion(const QString &versionKey);
    Status forgetRepeatable(const QString &fileName);
    // The statements of recordApplied and forgetVersion, for Connection::commitWith.
    BoundStatement recordAppliedStatement(const Migration &migration, bool alreadyTracked) const;
    static BoundStatement forgetVersionStatement(const QString &versionKey);
    // A row read from another database's table (a rehearsal's copy of the live history), with
    // its applied_at; order_executed is this table's own, so rows keep the order they are added.
    Status insertCopiedRow(const HistoryRow &row);

private:
    Connection &m_connection;
};

} // namespace tidemark
