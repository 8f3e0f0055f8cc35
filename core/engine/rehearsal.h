#pragma once

// `rehearse`: runs the pending migrations, their rollbacks and the upgrade again on a
// throwaway copy of the target, comparing the schema after every step, so a rollback that
// forgets a column or drops the wrong index is found before the real database is touched.

#include "common/result.h"
#include "engine/project.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace tidemark {

struct RehearsalOptions
{
    bool keep = false; // leave the throwaway database for inspection (its URL is reported)
    const std::atomic_bool *cancel = nullptr;
    std::function<void(const QString &)> progress; // one line per step, for stderr
};

// One pending file: what each of its three steps did.
struct FileRehearsal
{
    enum class Step { Upgrade, Rollback, UpgradeAgain };
    enum class Outcome {
        Passed,
        Failed,     // a statement failed: error says which
        Differs,    // the schema after the step is not the expected one: differences
        NoRollback, // a versioned file without a rollback section
        NotReached, // an earlier step of the rehearsal failed
    };
    QString fileName;
    QString checksum;
    bool versioned = true; // repeatables are upgraded only
    Outcome outcome = Outcome::NotReached;
    Step step = Step::Upgrade; // where it failed or differed
    QString error;             // Failed: the error with file, line and statement
    QStringList differences;   // Differs: the comparer's lines, expected -> found
    bool passed() const { return outcome == Outcome::Passed; }
};

struct RehearsalReport
{
    QString base; // what the throwaway database started from, in words
    // "copy" (SQLite: the file with its rows), "replay" (the applied files run again) or
    // "live-schema" (the live schema and history copied: the files could not be replayed)
    QString baseKind;
    QString scratchUrl;  // redacted; only when kept
    QString droppedNote; // "Dropped ..." or what is left behind
    QList<FileRehearsal> files;
    bool cancelled = false;
    bool ok() const
    {
        if (cancelled)
            return false;
        for (const FileRehearsal &file : files)
            if (!file.passed())
                return false;
        return true;
    }
};

// Copies (SQLite) or rebuilds (PostgreSQL, MariaDB/MySQL: the applied files replayed up to the
// latest applied version; when that fails, a history that does not start at an empty database,
// a new throwaway database gets the live schema and history copied instead, and the report says
// so) the target in a throwaway database, then: upgrades the pending files
// one by one, recording the schema before and after each; rolls the versioned ones back newest
// first, each time expecting the schema from before that file; upgrades them again one by one,
// expecting the schema from after each first upgrade. Stops at the first failure. The live
// database is only read. An Error is returned when the rehearsal could not be set up.
Result<RehearsalReport> rehearse(const Project &project, const RehearsalOptions &options);

QString rehearsalStepName(FileRehearsal::Step step);          // "upgrade", "rollback", ...
QString rehearsalOutcomeName(FileRehearsal::Outcome outcome); // "passed", "failed", ...

} // namespace tidemark
