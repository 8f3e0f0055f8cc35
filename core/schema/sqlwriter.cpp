#include "schema/sqlwriter.h"

#include "schema/sqlwriters.h"

namespace tidemark {

std::unique_ptr<SqlWriter> SqlWriter::create(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Sqlite:
        return std::make_unique<SqliteSqlWriter>();
    case SqlDialect::Postgres:
        return std::make_unique<PostgresSqlWriter>();
    case SqlDialect::MySql:
        return std::make_unique<MySqlSqlWriter>();
    case SqlDialect::Snowflake:
    case SqlDialect::Databricks:
        break;
    }
    return nullptr;
}

} // namespace tidemark
