#pragma once

#include "common/sqldialect.h"
#include "schema/schemachange.h"

#include <QStringList>

#include <memory>

namespace tidemark {

// The SQL of one generated migration: statements without their trailing ';'.
struct MigrationSql
{
    QStringList upgrade;
    QStringList rollback; // in the order they run: the upgrade's steps undone in reverse
    // For people, in the file header: "users is rebuilt: SQLite cannot change a column type".
    QStringList notes;
};

// Writes upgrade and rollback SQL for a schema difference in one dialect: tables created in
// foreign-key order and dropped in reverse, foreign-key cycles closed with ALTER TABLE ... ADD
// CONSTRAINT once both tables exist, identifiers quoted where needed, and rollbacks that
// restore the current schema exactly (defaults, indexes and keys included). On SQLite the
// table-rebuild procedure covers what ALTER TABLE cannot do.
class SqlWriter
{
public:
    virtual ~SqlWriter() = default;
    static std::unique_ptr<SqlWriter> create(SqlDialect dialect); // null for ODBC dialects

    // current: the live schema the diff was computed from; desired: the target. The changes
    // may be a subset of compareSchemas(current, desired) (the window's unticked changes).
    virtual MigrationSql write(const QList<SchemaChange> &changes, const Schema &current,
                               const Schema &desired) const = 0;
};

} // namespace tidemark
