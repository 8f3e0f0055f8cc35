#pragma once

// Helpers of the screenshot driver: waiting for a condition while the window works, clicking
// the window's real actions, answering a modal dialog from a timer, and saving the screen.

#include <QDir>
#include <QString>

#include <functional>

class QAction;
class QDialog;
class QWidget;

namespace tidemark::ui {
class MainWindow;
}

namespace tidemark::screenshots {

class Shooter
{
public:
    Shooter(ui::MainWindow *window, const QString &outputDir);

    // Processes events until condition() holds; false after timeoutMs.
    static bool waitFor(const std::function<bool()> &condition, int timeoutMs);
    // Lets pending layouts and paints (also the X server's) finish before a capture.
    static void settle();

    // Clicks the action's toolbar button when it has one, else triggers it. False (with a
    // message) when the action is missing or disabled.
    bool click(const char *actionName);
    // Saves the whole screen (so dialogs over the window are included) as name.png.
    bool shoot(const QString &name);
    // Calls answer(dialog) from a timer once a visible modal dialog of type T is up: for the
    // confirmations, which run in their own event loop (exec()).
    template <typename T> void onModal(std::function<void(T *)> answer);
    // A message and false, for `return fail(...)` in a step.
    static bool fail(const QString &what);

    ui::MainWindow *window() const { return m_window; }

private:
    void pollModal(const std::function<bool(QWidget *)> &tryAnswer);

    ui::MainWindow *m_window;
    QDir m_outputDir;
};

template <typename T> void Shooter::onModal(std::function<void(T *)> answer)
{
    pollModal([answer](QWidget *modal) {
        auto *dialog = qobject_cast<T *>(modal);
        if (!dialog)
            return false;
        answer(dialog);
        return true;
    });
}

} // namespace tidemark::screenshots
