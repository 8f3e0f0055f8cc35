#pragma once

#include "cli/commandcontext.h"

namespace tidemark::cli {

// status --compare-url URL: prints (and with --json returns) which migrations the project's
// database and the other one have applied, and which with another checksum. Exits 0 whether or
// not they differ, like diff.
int runStatusComparison(CommandContext &context, const MigrationService &service,
                        const QString &otherUrl);

} // namespace tidemark::cli
