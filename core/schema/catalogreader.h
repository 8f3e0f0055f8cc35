#pragma once

#include "common/result.h"
#include "common/sqldialect.h"
#include "schema/schemamodel.h"

#include <memory>

namespace tidemark {

class Connection;

// Reads the live schema of the connection's current schema (PostgreSQL: current_schema(), so
// postgres_schema is honoured) or database (MariaDB: DATABASE()), in a fixed number of queries
// whatever the number of tables. Jetbase's and Tidemark's own tables are left out.
class CatalogReader
{
public:
    virtual ~CatalogReader() = default;
    static std::unique_ptr<CatalogReader> create(SqlDialect dialect); // null for ODBC dialects

    virtual Result<Schema> read(Connection &connection) const = 0;
    // How many queries read() runs; the same for 1 table and for 1,000 (tested).
    virtual int queryCount() const = 0;
};

} // namespace tidemark
