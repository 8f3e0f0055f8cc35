#include "historyrow.h"

#include <algorithm>

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

bool History::sameAs(const History &other) const
{
    const auto same = [](const HistoryRow &a, const HistoryRow &b) {
        return a.orderExecuted == b.orderExecuted && a.version == b.version &&
               a.description == b.description && a.fileName == b.fileName && a.kind == b.kind &&
               a.appliedAt == b.appliedAt && a.checksum == b.checksum;
    };
    return tableExists == other.tableExists &&
           std::equal(rows.cbegin(), rows.cend(), other.rows.cbegin(), other.rows.cend(), same);
}

} // namespace tidemark
