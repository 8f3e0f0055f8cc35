#pragma once

#include "cli/commandcontext.h"

namespace tidemark::cli {

// Each returns the process exit code: 0 success, 1 failure, 2 usage error.
int runInit(CommandContext &context);
int runNew(CommandContext &context);
int runUpgrade(CommandContext &context);
int runRollback(CommandContext &context);
int runStatus(CommandContext &context);
int runHistory(CommandContext &context);
int runCurrent(CommandContext &context);
int runJournal(CommandContext &context);
int runValidate(CommandContext &context);
int runValidateChecksums(CommandContext &context);
int runFixChecksums(CommandContext &context);
int runValidateFiles(CommandContext &context);
int runFixFiles(CommandContext &context);
int runFix(CommandContext &context);
int runLock(CommandContext &context);
int runUnlock(CommandContext &context);
int runLockStatus(CommandContext &context);
int runResolve(CommandContext &context);
int runDiff(CommandContext &context);
int runMakeMigrations(CommandContext &context);
int runCheck(CommandContext &context);
int runRehearse(CommandContext &context);
int runDrift(CommandContext &context);

// Set by the first SIGINT/SIGTERM once installInterruptHandler() ran: the command stops at its
// next step (a running statement is cancelled on the server), rolls back what it can and says
// so. A second signal ends the process at once. Only commands that watch the flag install the
// handler; the others end at the first signal, as any program does.
const std::atomic_bool *interruptFlag();
void installInterruptHandler();

} // namespace tidemark::cli
