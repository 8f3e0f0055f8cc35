#include "db/dialects.h"

#include <QRegularExpression>

namespace tidemark {

QString SqliteDialect::tableExistsSql() const
{
    return QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?");
}

QString SqliteDialect::createMigrationsTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_migrations (\n"
                          "    order_executed INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                          "    version TEXT,\n"
                          "    description TEXT,\n"
                          "    filename TEXT NOT NULL,\n"
                          "    migration_type TEXT NOT NULL,\n"
                          "    applied_at TEXT DEFAULT (STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),\n"
                          "    checksum TEXT\n"
                          ")");
}

QString SqliteDialect::createLockTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS jetbase_lock (\n"
                          "    id INTEGER PRIMARY KEY CHECK (id = 1),\n"
                          "    is_locked BOOLEAN NOT NULL DEFAULT 0,\n"
                          "    locked_at TEXT DEFAULT (STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')),\n"
                          "    process_id TEXT\n"
                          ")");
}

QString SqliteDialect::insertLockRowSql() const
{
    return QStringLiteral("INSERT OR IGNORE INTO jetbase_lock (id, is_locked) VALUES (1, 0)");
}

QString SqliteDialect::createJournalTableSql() const
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS tidemark_journal (\n"
                          "    id INTEGER PRIMARY KEY AUTOINCREMENT,\n"
                          "    batch_id TEXT NOT NULL,\n"
                          "    operation TEXT NOT NULL,\n"
                          "    filename TEXT NOT NULL,\n"
                          "    version TEXT,\n"
                          "    migration_type TEXT NOT NULL,\n"
                          "    checksum TEXT,\n"
                          "    os_user TEXT,\n"
                          "    host TEXT,\n"
                          "    tool_version TEXT,\n"
                          "    started_at TEXT NOT NULL,\n"
                          "    duration_ms INTEGER NOT NULL,\n"
                          "    outcome TEXT NOT NULL,\n"
                          "    error_text TEXT,\n"
                          "    failing_statement TEXT,\n"
                          "    failing_line INTEGER,\n"
                          "    sql_text TEXT\n"
                          ")");
}

QString SqliteDialect::nowSql() const
{
    return QStringLiteral("STRFTIME('%Y-%m-%d %H:%M:%f', 'NOW')");
}

std::optional<bool> SqliteDialect::foreignKeysSwitch(const QString &statement) const
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*PRAGMA\\s+(main\\s*\\.\\s*)?foreign_keys\\s*=\\s*(\\w+)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = pattern.match(statement);
    if (!m.hasMatch())
        return std::nullopt;
    const QString value = m.captured(2).toLower();
    return value == u"on" || value == u"1" || value == u"true" || value == u"yes";
}

bool SqliteDialect::isForeignKeyCheck(const QString &statement) const
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*PRAGMA\\s+(main\\s*\\.\\s*)?foreign_key_check\\s*(\\(.*\\))?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return pattern.match(statement).hasMatch();
}

QString SqliteDialect::viewUsesSql() const
{
    return QStringLiteral("SELECT name, NULL, NULL, sql FROM sqlite_master WHERE type = 'view'");
}

} // namespace tidemark
