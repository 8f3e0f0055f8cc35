#include "sqldialect.h"

namespace tidemark {

QString dialectName(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Sqlite:
        return QStringLiteral("sqlite");
    case SqlDialect::Postgres:
        return QStringLiteral("postgresql");
    case SqlDialect::MySql:
        return QStringLiteral("mysql");
    case SqlDialect::Snowflake:
        return QStringLiteral("snowflake");
    case SqlDialect::Databricks:
        return QStringLiteral("databricks");
    }
    return {};
}

} // namespace tidemark
