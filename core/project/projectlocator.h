#pragma once

#include "common/result.h"

#include <QString>

namespace tidemark {

struct ProjectLocation
{
    QString jetbaseDir;    // absolute, clean path of the "jetbase" folder
    QString migrationsDir; // jetbaseDir + "/migrations"
};

// Finds the project (JETBASE-COMPAT.md §1). explicitDir comes from --project or
// TIDEMARK_PROJECT and wins: it may name the jetbase folder itself or a folder holding jetbase/.
// Otherwise walk up from startDir to the root: a directory named "jetbase" with migrations/ is
// the project; else a child jetbase/ with migrations/ is. Not found: Error::Code::Project that
// says where it looked and suggests "tidemark --cli init".
Result<ProjectLocation> locateProject(const QString &explicitDir, const QString &startDir);

} // namespace tidemark
