#include "dialect.h"

#include "db/dialects.h"

namespace tidemark {

std::unique_ptr<Dialect> Dialect::create(SqlDialect kind)
{
    switch (kind) {
    case SqlDialect::Sqlite:
        return std::make_unique<SqliteDialect>();
    case SqlDialect::Postgres:
        return std::make_unique<PostgresDialect>();
    case SqlDialect::MySql:
        return std::make_unique<MySqlDialect>();
    case SqlDialect::Snowflake:
        return std::make_unique<SnowflakeDialect>();
    case SqlDialect::Databricks:
        return std::make_unique<DatabricksDialect>();
    }
    return {};
}

QString Dialect::quoteIdentifier(const QString &name) const
{
    return u'"' + QString(name).replace(QStringLiteral("\""), QStringLiteral("\"\"")) + u'"';
}

QString Dialect::createLockHolderTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS tidemark_lock_holder (\n"
                          "    process_id VARCHAR(36) NOT NULL,\n"
                          "    os_user VARCHAR(255),\n"
                          "    host VARCHAR(255),\n"
                          "    pid BIGINT,\n"
                          "    command VARCHAR(255),\n"
                          "    tool_version VARCHAR(64)\n"
                          ")");
}

QString Dialect::createProgressTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS tidemark_progress (\n"
                          "    filename VARCHAR(512) NOT NULL,\n"
                          "    operation VARCHAR(16) NOT NULL,\n"
                          "    version VARCHAR(255),\n"
                          "    migration_type VARCHAR(32) NOT NULL,\n"
                          "    batch_id VARCHAR(36) NOT NULL,\n"
                          "    checksum VARCHAR(64),\n"
                          "    statement_count INT NOT NULL,\n"
                          "    statements_done INT NOT NULL,\n"
                          "    done_line INT NOT NULL,\n"
                          "    running_statement INT NOT NULL,\n"
                          "    running_line INT NOT NULL,\n"
                          "    state VARCHAR(16) NOT NULL,\n"
                          "    error_text VARCHAR(4000),\n"
                          "    os_user VARCHAR(255),\n"
                          "    host VARCHAR(255),\n"
                          "    pid BIGINT,\n"
                          "    started_at VARCHAR(32) NOT NULL\n"
                          ")");
}

std::optional<bool> Dialect::foreignKeysSwitch(const QString &) const
{
    return std::nullopt;
}

bool Dialect::isForeignKeyCheck(const QString &) const
{
    return false;
}

bool Dialect::causesImplicitCommit(const QString &statement) const
{
    if (transactionalDdl())
        return false;
    // The first keyword decides; comments before it were already dropped by the lexer.
    static const QStringList ddl = {
        QStringLiteral("CREATE"),  QStringLiteral("ALTER"),     QStringLiteral("DROP"),
        QStringLiteral("RENAME"),  QStringLiteral("TRUNCATE"),  QStringLiteral("GRANT"),
        QStringLiteral("REVOKE"),  QStringLiteral("LOCK"),      QStringLiteral("UNLOCK"),
        QStringLiteral("ANALYZE"), QStringLiteral("OPTIMIZE"),  QStringLiteral("REPAIR"),
        QStringLiteral("INSTALL"), QStringLiteral("UNINSTALL"), QStringLiteral("COMMIT"),
        QStringLiteral("BEGIN"),   QStringLiteral("START")};
    qsizetype end = 0;
    while (end < statement.size() && statement.at(end).isLetter())
        ++end;
    const QString first = statement.left(end).toUpper();
    return ddl.contains(first);
}

QStringList Dialect::sessionSetup(const ConnectionSpec &) const
{
    return {};
}

} // namespace tidemark
