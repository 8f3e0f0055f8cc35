#pragma once

// Plain values that travel between the window and its worker thread through queued signals.

#include "engine/drift.h"
#include "engine/migrationservice.h"
#include "engine/rehearsal.h"
#include "engine/runevents.h"
#include "preflight/migrationcheck.h"

#include <QHash>
#include <QMetaType>

namespace tidemark::ui {

// What the window asks of the worker.
struct ServiceRequest
{
    enum class Op {
        Load,         // project, status, journal and lock state
        PlanUpgrade,  // dry run: the files and SQL an upgrade would run
        PlanRollback, // dry run of a rollback
        Upgrade,
        Rollback,
        Validate,
        CheckChecksums, // lists changed checksums without fixing
        FixChecksums,
        CheckFiles, // lists applied files that are gone without fixing
        FixFiles,
        Lock,
        Unlock,
        Resolve,    // settles a partly applied file: resolveTarget, resolveApplied
        Rehearse,   // upgrade, rollback, upgrade again on a throwaway copy
        CheckDrift, // the applied files replayed and compared with the live schema
    };
    ServiceRequest(Op op = Op::Load)
        : op(op)
    {}
    Op op = Op::Load;
    QString projectDir;
    QString startDir;
    // A connection profile's URL (with its password) that wins over the project's own
    // sqlalchemy_url; empty: the project's. Never shown or logged.
    QString url;
    bool production = false; // the profile's mark, OR-ed with the project's `production` key
    UpgradeOptions upgrade;
    RollbackOptions rollback;
    QString resolveTarget;
    bool resolveApplied = false;
};

// One planned file as the confirmation shows it.
struct PlannedFileView
{
    QString fileName;
    QStringList statements;
    bool transactional = true;
    QString checksum;             // false: "-- tidemark: transaction=off"
    QList<CheckFinding> findings; // PlanUpgrade: what `check` says about the file
};

// check's context of each pending file, by file name.
using CheckContexts = QHash<QString, CheckContext>;

// Everything the window shows about the open project.
struct ProjectSnapshot
{
    QString jetbaseDir;
    QString displayUrl;
    QString databaseName; // what the user types to confirm on a production connection
    bool production = false;
    SqlDialect dialect = SqlDialect::Sqlite;
    StatusReport status;
    QList<JournalEntry> journal; // newest first
    QString journalError;        // the journal could not be read (journal then empty)
    LockState lock;
    QString lockError;                 // lock state could not be read
    QHash<QString, QString> filePaths; // file name -> absolute path of each migration file
    CheckSettings checkSettings;       // check_disable / check_error, for the editor's markers
    QString checkSettingsError;        // a bad rule name in them
    // check's view of the live database for each pending file, by file name: the views it
    // meets and the rows its destructive statements would hit (the editor's markers). Empty in
    // the Load reply: they come just after it (ServiceWorker::checkContextsLoaded).
    CheckContexts checkContexts;
};

// The worker's answer to one request.
struct ServiceReply
{
    ServiceRequest request;
    bool ok = true;
    QString errorText;
    ProjectSnapshot snapshot; // Load
    // Load: the pending files' check contexts follow (checkContextsLoaded), and the request is
    // finished only then. The list is shown meanwhile.
    bool checkContextsFollow = false;
    QList<PlannedFileView> plan; // Plan*, Upgrade, Rollback
    QStringList completedFiles;  // Upgrade, Rollback
    QString failedFile;          // a run that stopped early
    int failedLine = 0;          // the failing statement's line in failedFile
    bool cancelled = false;      // stopped by the user
    QStringList messages;        // Validate, Check*, Fix*, Lock: one line per item
    RehearsalReport rehearsal;   // Rehearse
    DriftReport drift;           // CheckDrift
};

} // namespace tidemark::ui

Q_DECLARE_METATYPE(tidemark::ui::ServiceRequest)
Q_DECLARE_METATYPE(tidemark::ui::ServiceReply)
Q_DECLARE_METATYPE(tidemark::RunEvent)
Q_DECLARE_METATYPE(tidemark::ui::CheckContexts)
