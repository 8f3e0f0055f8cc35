// tidemark: the window, or with --cli the headless command line (no display needed: the
// arguments are looked at before any application object exists).
#include "appicon.h"
#include "cli/cliapp.h"
#include "common/heaptuning.h"
#include "mainwindow.h"
#include "translations.h"

#include <QApplication>
#include <QCoreApplication>
#include <QDir>

#include <cstring>

int main(int argc, char *argv[])
{
    bool cli = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--cli") == 0)
            cli = true;
    }
    if (cli) {
        tidemark::tuneHeap(tidemark::HeapUse::ShortRun);
        QCoreApplication app(argc, argv);
        QCoreApplication::setApplicationName(QStringLiteral("tidemark"));
        QCoreApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
        QStringList arguments = QCoreApplication::arguments().mid(1);
        arguments.removeAll(QStringLiteral("--cli"));
        return tidemark::cli::runCli(arguments);
    }

    tidemark::tuneHeap(tidemark::HeapUse::Window);
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tidemark"));
    QApplication::setOrganizationName(QStringLiteral("Tidemark"));
    QApplication::setApplicationVersion(QStringLiteral(TIDEMARK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.tidemark.Tidemark"));
    QApplication::setWindowIcon(tidemark::ui::appIcon());
    tidemark::ui::installTranslators(&app);
    QString projectDir;
    const QStringList arguments = QApplication::arguments().mid(1);
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments.at(i) == u"--project" && i + 1 < arguments.size())
            projectDir = arguments.at(++i);
        else if (!arguments.at(i).startsWith(u'-'))
            projectDir = arguments.at(i);
    }
    tidemark::ui::MainWindow window(projectDir, QDir::currentPath());
    window.show();
    return app.exec();
}
