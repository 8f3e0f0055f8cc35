#include "shooter.h"

#include "mainwindow.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QDeadlineTimer>
#include <QGuiApplication>
#include <QPixmap>
#include <QScreen>
#include <QThread>
#include <QTimer>
#include <QToolBar>

#include <cstdio>

namespace tidemark::screenshots {

Shooter::Shooter(ui::MainWindow *window, const QString &outputDir)
    : m_window(window)
    , m_outputDir(outputDir)
{}

bool Shooter::waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    return true;
}

void Shooter::settle()
{
    // Paint events are posted, and the X server draws asynchronously: a few rounds of event
    // processing and a short pause let both finish. Nothing here waits for the application's
    // own work; the steps wait for that with waitFor().
    for (int round = 0; round < 5; ++round) {
        QApplication::processEvents(QEventLoop::AllEvents, 50);
        QThread::msleep(60);
    }
    QApplication::sync();
}

bool Shooter::click(const char *actionName)
{
    auto *action = m_window->findChild<QAction *>(QLatin1String(actionName));
    if (!action || !action->isEnabled())
        return fail(
            QStringLiteral("the action %1 is missing or disabled").arg(QLatin1String(actionName)));
    const auto toolbars = m_window->findChildren<QToolBar *>();
    for (QToolBar *toolbar : toolbars) {
        if (auto *button = qobject_cast<QAbstractButton *>(toolbar->widgetForAction(action))) {
            button->click();
            return true;
        }
    }
    action->trigger();
    return true;
}

bool Shooter::shoot(const QString &name)
{
    settle();
    QScreen *screen = QGuiApplication::primaryScreen();
    const QPixmap pixmap = screen ? screen->grabWindow(0) : QPixmap();
    const QString path = m_outputDir.filePath(name + QStringLiteral(".png"));
    if (pixmap.isNull() || !pixmap.save(path))
        return fail(QStringLiteral("could not capture the screen into %1").arg(path));
    std::fprintf(stderr, "screenshots: wrote %s (%dx%d)\n", qPrintable(path), pixmap.width(),
                 pixmap.height());
    return true;
}

bool Shooter::fail(const QString &what)
{
    std::fprintf(stderr, "screenshots: %s\n", qPrintable(what));
    return false;
}

void Shooter::pollModal(const std::function<bool(QWidget *)> &tryAnswer)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(50);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, tryAnswer] {
        QWidget *modal = QApplication::activeModalWidget();
        if (!modal || !modal->isVisible())
            return;
        timer->stop(); // before answering: the answer may process events
        if (tryAnswer(modal))
            timer->deleteLater();
        else
            timer->start();
    });
    timer->start();
}

} // namespace tidemark::screenshots
