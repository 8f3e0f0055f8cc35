#pragma once

#include "common/result.h"
#include "common/sqldialect.h"
#include "migration/migrationtext.h"

#include <optional>

namespace tidemark {

class Connection;

// How long a run lets one statement run and wait for locks: --statement-timeout and
// --lock-wait-timeout (configuration statement_timeout, lock_wait_timeout), in seconds, 0 for
// no limit; not set: the server's own setting. --retry-on-lock-timeout N (retry_on_lock_timeout)
// retries a file that failed only because a lock wait timed out.
struct RunLimits
{
    std::optional<int> statementTimeout;
    std::optional<int> lockWaitTimeout;
    int retriesOnLockTimeout = 0;
};

// The limits in force for one file: the run's, or the file's own directive
// ("-- tidemark: statement-timeout=600 lock-wait-timeout=5").
struct SessionLimits
{
    std::optional<int> statementTimeout;
    std::optional<int> lockWaitTimeout;
    bool statementFromFile = false;
    bool lockWaitFromFile = false;
    bool operator==(const SessionLimits &other) const
    {
        return statementTimeout == other.statementTimeout &&
               lockWaitTimeout == other.lockWaitTimeout;
    }
};
SessionLimits limitsFor(const RunLimits &run, const FileDirectives &file);

// Sets the limits on the session (PostgreSQL statement_timeout and lock_timeout; MariaDB
// max_statement_time, lock_wait_timeout and innodb_lock_wait_timeout; SQLite the busy timeout,
// which is all it has). Not set: back to the server's default.
Status applySessionLimits(Connection &connection, const SessionLimits &limits);

// For the short reads beside a run that must not hang on another session's lock (check's live
// row counts and views): 10 s per statement, 2 s of lock wait.
SessionLimits quickReadLimits();

enum class TimeoutKind { None, Statement, LockWait };
// Whether a failed statement's error is one of these timeouts.
TimeoutKind timeoutKindOf(const Error &error, SqlDialect dialect);

// "The lock-wait timeout (5 s, from --lock-wait-timeout or lock_wait_timeout) ended the
// statement: ...". Raise it with ..."; for the error's message and hint.
QString timeoutExplanation(TimeoutKind kind, const SessionLimits &limits);

} // namespace tidemark
