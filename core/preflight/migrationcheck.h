#pragma once

// `check`: lints one migration file for the database it will run on (checkrules.h lists the
// rules). Works on the file's text alone: no connection is needed.
//
// A statement may break a rule on purpose: "-- tidemark: allow=RULE" in the comment lines right
// above it (several: allow=RULE allow=OTHER) silences that rule for that statement. The project
// can switch rules off (check_disable) or raise them to errors (check_error).

#include "common/result.h"
#include "migration/migrationname.h"
#include "migration/migrationtext.h"
#include "preflight/checkrules.h"

#include <QSet>

namespace tidemark {

class Configuration;
class Connection;
struct Migration;

struct CheckFinding
{
    QString rule;
    CheckSeverity severity = CheckSeverity::Warning;
    QString file; // as given: the path below migrations/, or the path on the command line
    int line = 0; // 1-based file line
    QString message;
    QString alternative; // the safe way to do it
    // Destructive rules: the tables whose rows the statement removes or changes, as written,
    // for the live row counts (addLiveRowCounts); -1 until counted.
    QStringList tables;
    qint64 liveRows = -1;
};

struct CheckSettings
{
    QSet<QString> disabled; // rule ids
    QSet<QString> errors;   // rule ids raised to error
};

// check_disable and check_error from the configuration (lists or comma-separated strings of
// rule ids); an unknown id is an Error::Code::Config naming it and where it came from.
Result<CheckSettings> checkSettings(const Configuration &config);

// The findings for one file, ordered by line. kind: only versioned files need a rollback.
QList<CheckFinding> checkMigrationText(const QString &file, MigrationKind kind,
                                       const MigrationText &text, SqlDialect dialect,
                                       const CheckSettings &settings);
// The same for a scanned migration file (named by its path below migrations/).
QList<CheckFinding> checkMigration(const Migration &migration, SqlDialect dialect,
                                   const CheckSettings &settings);

// Counts the rows of the tables the destructive findings name, on the live database, and adds
// them to the messages ("books has 12,304 rows now."). A table that does not exist (yet) or
// cannot be read is left uncounted.
void addLiveRowCounts(Connection &connection, QList<CheckFinding> &findings);

// "V2__x.sql:3: error [rule] message" and, indented on the next line, the safe alternative.
QString checkFindingText(const CheckFinding &finding);

} // namespace tidemark
