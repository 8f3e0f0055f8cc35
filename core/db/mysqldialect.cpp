#include "db/databaseurl.h"
#include "db/dialects.h"

namespace tidemark {

QString MySqlDialect::quoteIdentifier(const QString &name) const
{
    return u'`' + QString(name).replace(QStringLiteral("`"), QStringLiteral("``")) + u'`';
}

QStringList MySqlDialect::sessionSetup(const ConnectionSpec &) const
{
    return {};
}

QString MySqlDialect::tableExistsSql() const
{
    return QStringLiteral("SELECT table_name FROM information_schema.tables "
                          "WHERE table_schema = DATABASE() AND table_name = ?");
}

QString MySqlDialect::createMigrationsTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_migrations (\n"
                          "    order_executed INT AUTO_INCREMENT PRIMARY KEY,\n"
                          "    version VARCHAR(255),\n"
                          "    description VARCHAR(500) NOT NULL,\n"
                          "    filename VARCHAR(512) NOT NULL,\n"
                          "    migration_type VARCHAR(32) NOT NULL,\n"
                          "    applied_at TIMESTAMP(6) DEFAULT CURRENT_TIMESTAMP(6) NOT NULL,\n"
                          "    checksum VARCHAR(64) NOT NULL\n"
                          ")");
}

QString MySqlDialect::createLockTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_lock (\n"
                          "    id INT PRIMARY KEY CHECK (id = 1),\n"
                          "    is_locked BOOLEAN NOT NULL DEFAULT FALSE,\n"
                          "    locked_at TIMESTAMP(6) NULL,\n"
                          "    process_id VARCHAR(36)\n"
                          ")");
}

QString MySqlDialect::insertLockRowSql() const
{
    return QStringLiteral("INSERT IGNORE INTO jetbase_lock (id, is_locked) VALUES (1, FALSE)");
}

QString MySqlDialect::createJournalTableSql() const
{
    // DATETIME, not TIMESTAMP: started_at is written in UTC and must not be shifted by the
    // session time zone.
    return QStringLiteral("CREATE TABLE IF NOT EXISTS tidemark_journal (\n"
                          "    id BIGINT AUTO_INCREMENT PRIMARY KEY,\n"
                          "    batch_id VARCHAR(36) NOT NULL,\n"
                          "    operation VARCHAR(16) NOT NULL,\n"
                          "    filename VARCHAR(512) NOT NULL,\n"
                          "    version VARCHAR(255),\n"
                          "    migration_type VARCHAR(32) NOT NULL,\n"
                          "    checksum VARCHAR(64),\n"
                          "    os_user VARCHAR(255),\n"
                          "    host VARCHAR(255),\n"
                          "    tool_version VARCHAR(64),\n"
                          "    started_at DATETIME(3) NOT NULL,\n"
                          "    duration_ms BIGINT NOT NULL,\n"
                          "    outcome VARCHAR(16) NOT NULL,\n"
                          "    error_text LONGTEXT,\n"
                          "    failing_statement LONGTEXT,\n"
                          "    failing_line INT,\n"
                          "    sql_text LONGTEXT\n"
                          ")");
}

QString MySqlDialect::timestampTextSql(const QString &column) const
{
    return QStringLiteral("DATE_FORMAT(%1, '%Y-%m-%d %H:%i:%s.%f')").arg(column);
}

QString MySqlDialect::trySessionLockSql() const
{
    return QStringLiteral("SELECT GET_LOCK(CONCAT('tidemark:', DATABASE()), 0)");
}

QString MySqlDialect::releaseSessionLockSql() const
{
    return QStringLiteral("SELECT RELEASE_LOCK(CONCAT('tidemark:', DATABASE()))");
}

QString MySqlDialect::sessionLockHolderSql() const
{
    // PROCESSLIST.TIME is the time in the current command, not how long the lock is held.
    return QStringLiteral("SELECT CONCAT(p.ID, ' ', p.USER, '@', p.HOST) "
                          "FROM information_schema.PROCESSLIST p "
                          "WHERE p.ID = IS_USED_LOCK(CONCAT('tidemark:', DATABASE()))");
}

QString MySqlDialect::viewUsesSql() const
{
    return QStringLiteral("SELECT TABLE_NAME, NULL, NULL, VIEW_DEFINITION FROM "
                          "information_schema.VIEWS WHERE TABLE_SCHEMA = DATABASE()");
}

} // namespace tidemark
