#pragma once

#include "common/result.h"
#include "engine/project.h"
#include "engine/schemadiff.h"
#include "schema/sqlwriter.h"

#include <QSet>

namespace tidemark {

// A change that loses data, with the number read from the live database.
struct DataLossWarning
{
    qsizetype changeIndex = -1; // into GeneratedMigration::report.diff.changes
    qint64 count = 0;           // rows or values affected
    QString message;            // "drops users.email: 12,304 non-null values"
};

struct GenerateOptions
{
    DiffOptions source;
    // "table.old=new" for a column, "old=new" for a table; each must match a rename candidate.
    QStringList renames;
    QString description = QStringLiteral("auto_generated");
    // Indexes into the diff's changes to leave out (the window's unticked changes).
    QSet<qsizetype> excluded;
    // Compare even when versioned migrations are not applied yet (the new file would then
    // likely repeat them, so by default that is an error, as in Alembic).
    bool allowPending = false;
    // Instead of a desired schema (source must then be empty): the drift, from what the applied
    // files make to the live database, as a migration to be recorded as applied (the database
    // already has it; make-migrations --from-drift).
    bool fromDrift = false;
};

struct GeneratedMigration
{
    DiffReport report; // the changes after --rename was applied
    QList<DataLossWarning> warnings;
    MigrationSql sql;
    QString version;     // yyyyMMdd.HHmmss, local time
    QString description; // as in the file name
    QString fileName;    // V<version>__<description>.sql
    QString fileText;    // header comment, -- upgrade and -- rollback sections
    bool isEmpty() const { return report.diff.isEmpty(); }
};

// Compares the live schema with the desired one and writes the migration's SQL, with the
// data-loss warnings counted on the live database. Writes no file.
Result<GeneratedMigration> generateMigration(const Project &project,
                                             const GenerateOptions &options);

// make-migrations --undo-drift: the migration that undoes a --from-drift one (its changes
// reversed, its sections swapped), versioned right after it (<version>.1), with the data-loss
// warnings counted on the live database, which still has the drift.
Result<GeneratedMigration> undoMigration(const Project &project,
                                         const GeneratedMigration &recorded);

// Writes the generated file into the project's migrations folder; returns its path.
Result<QString> saveGeneratedMigration(const Project &project, const GeneratedMigration &migration);

} // namespace tidemark
