#pragma once

#include "migration/migrationname.h"
#include "migration/version.h"

#include <QList>
#include <QString>

namespace tidemark {

// One row of jetbase_migrations.
struct HistoryRow
{
    qint64 orderExecuted = 0;
    QString version;       // key string; empty for repeatables (NULL in the table)
    Version parsedVersion; // version, parsed once when the rows are read
    QString description;
    QString fileName;
    MigrationKind kind = MigrationKind::Versioned;
    QString appliedAt; // "YYYY-MM-DD HH:MM:SS.ffffff" (SQLite: Jetbase's text as stored)
    QString checksum;
};

// All rows, read once, ordered by applied_at then order_executed (Jetbase's "history" order).
struct History
{
    QList<HistoryRow> rows;
    bool tableExists = false;

    // The VERSIONED row with the greatest applied_at (ties: greatest order_executed), as Jetbase
    // defines "latest"; nullptr when none.
    const HistoryRow *latestVersioned() const;
    QList<const HistoryRow *> versionedRows() const;
    // The same rows in the same order (every column), and the same table existence.
    bool sameAs(const History &other) const;
};

} // namespace tidemark
