#pragma once

#include "common/result.h"
#include "db/connection.h"

namespace tidemark {

class Project;

// The database a command compares the project's database with (diff --from-url,
// status --compare-url, the window's Compare With...): the URL resolved like the project's own
// (relative SQLite paths from the jetbase folder), and refused when it is of another kind than
// `target`. `option` names the option in the message ("--from-url").
Result<ConnectionSpec> otherDatabaseSpec(const Project &project, const ConnectionSpec &target,
                                         const QString &url, const QString &option);

} // namespace tidemark
