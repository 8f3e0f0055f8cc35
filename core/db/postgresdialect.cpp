#include "db/databaseurl.h"
#include "db/dialects.h"

namespace tidemark {

QStringList PostgresDialect::sessionSetup(const ConnectionSpec &spec) const
{
    // libpq prints NOTICEs (e.g. "relation already exists, skipping") to stderr; Jetbase's
    // driver does not, and they would clutter every command's output.
    QStringList statements{QStringLiteral("SET client_min_messages TO warning")};
    // postgres_schema puts everything, the tracking tables included, in that schema only.
    if (!spec.schema.isEmpty())
        statements.append(
            QStringLiteral("SET search_path TO %1").arg(quoteIdentifier(spec.schema)));
    return statements;
}

QString PostgresDialect::tableExistsSql() const
{
    return QStringLiteral("SELECT table_name FROM information_schema.tables "
                          "WHERE table_schema = current_schema() AND table_name = ?");
}

QString PostgresDialect::createMigrationsTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_migrations (\n"
                          "    order_executed INT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                          "    version VARCHAR(255),\n"
                          "    description VARCHAR(500) NOT NULL,\n"
                          "    filename VARCHAR(512) NOT NULL,\n"
                          "    migration_type VARCHAR(32) NOT NULL,\n"
                          "    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL,\n"
                          "    checksum VARCHAR(64) NOT NULL\n"
                          ")");
}

QString PostgresDialect::createLockTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_lock (\n"
                          "    id INTEGER PRIMARY KEY CHECK (id = 1),\n"
                          "    is_locked BOOLEAN NOT NULL DEFAULT FALSE,\n"
                          "    locked_at TIMESTAMP,\n"
                          "    process_id VARCHAR(36)\n"
                          ")");
}

QString PostgresDialect::insertLockRowSql() const
{
    return QStringLiteral(
        "INSERT INTO jetbase_lock (id, is_locked) "
        "SELECT 1, FALSE WHERE NOT EXISTS (SELECT 1 FROM jetbase_lock WHERE id = 1)");
}

QString PostgresDialect::createJournalTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS tidemark_journal (\n"
                          "    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
                          "    batch_id VARCHAR(36) NOT NULL,\n"
                          "    operation VARCHAR(16) NOT NULL,\n"
                          "    filename VARCHAR(512) NOT NULL,\n"
                          "    version VARCHAR(255),\n"
                          "    migration_type VARCHAR(32) NOT NULL,\n"
                          "    checksum VARCHAR(64),\n"
                          "    os_user VARCHAR(255),\n"
                          "    host VARCHAR(255),\n"
                          "    tool_version VARCHAR(64),\n"
                          "    started_at TIMESTAMP NOT NULL,\n"
                          "    duration_ms BIGINT NOT NULL,\n"
                          "    outcome VARCHAR(16) NOT NULL,\n"
                          "    error_text TEXT,\n"
                          "    failing_statement TEXT,\n"
                          "    failing_line INT,\n"
                          "    sql_text TEXT\n"
                          ")");
}

QString PostgresDialect::timestampTextSql(const QString &column) const
{
    return QStringLiteral("to_char(%1, 'YYYY-MM-DD HH24:MI:SS.US')").arg(column);
}

// One advisory lock per schema, so that projects in different schemas of one database do not
// wait for each other. 0x54444D4B is "TDMK".
QString PostgresDialect::trySessionLockSql() const
{
    return QStringLiteral("SELECT pg_try_advisory_lock(1413762379, hashtext(current_schema()))");
}

QString PostgresDialect::releaseSessionLockSql() const
{
    return QStringLiteral("SELECT pg_advisory_unlock(1413762379, hashtext(current_schema()))");
}

QString PostgresDialect::sessionLockHolderSql() const
{
    return QStringLiteral("SELECT a.pid::text || ' ' || coalesce(a.usename, '') || '@' || "
                          "coalesce(host(a.client_addr), 'local') || ' since ' || "
                          "to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS') "
                          "FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
                          "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 1413762379 "
                          "AND l.objid = hashtext(current_schema())::oid AND l.objsubid = 2 "
                          "AND l.database = (SELECT oid FROM pg_database "
                          "WHERE datname = current_database())");
}

QString PostgresDialect::viewUsesSql() const
{
    // A view's rewrite rule depends on each column it reads (refobjsubid), or on the table as a
    // whole (0); both the view and the table in the schemas unqualified names find.
    return QStringLiteral(
        "SELECT DISTINCT v.relname, t.relname, a.attname, NULL::text "
        "FROM pg_depend d JOIN pg_rewrite r ON r.oid = d.objid "
        "JOIN pg_class v ON v.oid = r.ev_class JOIN pg_class t ON t.oid = d.refobjid "
        "LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid "
        "AND d.refobjsubid > 0 "
        "WHERE d.classid = 'pg_rewrite'::regclass AND d.refclassid = 'pg_class'::regclass "
        "AND v.oid <> t.oid AND v.relkind IN ('v', 'm') AND t.relkind IN ('r', 'p', 'v', 'm') "
        "AND v.relnamespace IN (SELECT oid FROM pg_namespace "
        "WHERE nspname = ANY (current_schemas(false))) "
        "AND t.relnamespace IN (SELECT oid FROM pg_namespace "
        "WHERE nspname = ANY (current_schemas(false)))");
}

QString PostgresDialect::normalisationFingerprintSql() const
{
    return QStringLiteral(
        "SELECT concat_ws('|', current_setting('server_version_num'), "
        "current_setting('search_path'), (SELECT datcollate || ' ' || datctype FROM pg_database "
        "WHERE datname = current_database()), (SELECT string_agg(extname || ' ' || extversion, "
        "',' ORDER BY extname) FROM pg_extension))");
}

QStringList PostgresDialect::dropDatabaseSql(const QString &quotedName) const
{
    return {QStringLiteral("DROP DATABASE IF EXISTS %1 WITH (FORCE)").arg(quotedName),
            QStringLiteral("DROP DATABASE IF EXISTS %1").arg(quotedName)};
}

} // namespace tidemark
