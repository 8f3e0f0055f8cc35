#pragma once

// Helpers of the ui/ tests: the real MainWindow on a TempProject, its actions, and dialogs
// answered from a timer while they run modally.

#include "../db/dbtest.h"
#include "offscreennoise.h"

#include "editor/sqleditor.h"
#include "list/migrationlistwidget.h"
#include "mainwindow.h"
#include "run/confirmations.h"
#include "run/operations.h"
#include "run/runpanel.h"

#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QTimer>
#include <QToolBar>

#include <functional>
#include <memory>

namespace tidemark::test {

// Settings of the test executable's own, in a temporary folder: the recent projects of a real
// user are not touched and tests running side by side do not share them.
inline void useTestSettings()
{
    dropOffscreenNoise();
    static QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QApplication::setOrganizationName(QStringLiteral("TidemarkTests"));
}

// The window tests' usual project: V1, V2 and V3 create authors, books and sales, each with
// its rollback.
inline void writeThreeTables(const TempProject &project)
{
    project.write("V1__create_authors.sql", "-- upgrade\nCREATE TABLE authors (id INT);\n"
                                            "-- rollback\nDROP TABLE authors;\n");
    project.write("V2__create_books.sql", "-- upgrade\nCREATE TABLE books (id INT);\n"
                                          "-- rollback\nDROP TABLE books;\n");
    project.write("V3__create_sales.sql", "-- upgrade\nCREATE TABLE sales (id INT);\n"
                                          "-- rollback\nDROP TABLE sales;\n");
}

// The window on the project, shown and active, once its first load has finished.
inline std::unique_ptr<ui::MainWindow> openWindow(const TempProject &project)
{
    auto window = std::make_unique<ui::MainWindow>(project.root(), project.root());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active");
    if (!QTest::qWaitFor([&] { return !window->operations()->isBusy(); }, 20000))
        qWarning("the first load did not finish");
    return window;
}

inline QAction *action(ui::MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

// Clicks the action's toolbar button (a real widget) or, when it has none, triggers it.
inline void clickAction(ui::MainWindow &window, const char *name)
{
    QAction *a = action(window, name);
    QVERIFY2(a, name);
    QVERIFY2(a->isEnabled(), name);
    const auto toolbars = window.findChildren<QToolBar *>();
    for (QToolBar *toolbar : toolbars) {
        if (QWidget *button = toolbar->widgetForAction(a)) {
            QTest::mouseClick(button, Qt::LeftButton);
            return;
        }
    }
    a->trigger();
}

// Shared state of a dialog answered from a timer: what it showed and whether it was seen.
struct DialogSeen
{
    bool seen = false;
    QString willRun;
    QString willBeLost;
    QString sql;
    QString findings;  // what check said about the files
    QString rehearsal; // what the last rehearsal says about them
    QString okText;
    bool okEnabledBeforeTyping = true;
};

// Waits (from a timer) for the next modal ConfirmDialog, records what it says, optionally types
// the database name, then clicks OK (or Cancel).
inline std::shared_ptr<DialogSeen> answerNextConfirmation(bool accept = true,
                                                          const QString &typeName = {})
{
    auto seen = std::make_shared<DialogSeen>();
    auto *timer = new QTimer(qApp);
    timer->setObjectName(QStringLiteral("answerTimer"));
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, seen, accept, typeName] {
        QWidget *modal = QApplication::activeModalWidget();
        auto *dialog = qobject_cast<ui::ConfirmDialog *>(modal);
        if (!dialog || !dialog->isVisible())
            return;
        timer->stop();
        timer->deleteLater();
        seen->seen = true;
        const auto text = [dialog](const char *name) {
            if (auto *sql = dialog->findChild<ui::SqlEditor *>(QLatin1String(name)))
                return sql->text();
            auto *edit = dialog->findChild<QPlainTextEdit *>(QLatin1String(name));
            return edit ? edit->toPlainText() : QString();
        };
        seen->willRun = text("willRunList");
        seen->willBeLost = text("willBeLostList");
        seen->sql = text("sqlText");
        seen->findings = text("checkFindingsList");
        if (auto *note = dialog->findChild<QLabel *>(QStringLiteral("rehearsalNote")))
            seen->rehearsal = note->text();
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
        seen->okText = ok->text();
        seen->okEnabledBeforeTyping = ok->isEnabled();
        if (auto *typed = dialog->findChild<QLineEdit *>(QStringLiteral("typedName"))) {
            QTest::keyClicks(typed, typeName);
        }
        QTest::mouseClick(accept ? ok : buttons->button(QDialogButtonBox::Cancel), Qt::LeftButton);
        if (dialog->isVisible()) // OK still disabled: give up rather than hang
            dialog->reject();
    });
    timer->start();
    return seen;
}

// Drops the answers a failed test left waiting, so they cannot answer the next test's dialogs.
inline void dropPendingAnswers()
{
    const auto timers = qApp->findChildren<QTimer *>(QStringLiteral("answerTimer"));
    qDeleteAll(timers);
}

inline ui::MigrationTableModel *rowsOf(ui::MainWindow &window)
{
    return window.list()->model();
}

inline QStringList statesOf(ui::MainWindow &window)
{
    QStringList states;
    ui::MigrationTableModel *model = rowsOf(window);
    for (int row = 0; row < model->rowCount(); ++row)
        states.append(ui::rowStateText(model->row(row).state));
    return states;
}

// Clicks the list's row showing the file (a real click on the table's viewport).
inline bool clickRowOf(ui::MainWindow &window, const QString &fileName)
{
    QTableView *view = window.list()->view();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 1);
        if (index.data(Qt::ToolTipRole).toString() != fileName)
            continue;
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        return true;
    }
    return false;
}

inline bool idle(ui::MainWindow &window)
{
    return !window.operations()->isBusy();
}

} // namespace tidemark::test
