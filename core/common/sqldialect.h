#pragma once

#include <QString>

namespace tidemark {

// The SQL dialect of a connection, chosen once from the URL.
enum class SqlDialect { Sqlite, Postgres, MySql, Snowflake, Databricks };

QString
dialectName(SqlDialect dialect); // "sqlite", "postgresql", "mysql", "snowflake", "databricks"

} // namespace tidemark
