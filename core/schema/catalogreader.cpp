#include "catalogreader.h"

#include "schema/catalogreaders.h"

namespace tidemark {

std::unique_ptr<CatalogReader> CatalogReader::create(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Sqlite:
        return std::make_unique<SqliteCatalogReader>();
    case SqlDialect::Postgres:
        return std::make_unique<PostgresCatalogReader>();
    case SqlDialect::MySql:
        return std::make_unique<MySqlCatalogReader>();
    case SqlDialect::Snowflake:
    case SqlDialect::Databricks:
        return {};
    }
    return {};
}

} // namespace tidemark
