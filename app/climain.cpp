// tidemark-cli: the command line without the widget libraries.
#include "cli/cliapp.h"
#include "common/heaptuning.h"
#include "common/invocation.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    tidemark::tuneHeap(tidemark::HeapUse::ShortRun);
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tidemark"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    tidemark::setCliProgram(QStringLiteral("tidemark-cli"));
    QStringList arguments = QCoreApplication::arguments().mid(1);
    arguments.removeAll(QStringLiteral("--cli"));
    return tidemark::cli::runCli(arguments);
}
