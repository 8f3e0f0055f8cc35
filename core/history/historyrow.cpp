#include "historyrow.h"

namespace tidemark {

const HistoryRow *History::latestVersioned() const
{
    // rows are sorted by applied_at, order_executed: the last VERSIONED one is the latest.
    for (qsizetype i = rows.size() - 1; i >= 0; --i) {
        if (rows.at(i).kind == MigrationKind::Versioned)
            return &rows.at(i);
    }
    return nullptr;
}

QList<const HistoryRow *> History::versionedRows() const
{
    QList<const HistoryRow *> result;
    for (const HistoryRow &row : rows) {
        if (row.kind == MigrationKind::Versioned)
            result.append(&row);
    }
    return result;
}

} // namespace tidemark
