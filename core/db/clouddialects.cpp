// Snowflake and Databricks through QODBC: the contract's tracking tables, untested against a
// server (none is reachable from the test machines).
#include "db/dialects.h"

namespace tidemark {

QString SnowflakeDialect::tableExistsSql() const
{
    return QStringLiteral("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES "
                          "WHERE TABLE_SCHEMA = CURRENT_SCHEMA() AND TABLE_NAME = UPPER(?)");
}

QString SnowflakeDialect::createMigrationsTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_migrations (\n"
                          "    order_executed INT AUTOINCREMENT PRIMARY KEY,\n"
                          "    version VARCHAR(255),\n"
                          "    description VARCHAR(500) NOT NULL,\n"
                          "    filename VARCHAR(512) NOT NULL,\n"
                          "    migration_type VARCHAR(32) NOT NULL,\n"
                          "    applied_at TIMESTAMP_NTZ DEFAULT CURRENT_TIMESTAMP() NOT NULL,\n"
                          "    checksum VARCHAR(64) NOT NULL\n"
                          ")");
}

QString SnowflakeDialect::createLockTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_lock (\n"
                          "    id INTEGER PRIMARY KEY,\n"
                          "    is_locked BOOLEAN NOT NULL DEFAULT FALSE,\n"
                          "    locked_at TIMESTAMP_NTZ,\n"
                          "    process_id VARCHAR(36)\n"
                          ")");
}

QString SnowflakeDialect::insertLockRowSql() const
{
    return QStringLiteral("MERGE INTO jetbase_lock AS target USING (SELECT 1 AS id) AS source "
                          "ON target.id = source.id "
                          "WHEN NOT MATCHED THEN INSERT (id, is_locked) VALUES (1, FALSE)");
}

QString SnowflakeDialect::createJournalTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS tidemark_journal (\n"
                          "    id INT AUTOINCREMENT PRIMARY KEY,\n"
                          "    batch_id VARCHAR(36) NOT NULL,\n"
                          "    operation VARCHAR(16) NOT NULL,\n"
                          "    filename VARCHAR(512) NOT NULL,\n"
                          "    version VARCHAR(255),\n"
                          "    migration_type VARCHAR(32) NOT NULL,\n"
                          "    checksum VARCHAR(64),\n"
                          "    os_user VARCHAR(255),\n"
                          "    host VARCHAR(255),\n"
                          "    tool_version VARCHAR(64),\n"
                          "    started_at TIMESTAMP_NTZ NOT NULL,\n"
                          "    duration_ms BIGINT NOT NULL,\n"
                          "    outcome VARCHAR(16) NOT NULL,\n"
                          "    error_text VARCHAR,\n"
                          "    failing_statement VARCHAR,\n"
                          "    failing_line INT,\n"
                          "    sql_text VARCHAR\n"
                          ")");
}

QString SnowflakeDialect::timestampTextSql(const QString &column) const
{
    return QStringLiteral("TO_VARCHAR(%1, 'YYYY-MM-DD HH24:MI:SS.FF6')").arg(column);
}

QString DatabricksDialect::quoteIdentifier(const QString &name) const
{
    return u'`' + QString(name).replace(QStringLiteral("`"), QStringLiteral("``")) + u'`';
}

QString DatabricksDialect::tableExistsSql() const
{
    return QStringLiteral("SELECT table_name FROM information_schema.tables "
                          "WHERE table_schema = current_schema() AND LOWER(table_name) = LOWER(?)");
}

QString DatabricksDialect::createMigrationsTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_migrations (\n"
                          "    order_executed BIGINT GENERATED ALWAYS AS IDENTITY,\n"
                          "    version STRING,\n"
                          "    description STRING NOT NULL,\n"
                          "    filename STRING NOT NULL,\n"
                          "    migration_type STRING NOT NULL,\n"
                          "    applied_at TIMESTAMP NOT NULL,\n"
                          "    checksum STRING NOT NULL\n"
                          ")");
}

QString DatabricksDialect::createLockTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_lock (\n"
                          "    id INT,\n"
                          "    is_locked BOOLEAN NOT NULL,\n"
                          "    locked_at TIMESTAMP,\n"
                          "    process_id STRING\n"
                          ")");
}

QString DatabricksDialect::insertLockRowSql() const
{
    return QStringLiteral("MERGE INTO jetbase_lock AS target USING (SELECT 1 AS id) AS source "
                          "ON target.id = source.id "
                          "WHEN NOT MATCHED THEN INSERT (id, is_locked) VALUES (1, FALSE)");
}

QString DatabricksDialect::createJournalTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS tidemark_journal (\n"
                          "    id BIGINT GENERATED ALWAYS AS IDENTITY,\n"
                          "    batch_id STRING NOT NULL,\n"
                          "    operation STRING NOT NULL,\n"
                          "    filename STRING NOT NULL,\n"
                          "    version STRING,\n"
                          "    migration_type STRING NOT NULL,\n"
                          "    checksum STRING,\n"
                          "    os_user STRING,\n"
                          "    host STRING,\n"
                          "    tool_version STRING,\n"
                          "    started_at TIMESTAMP NOT NULL,\n"
                          "    duration_ms BIGINT NOT NULL,\n"
                          "    outcome STRING NOT NULL,\n"
                          "    error_text STRING,\n"
                          "    failing_statement STRING,\n"
                          "    failing_line INT,\n"
                          "    sql_text STRING\n"
                          ")");
}

QString DatabricksDialect::timestampTextSql(const QString &column) const
{
    return QStringLiteral("date_format(%1, 'yyyy-MM-dd HH:mm:ss.SSSSSS')").arg(column);
}

} // namespace tidemark
