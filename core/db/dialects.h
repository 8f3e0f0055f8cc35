#pragma once

#include "db/dialect.h"

namespace tidemark {

class SqliteDialect final : public Dialect
{
public:
    SqlDialect kind() const override { return SqlDialect::Sqlite; }
    bool transactionalDdl() const override { return true; }
    QString characterLengthSql(const QString &expression) const override
    {
        return QStringLiteral("length(%1)").arg(expression);
    }
    QString tableExistsSql() const override;
    QString createMigrationsTableSql() const override;
    QString createLockTableSql() const override;
    QString insertLockRowSql() const override;
    QString createJournalTableSql() const override;
    QString nowSql() const override;
    QString serverVersionSql() const override
    {
        return QStringLiteral("SELECT 'SQLite ' || sqlite_version()");
    }
    QString trueLiteral() const override { return QStringLiteral("1"); }
    QString falseLiteral() const override { return QStringLiteral("0"); }
    QString timestampTextSql(const QString &column) const override { return column; }
    QString secondsSinceSql(const QString &column) const override
    {
        return QStringLiteral("CAST((julianday('now') - julianday(%1)) * 86400 AS INTEGER)")
            .arg(column);
    }
    std::optional<bool> foreignKeysSwitch(const QString &statement) const override;
    bool isForeignKeyCheck(const QString &statement) const override;
    QString viewUsesSql() const override;
};

class PostgresDialect final : public Dialect
{
public:
    SqlDialect kind() const override { return SqlDialect::Postgres; }
    bool transactionalDdl() const override { return true; }
    QStringList sessionSetup(const ConnectionSpec &spec) const override;
    QString tableExistsSql() const override;
    QString createMigrationsTableSql() const override;
    QString createLockTableSql() const override;
    QString insertLockRowSql() const override;
    QString createJournalTableSql() const override;
    QString nowSql() const override { return QStringLiteral("CURRENT_TIMESTAMP"); }
    QString secondsSinceSql(const QString &column) const override
    {
        return QStringLiteral("CAST(EXTRACT(EPOCH FROM (CURRENT_TIMESTAMP - %1)) AS BIGINT)")
            .arg(column);
    }
    QString serverVersionSql() const override { return QStringLiteral("SELECT version()"); }
    QString timestampTextSql(const QString &column) const override;
    QString trySessionLockSql() const override;
    QString releaseSessionLockSql() const override;
    QString sessionLockHolderSql() const override;
    QString viewUsesSql() const override;
    QStringList dropDatabaseSql(const QString &quotedName) const override;
    QString deferRoutineBodyChecksSql() const override
    {
        return QStringLiteral("SET check_function_bodies = off");
    }
    QString normalisationFingerprintSql() const override;
};

class MySqlDialect final : public Dialect
{
public:
    SqlDialect kind() const override { return SqlDialect::MySql; }
    bool transactionalDdl() const override { return false; }
    QString quoteIdentifier(const QString &name) const override;
    QStringList sessionSetup(const ConnectionSpec &spec) const override;
    QString tableExistsSql() const override;
    QString createMigrationsTableSql() const override;
    QString createLockTableSql() const override;
    QString insertLockRowSql() const override;
    QString createJournalTableSql() const override;
    QString nowSql() const override { return QStringLiteral("CURRENT_TIMESTAMP(6)"); }
    QString secondsSinceSql(const QString &column) const override
    {
        return QStringLiteral("TIMESTAMPDIFF(SECOND, %1, CURRENT_TIMESTAMP(6))").arg(column);
    }
    QString serverVersionSql() const override { return QStringLiteral("SELECT version()"); }
    QString timestampTextSql(const QString &column) const override;
    QString trySessionLockSql() const override;
    QString releaseSessionLockSql() const override;
    QString sessionLockHolderSql() const override;
    QString viewUsesSql() const override;
    QString transactionOpenSql() const override
    {
        return QStringLiteral("SELECT @@in_transaction");
    }
};

// Snowflake and Databricks are mapped and their SQL is the contract's, but no server is
// available to test them here.
class SnowflakeDialect final : public Dialect
{
public:
    SqlDialect kind() const override { return SqlDialect::Snowflake; }
    bool transactionalDdl() const override { return false; }
    QString tableExistsSql() const override;
    QString createMigrationsTableSql() const override;
    QString createLockTableSql() const override;
    QString insertLockRowSql() const override;
    QString createJournalTableSql() const override;
    QString nowSql() const override { return QStringLiteral("CURRENT_TIMESTAMP()"); }
    QString timestampTextSql(const QString &column) const override;
};

class DatabricksDialect final : public Dialect
{
public:
    SqlDialect kind() const override { return SqlDialect::Databricks; }
    bool transactionalDdl() const override { return false; }
    QString quoteIdentifier(const QString &name) const override;
    QString tableExistsSql() const override;
    QString createMigrationsTableSql() const override;
    QString createLockTableSql() const override;
    QString insertLockRowSql() const override;
    QString createJournalTableSql() const override;
    QString nowSql() const override { return QStringLiteral("CURRENT_TIMESTAMP()"); }
    QString appliedAtInsertSql() const override { return nowSql(); }
    QString timestampTextSql(const QString &column) const override;
};

} // namespace tidemark
