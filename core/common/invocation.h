#pragma once

// How the user started the command line, so that advice names a command they can run:
// "tidemark-cli unlock" after tidemark-cli, "tidemark --cli unlock" after tidemark --cli.
// Each binary sets it once in main(), before any thread starts; the default is the window
// binary's spelling.

#include <QString>

namespace tidemark {

void setCliProgram(const QString &program);
QString cliProgram();
// cliProgram() followed by the arguments: cliCommand("status") is "tidemark-cli status".
QString cliCommand(const QString &arguments);

} // namespace tidemark
