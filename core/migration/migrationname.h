#pragma once

#include "common/result.h"
#include "migration/version.h"

#include <QString>

#include <optional>

namespace tidemark {

enum class MigrationKind { Versioned, RunsAlways, RunsOnChange };

// "VERSIONED", "RUNS_ALWAYS", "RUNS_ON_CHANGE": the migration_type column values.
QString migrationTypeName(MigrationKind kind);
std::optional<MigrationKind> migrationKindFromType(const QString &typeName);

// What a file name says (JETBASE-COMPAT.md §3).
struct MigrationName
{
    MigrationKind kind = MigrationKind::Versioned;
    QString rawVersion;  // as written ("1_2"), V files only
    Version version;     // key "1.2", V files only
    QString description; // as stored: '_' replaced by ' '
};

constexpr int MaxMigrationFileNameLength = 512;

// Files that are not migrations at all and are skipped by the scan: dotfiles and anything not
// ending in ".sql" (case-sensitive, like Jetbase).
bool isMigrationFileCandidate(const QString &fileName);

// Parses a candidate's base name; an invalid name is an Error::Code::FileName that says what is
// wrong and how names look.
Result<MigrationName> parseMigrationFileName(const QString &fileName);

// "V<version>__<description, spaces as _>.sql" for `new`.
QString versionedFileName(const QString &rawVersion, const QString &description);

} // namespace tidemark
