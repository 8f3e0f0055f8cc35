#include "sessionlimits.h"

#include "db/connection.h"

namespace tidemark {

namespace {

constexpr int SqliteDefaultBusyMs = 5000; // QSQLITE's own default (QSQLITE_BUSY_TIMEOUT)
constexpr int MariadbNoLimit = 31536000;  // lock_wait_timeout's maximum and default: one year

} // namespace

SessionLimits limitsFor(const RunLimits &run, const FileDirectives &file)
{
    SessionLimits limits;
    limits.statementTimeout = run.statementTimeout;
    limits.lockWaitTimeout = run.lockWaitTimeout;
    if (file.statementTimeoutSeconds) {
        limits.statementTimeout = file.statementTimeoutSeconds;
        limits.statementFromFile = true;
    }
    if (file.lockWaitTimeoutSeconds) {
        limits.lockWaitTimeout = file.lockWaitTimeoutSeconds;
        limits.lockWaitFromFile = true;
    }
    return limits;
}

SessionLimits quickReadLimits()
{
    SessionLimits limits;
    limits.statementTimeout = 10;
    limits.lockWaitTimeout = 2;
    return limits;
}

Status applySessionLimits(Connection &connection, const SessionLimits &limits)
{
    QStringList statements;
    const std::optional<int> statement = limits.statementTimeout;
    const std::optional<int> lockWait = limits.lockWaitTimeout;
    switch (connection.spec().dialect) {
    case SqlDialect::Postgres:
        statements << (statement
                           ? QStringLiteral("SET statement_timeout = %1").arg(*statement * 1000)
                           : QStringLiteral("SET statement_timeout TO DEFAULT"))
                   << (lockWait ? QStringLiteral("SET lock_timeout = %1").arg(*lockWait * 1000)
                                : QStringLiteral("SET lock_timeout TO DEFAULT"));
        break;
    case SqlDialect::MySql: {
        statements << (statement
                           ? QStringLiteral("SET SESSION max_statement_time = %1").arg(*statement)
                           : QStringLiteral("SET SESSION max_statement_time = DEFAULT"));
        const int wait = lockWait && *lockWait > 0 ? *lockWait : MariadbNoLimit;
        statements << (lockWait ? QStringLiteral("SET SESSION lock_wait_timeout = %1").arg(wait)
                                : QStringLiteral("SET SESSION lock_wait_timeout = DEFAULT"))
                   << (lockWait ? QStringLiteral("SET SESSION innodb_lock_wait_timeout = %1")
                                      .arg(std::min(wait, 1073741824))
                                : QStringLiteral("SET SESSION innodb_lock_wait_timeout = DEFAULT"));
        break;
    }
    case SqlDialect::Sqlite:
        // 0 would mean "fail at once" to SQLite: no limit is a very long wait instead.
        statements << QStringLiteral("PRAGMA busy_timeout = %1")
                          .arg(!lockWait        ? SqliteDefaultBusyMs
                               : *lockWait == 0 ? 2147483647
                                                : *lockWait * 1000);
        break;
    default:
        return {};
    }
    for (const QString &sql : std::as_const(statements)) {
        if (Result<QSqlQuery> done = connection.exec(sql); !done)
            return done.error();
    }
    return {};
}

TimeoutKind timeoutKindOf(const Error &error, SqlDialect dialect)
{
    const QString &code = error.dbCode;
    switch (dialect) {
    case SqlDialect::Postgres:
        if (code == u"55P03") // lock_not_available: lock_timeout
            return TimeoutKind::LockWait;
        if (code == u"57014" && error.dbText.contains(u"statement timeout"))
            return TimeoutKind::Statement;
        return TimeoutKind::None;
    case SqlDialect::MySql:
        if (code == u"1205") // ER_LOCK_WAIT_TIMEOUT: metadata and row locks
            return TimeoutKind::LockWait;
        if (code == u"1969" || code == u"3024") // max_statement_time (MariaDB, MySQL)
            return TimeoutKind::Statement;
        return TimeoutKind::None;
    case SqlDialect::Sqlite:
        if (code == u"5" || code.startsWith(u"5 ") || error.dbText.contains(u"database is locked"))
            return TimeoutKind::LockWait;
        return TimeoutKind::None;
    default:
        return TimeoutKind::None;
    }
}

QString timeoutExplanation(TimeoutKind kind, const SessionLimits &limits)
{
    const bool statement = kind == TimeoutKind::Statement;
    const std::optional<int> seconds = statement ? limits.statementTimeout : limits.lockWaitTimeout;
    const bool fromFile = statement ? limits.statementFromFile : limits.lockWaitFromFile;
    const QString name =
        statement ? QStringLiteral("statement-timeout") : QStringLiteral("lock-wait-timeout");
    const QString source =
        !seconds   ? QStringLiteral("the database's own setting")
        : fromFile ? QStringLiteral("the file's '-- tidemark: %1=' directive").arg(name)
                   : QStringLiteral("--%1 or %2").arg(name, QString(name).replace(u'-', u'_'));
    return QStringLiteral("The %1 (%2, from %3) ended the statement. Raise it with --%4 SECONDS, "
                          "the configuration key %5, or '-- tidemark: %4=SECONDS' at the top of "
                          "the file.")
        .arg(statement ? QStringLiteral("statement timeout") : QStringLiteral("lock-wait timeout"),
             seconds ? QStringLiteral("%1 s").arg(*seconds) : QStringLiteral("unset"), source, name,
             QString(name).replace(u'-', u'_'));
}

} // namespace tidemark
