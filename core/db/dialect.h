#pragma once

#include "common/sqldialect.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace tidemark {

struct ConnectionSpec;

// Everything that differs between databases for the engine and the tracking tables, chosen
// once from the URL. The SQL texts are the contract's (JETBASE-COMPAT.md §5) word for word.
class Dialect
{
public:
    virtual ~Dialect() = default;
    static std::unique_ptr<Dialect> create(SqlDialect kind);

    virtual SqlDialect kind() const = 0;
    // True when DDL takes part in transactions (SQLite, PostgreSQL): a failed file leaves no trace.
    virtual bool transactionalDdl() const = 0;
    virtual QString quoteIdentifier(const QString &name) const;
    // True when running this statement commits the open transaction first (MySQL and MariaDB
    // DDL): what ran before it in the file can no longer be rolled back.
    virtual bool causesImplicitCommit(const QString &statement) const;
    // One row whose first column is 1 while a transaction is open, or empty where the database
    // cannot tell (MariaDB's @@in_transaction). A DDL statement that fails before it starts (a
    // syntax error) has not committed implicitly: this tells the two cases apart.
    virtual QString transactionOpenSql() const { return {}; }
    // The foreign-key enforcement a statement switches to when it is the dialect's switch that
    // does nothing inside a transaction (SQLite's PRAGMA foreign_keys); nullopt for any other.
    virtual std::optional<bool> foreignKeysSwitch(const QString &statement) const;
    // A statement that returns one row per broken foreign key (SQLite's PRAGMA
    // foreign_key_check): the runner fails the file when it returns any.
    virtual bool isForeignKeyCheck(const QString &statement) const;

    // Statements run once after connecting (PostgreSQL search_path, MySQL sql_mode).
    virtual QStringList sessionSetup(const ConnectionSpec &spec) const;
    // One positional bind (the table name); returns a row when the table exists in the
    // connection's current schema or database.
    virtual QString tableExistsSql() const = 0;

    virtual QString createMigrationsTableSql() const = 0;
    virtual QString createLockTableSql() const = 0;
    virtual QString insertLockRowSql() const = 0;
    virtual QString createJournalTableSql() const = 0;
    // Who holds the jetbase_lock row (Tidemark's addition, for lock-status); plain SQL that
    // every dialect accepts.
    virtual QString createLockHolderTableSql() const;
    // tidemark_progress: how far a file got that runs outside one transaction (see
    // history/progressstore.h). Portable column types, so one definition serves every database.
    virtual QString createProgressTableSql() const;
    // The database's current time, as Jetbase writes it into locked_at.
    virtual QString nowSql() const = 0;
    // A cheap query whose one value names the server and its version (Test Connection); empty
    // when the dialect has none.
    virtual QString serverVersionSql() const { return {}; }
    // Databricks has no default for applied_at: the INSERT supplies it. Empty elsewhere.
    virtual QString appliedAtInsertSql() const { return {}; }
    virtual QString trueLiteral() const { return QStringLiteral("TRUE"); }
    virtual QString falseLiteral() const { return QStringLiteral("FALSE"); }
    // applied_at / locked_at as text "YYYY-MM-DD HH:MM:SS.ffffff" (SQLite keeps Jetbase's text).
    virtual QString timestampTextSql(const QString &column) const = 0;
    // Whole seconds from the timestamp column to the server's now (as nowSql() writes it);
    // empty when the dialect cannot tell.
    virtual QString secondsSinceSql(const QString &) const { return {}; }
    // The number of characters of a text expression (make-migrations' narrowing warnings).
    virtual QString characterLengthSql(const QString &expression) const
    {
        return QStringLiteral("char_length(%1)").arg(expression);
    }

    // A session-level lock beside the jetbase_lock row, so that two Tidemark runs never
    // interleave even before the row is written. Empty where the database has none. The try
    // statement returns one row whose first column is true/1 when the lock was taken.
    virtual QString trySessionLockSql() const { return {}; }
    virtual QString releaseSessionLockSql() const { return {}; }
    // Who holds the session lock (for lock-status), or empty.
    virtual QString sessionLockHolderSql() const { return {}; }

    // The current schema's views and what they read, for check's renames (viewuses.h): rows of
    // (view, table, column, definition). Where the catalog records the dependencies (PostgreSQL)
    // a row names a table and a column (NULL: the table as a whole) and no definition; elsewhere
    // one row per view with NULL table and column and the view's SQL text. Empty: unknown.
    virtual QString viewUsesSql() const { return {}; }
    // Statements that drop a database of the server (quoted name), tried in order until one
    // works: PostgreSQL 13+ first ends sessions a failed run may have left behind.
    virtual QStringList dropDatabaseSql(const QString &quotedName) const
    {
        return {QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quotedName)};
    }
    // For a session that makes routines whose bodies may read what is made after them
    // (PostgreSQL checks SQL bodies when they are created, pg_dump turns that off); empty
    // where there is nothing to turn off.
    virtual QString deferRoutineBodyChecksSql() const { return {}; }
    // One text naming what the server adds to a schema it normalises besides the statements
    // (version, search_path, collation, extensions), which keys the desired-schema cache;
    // empty where there is no such cache.
    virtual QString normalisationFingerprintSql() const { return {}; }
};

} // namespace tidemark
