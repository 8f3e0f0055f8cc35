#pragma once

#include <QStringList>

namespace tidemark::cli {

// Runs one command line (without the program name and without --cli) on the QCoreApplication
// that already exists; returns the exit code.
int runCli(const QStringList &arguments);

} // namespace tidemark::cli
