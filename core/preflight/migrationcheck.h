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
#include "preflight/viewuses.h"

#include <QHash>
#include <QSet>

namespace tidemark {

class Configuration;
struct Migration;

struct CheckFinding
{
    QString rule;
    CheckSeverity severity = CheckSeverity::Warning;
    QString file; // as given: the path below migrations/, or the path on the command line
    int line = 0; // 1-based file line
    QString message;
    QString alternative; // the safe way to do it
    // Destructive and locking rules: the tables whose rows the statement removes, changes,
    // rewrites or locks, as written, for the live row counts (addLiveRowCounts); -1 until
    // counted.
    QStringList tables;
    qint64 liveRows = -1;
};

struct CheckSettings
{
    QSet<QString> disabled; // rule ids
    QSet<QString> errors;   // rule ids raised to error
};

// What check knows of the database a file will run on, when it is reachable: its views (for
// rename-used-by-view; a checked file's CREATE and DROP VIEW update them for the next file) and
// the rows of the tables that destructive statements name.
struct CheckContext
{
    QList<ViewUse> views;
    QHash<QString, qint64> rowCounts; // by table name as written; -1: could not be counted
    // Views that files running after this one (re)create or drop, lower-case: a rename under
    // them is settled in the same upgrade (a runs-on-change file that recreates the view).
    QSet<QString> viewsRemadeLater;
};

// check_disable and check_error from the configuration (lists or comma-separated strings of
// rule ids); an unknown id is an Error::Code::Config naming it and where it came from.
Result<CheckSettings> checkSettings(const Configuration &config);

// The findings for one file, ordered by line. kind: only versioned files need a rollback.
// Renames are checked against the views the file itself makes and, with a context, against its
// views too (which the file's own view statements then update); destructive findings get the
// row counts the context holds.
QList<CheckFinding> checkMigrationText(const QString &file, MigrationKind kind,
                                       const MigrationText &text, SqlDialect dialect,
                                       const CheckSettings &settings,
                                       CheckContext *context = nullptr);
// The same for a scanned migration file (named by its path below migrations/).
QList<CheckFinding> checkMigration(const Migration &migration, SqlDialect dialect,
                                   const CheckSettings &settings, CheckContext *context = nullptr);

// "V2__x.sql:3: error [rule] message" and, indented on the next line, the safe alternative.
QString checkFindingText(const CheckFinding &finding);

} // namespace tidemark
