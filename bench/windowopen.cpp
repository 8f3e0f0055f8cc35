// Usage: tidemark-bench-window PROJECT_DIR ROWS [LAUNCHED_AT_US]
//
// Opens the real window on the project, the way `tidemark PROJECT_DIR` does, and measures how
// long it takes until the migration list holds all ROWS rows and its viewport has been painted
// with them (a real QEvent::Paint of the table's viewport, then the return to the event loop,
// by which time the window's backing store has been flushed to the screen). Then it prints
// one line and exits:
//
//   <painted> <filled> <main> <rows> <peak RSS KiB> <markers>
//
// painted: ms from launch until the list was painted with its rows; filled: ms from launch
// until the list held them (MainWindow's handler of Operations::loaded has run); markers: ms
// from launch until the pending files' check contexts, which the editor's markers need, were in
// (they follow the list: the program exits once both are done); main: ms from
// launch until main() began (exec and loading the shared libraries). "Launch" is
// LAUNCHED_AT_US, the time just before this program was started (microseconds since the
// epoch, or bash's $EPOCHREALTIME as it is), so that the figures compare with the wall time of
// a whole command; without it, launch is the start of main(). Peak RSS is
// getrusage(RUSAGE_SELF).ru_maxrss at that moment.
// Settings go to a temporary folder, so a user's saved geometry or recent projects change
// nothing. Exit code 1 when the list ends up with a different number of rows, or nothing is
// painted within two minutes.
#include "appicon.h"
#include "common/heaptuning.h"
#include "list/migrationlistwidget.h"
#include "mainwindow.h"
#include "run/operations.h"
#include "translations.h"

#include <QApplication>
#include <QEvent>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace tidemark;

namespace {

qint64 nowUs()
{
    using namespace std::chrono;
    return duration_cast<microseconds>(system_clock::now().time_since_epoch()).count();
}

// $EPOCHREALTIME is "seconds.microseconds", or "seconds,microseconds" where the locale has a
// decimal comma; a plain integer is taken as microseconds. Parsed by hand: strtod would follow
// the C library's locale. -1 when the text is no such time.
qint64 launchedAtUs(const char *text)
{
    const QByteArray value(text);
    qsizetype separator = value.indexOf('.');
    if (separator < 0)
        separator = value.indexOf(',');
    const QByteArray whole = separator < 0 ? value : value.left(separator);
    QByteArray fraction = separator < 0 ? QByteArray() : value.mid(separator + 1);
    const auto digitsOnly = [](const QByteArray &digits) {
        return std::all_of(digits.begin(), digits.end(),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.isEmpty() || !digitsOnly(whole) || !digitsOnly(fraction) || whole.size() > 18)
        return -1;
    if (separator < 0)
        return whole.toLongLong();
    fraction = fraction.left(6).leftJustified(6, '0');
    return whole.toLongLong() * 1000000 + fraction.toLongLong();
}

// Watches the list's viewport: the first paint after the rows are in ends the measurement.
class PaintProbe : public QObject
{
public:
    PaintProbe(ui::MainWindow *window, int expectedRows, qint64 launchedUs, qint64 mainUs)
        : QObject(window)
        , m_window(window)
        , m_expected(expectedRows)
        , m_launchedUs(launchedUs)
        , m_mainUs(mainUs)
    {
        window->list()->view()->viewport()->installEventFilter(this);
        // Connected after MainWindow's own slot, so the list has its rows when this runs.
        connect(window->operations(), &ui::Operations::loaded, this, [this] {
            const int rows = m_window->list()->view()->model()->rowCount();
            if (rows != m_expected) {
                std::fprintf(stderr, "the list shows %d rows, expected %d\n", rows, m_expected);
                QCoreApplication::exit(1);
                return;
            }
            m_rowsSetUs = nowUs();
        });
        connect(window->operations(), &ui::Operations::checkContextsLoaded, this, [this] {
            m_contextsUs = nowUs();
            if (m_paintedUs > 0)
                report();
        });
        connect(window->operations(), &ui::Operations::loadFailed, this, [](const QString &error) {
            std::fprintf(stderr, "the project did not load: %s\n", qPrintable(error));
            QCoreApplication::exit(1);
        });
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && m_rowsSetUs > 0 && !m_painted) {
            m_painted = true;
            // Queued: runs once this paint, and the flush of the window it belongs to, is done.
            QTimer::singleShot(0, this, [this] {
                m_paintedUs = nowUs();
                if (m_contextsUs > 0)
                    report();
            });
        }
        return QObject::eventFilter(watched, event);
    }

private:
    void report()
    {
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        const auto sinceLaunch = [this](qint64 us) { return double(us - m_launchedUs) / 1000.0; };
        std::printf("%.1f %.1f %.1f %d %ld %.1f\n", sinceLaunch(m_paintedUs),
                    sinceLaunch(m_rowsSetUs), sinceLaunch(m_mainUs),
                    m_window->list()->view()->model()->rowCount(), usage.ru_maxrss,
                    sinceLaunch(m_contextsUs));
        std::fflush(stdout);
        QCoreApplication::exit(0);
    }

    ui::MainWindow *m_window;
    int m_expected;
    qint64 m_launchedUs;
    qint64 m_mainUs;
    qint64 m_rowsSetUs = 0;
    qint64 m_paintedUs = 0;
    qint64 m_contextsUs = 0;
    bool m_painted = false;
};

} // namespace

int main(int argc, char *argv[])
{
    const qint64 mainUs = nowUs();
    if (argc < 3 || argc > 4) {
        std::fputs("usage: tidemark-bench-window PROJECT_DIR ROWS [LAUNCHED_AT_US]\n", stderr);
        return 2;
    }
    const int expectedRows = std::atoi(argv[2]);
    const qint64 launchedUs = argc == 4 ? launchedAtUs(argv[3]) : mainUs;
    if (launchedUs < 0) {
        std::fprintf(stderr, "LAUNCHED_AT_US is not a time: %s\n", argv[3]);
        return 2;
    }

    tuneHeap(HeapUse::Window); // as tidemark's main() does
    QApplication app(argc, argv);
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication::setApplicationName(QStringLiteral("TidemarkBench"));
    QApplication::setOrganizationName(QStringLiteral("TidemarkBench"));
    QApplication::setWindowIcon(ui::appIcon());
    ui::installTranslators(&app);

    ui::MainWindow window(QString::fromLocal8Bit(argv[1]), QString::fromLocal8Bit(argv[1]));
    new PaintProbe(&window, expectedRows, launchedUs, mainUs);
    window.show();
    QTimer::singleShot(120000, &app, [] {
        std::fputs("the list was not painted within two minutes\n", stderr);
        QCoreApplication::exit(1);
    });
    return app.exec();
}
