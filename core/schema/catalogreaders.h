#pragma once

#include "schema/catalogreader.h"

namespace tidemark {

// sqlite_master and the pragma table-valued functions (pragma_table_info, pragma_index_list,
// pragma_index_xinfo, pragma_foreign_key_list); CHECK constraints and partial-index predicates
// from the stored CREATE statements, parsed with the SQL lexer's rules.
class SqliteCatalogReader final : public CatalogReader
{
public:
    Result<Schema> read(Connection &connection) const override;
    int queryCount() const override;
};

// pg_catalog: pg_class, pg_attribute, pg_attrdef, pg_constraint, pg_index, pg_type, pg_enum.
class PostgresCatalogReader final : public CatalogReader
{
public:
    Result<Schema> read(Connection &connection) const override;
    int queryCount() const override;

private:
    Result<Schema> readCatalog(Connection &connection) const;
};

// information_schema: COLUMNS, STATISTICS, TABLE_CONSTRAINTS, KEY_COLUMN_USAGE,
// REFERENTIAL_CONSTRAINTS, CHECK_CONSTRAINTS.
class MySqlCatalogReader final : public CatalogReader
{
public:
    Result<Schema> read(Connection &connection) const override;
    int queryCount() const override;
};

} // namespace tidemark
