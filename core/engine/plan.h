#pragma once

#include "history/historyrow.h"
#include "migration/migrationset.h"
#include "migration/sqllexer.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace tidemark {

enum class MigrationState {
    Applied,    // applied, file present and unchanged
    Pending,    // will run on the next upgrade
    Changed,    // applied, but the file's checksum differs (V) / ROC changed since its last run
    Missing,    // applied, but the file is gone
    OutOfOrder, // not applied, older than the latest applied version
    RunsAlways, // a runs-always file that is present: every upgrade runs it, the next one too
};
QString migrationStateName(MigrationState state); // "applied", "pending", ...

// One line of `status` and of the window's list.
struct StatusEntry
{
    MigrationState state = MigrationState::Pending;
    MigrationKind kind = MigrationKind::Versioned;
    QString version; // key; empty for repeatables
    QString description;
    QString fileName;
    QString appliedAt; // empty when not applied
    qint64 orderExecuted = 0;
    QString storedChecksum;
    QString fileChecksum;
    bool applied() const { return !appliedAt.isEmpty(); }
};

// A problem that blocks an upgrade unless its skip option is set.
struct ValidationProblem
{
    enum class Kind {
        OutOfOrder,
        MissingVersionedFile,
        MissingRepeatableFile,
        ChecksumChanged,
        PartlyApplied, // a file that ran without one transaction stopped part way
        IgnoredFile,   // something in the migrations folder that looks like a migration
    };
    Kind kind;
    QString version;  // V problems
    QString fileName; // the file concerned, when there is one
    QString message;
};
QString validationKindName(ValidationProblem::Kind kind);

enum class Direction { Upgrade, Rollback };

// One file of a plan, with its statements already split (so a parse error stops the run before
// anything changes).
struct PlannedFile
{
    const Migration *migration = nullptr;
    QString fileName;            // also set when the migration is missing
    QString versionKey;          // the key as stored (rollback deletes by it)
    bool alreadyTracked = false; // RA/ROC re-run: the row is updated, not inserted
    bool forgetOnly = false;     // rollback of a file without a rollback section: only the record
    QList<SqlStatement> statements;
};

struct Plan
{
    Direction direction = Direction::Upgrade;
    QList<PlannedFile> files;
    bool isEmpty() const { return files.isEmpty(); }
};

struct UpgradeOptions
{
    std::optional<int> count;
    QString toVersion;
    bool skipValidation = false;
    bool skipChecksumValidation = false;
    bool skipFileValidation = false;
    // True: run even when `check` finds error-level problems in the files (--no-check). Dry
    // runs never check.
    bool skipCheck = false;
    // The window's "Upgrade despite N error(s)": file name -> the checksum of the text whose
    // findings the user saw. Those files are not refused; a file changed since is checked anew.
    QHash<QString, QString> checkAccepted;
    // Rehearsals and replays: run only the versioned files, or only the repeatables (then, when
    // onlyRepeatables is set, only those of them, by file name).
    bool versionedOnly = false;
    bool repeatablesOnly = false;
    std::optional<QSet<QString>> onlyRepeatables;
    // False: only decide which files would run, without splitting their SQL (status).
    bool withStatements = true;
};

struct RollbackOptions
{
    std::optional<int> count;
    QString toVersion;
    bool lastBatch = false;
    bool all = false;
    // A file without a rollback section is refused, unless this asks to only forget its
    // tracking row (no SQL runs; what the file did stays; journaled as "forgotten").
    bool forgetWithoutRollback = false;
};

} // namespace tidemark
