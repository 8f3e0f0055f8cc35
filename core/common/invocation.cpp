#include "common/invocation.h"

namespace tidemark {

namespace {

QString &program()
{
    static QString name = QStringLiteral("tidemark --cli");
    return name;
}

} // namespace

void setCliProgram(const QString &name)
{
    program() = name;
}

QString cliProgram()
{
    return program();
}

QString cliCommand(const QString &arguments)
{
    return arguments.isEmpty() ? program() : program() + u' ' + arguments;
}

} // namespace tidemark
