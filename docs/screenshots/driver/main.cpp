// tidemark-screenshots PROJECT OUTPUT_DIR: opens the real window on PROJECT, drives it through
// its actions to each screen the README shows and saves the screen as OUTPUT_DIR/<screen>.png.
// scripts/screenshots.sh prepares PROJECT (a copy of examples/demo) and runs this under Xvfb.
// Exit code 1 names the screen that could not be reached.
#include "shooter.h"

#include "appicon.h"
#include "compare/comparedialog.h"
#include "editor/migrationeditor.h"
#include "list/migrationlistwidget.h"
#include "mainwindow.h"
#include "review/changelist.h"
#include "review/reviewdialog.h"
#include "review/schemadiffview.h"
#include "run/confirmations.h"
#include "run/operations.h"
#include "run/runpanel.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScreen>
#include <QSettings>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStyle>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTemporaryDir>

#include <cstdio>

namespace tidemark::screenshots {
namespace {

using ui::MainWindow;

constexpr int LoadTimeoutMs = 20000;
constexpr int RunTimeoutMs = 120000;

bool idle(MainWindow *window)
{
    return !window->operations()->isBusy();
}

bool selectFile(MainWindow *window, const QString &fileName)
{
    if (!window->list()->selectFile(fileName))
        return Shooter::fail(QStringLiteral("%1 is not in the list").arg(fileName));
    return Shooter::waitFor([&] { return window->editor()->path().endsWith(u'/' + fileName); },
                            5000) ||
           Shooter::fail(QStringLiteral("the editor did not show %1").arg(fileName));
}

// An applied migration selected: its file, highlighted, in the editor beside the list.
bool listAndEditor(Shooter &shooter)
{
    return selectFile(shooter.window(), QStringLiteral("V4__create_sales.sql")) &&
           shooter.shoot(QStringLiteral("list-and-editor"));
}

// Dry Run: the SQL an upgrade would run, in a window-modal dialog.
bool dryRun(Shooter &shooter)
{
    MainWindow *window = shooter.window();
    if (!shooter.click("dryRunAction"))
        return false;
    QPointer<QDialog> dialog;
    const bool shown = Shooter::waitFor(
        [&] {
            dialog = window->findChild<QDialog *>(QStringLiteral("textDialog"));
            return dialog && dialog->isVisible();
        },
        LoadTimeoutMs);
    if (!shown)
        return Shooter::fail(QStringLiteral("the dry run's dialog did not open"));
    const bool shot = shooter.shoot(QStringLiteral("dry-run"));
    dialog->close();
    return shot && Shooter::waitFor([&] { return !dialog; }, 5000);
}

// Rehearse: the pending files upgraded, rolled back and upgraded again on a throwaway copy.
bool rehearsal(Shooter &shooter)
{
    MainWindow *window = shooter.window();
    if (!shooter.click("rehearseAction"))
        return false;
    QPointer<QDialog> dialog;
    const bool shown = Shooter::waitFor(
        [&] {
            dialog = window->findChild<QDialog *>(QStringLiteral("rehearsalDialog"));
            return dialog && dialog->isVisible();
        },
        RunTimeoutMs);
    if (!shown)
        return Shooter::fail(QStringLiteral("the rehearsal's dialog did not open"));
    const bool shot = shooter.shoot(QStringLiteral("rehearsal"));
    dialog->close();
    return shot && Shooter::waitFor([&] { return !dialog && idle(window); }, 5000);
}

// Upgrade all pending: OK in the confirmation, then the run panel while the slow file runs.
bool runInProgress(Shooter &shooter, const QString &slowMarker)
{
    MainWindow *window = shooter.window();
    shooter.onModal<ui::ConfirmDialog>([](ui::ConfirmDialog *dialog) {
        dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->click();
    });
    if (!shooter.click("upgradeAction"))
        return false;
    auto *statement = window->runPanel()->findChild<QLabel *>(QStringLiteral("statementLabel"));
    const bool running =
        statement &&
        Shooter::waitFor([&] { return statement->toolTip().contains(slowMarker); }, RunTimeoutMs);
    if (!running)
        return Shooter::fail(
            QStringLiteral("the run never reached the slow statement (%1)").arg(slowMarker));
    if (!shooter.shoot(QStringLiteral("run-in-progress")))
        return false;
    if (!Shooter::waitFor([&] { return idle(window); }, RunTimeoutMs))
        return Shooter::fail(QStringLiteral("the upgrade did not finish"));
    const QString log = window->runPanel()->logText();
    if (!log.contains(QStringLiteral("Upgrade finished")))
        return Shooter::fail(QStringLiteral("the upgrade failed:\n%1").arg(log));
    return Shooter::waitFor([&] { return idle(window); }, LoadTimeoutMs); // the refresh after it
}

// Generate Migration from the project's jetbase/schema.sql: the changes with their warnings
// and the upgrade SQL, then the schema before and after.
bool review(Shooter &shooter)
{
    MainWindow *window = shooter.window();
    if (!shooter.click("generateMigrationAction"))
        return false;
    QPointer<ui::ReviewDialog> dialog;
    const bool ready = Shooter::waitFor(
        [&] {
            dialog = window->findChild<ui::ReviewDialog *>(QStringLiteral("reviewDialog"));
            return dialog && dialog->isVisible() && !dialog->isBusy() &&
                   (!dialog->errorText().isEmpty() || dialog->changeList()->changeCount() > 0);
        },
        RunTimeoutMs);
    if (!ready)
        return Shooter::fail(QStringLiteral("the review of a generated migration did not open"));
    if (!dialog->errorText().isEmpty())
        return Shooter::fail(QStringLiteral("generating failed: %1").arg(dialog->errorText()));
    dialog->changeList()->expandAll();
    dialog->tabs()->setCurrentIndex(0);
    if (!shooter.shoot(QStringLiteral("review")))
        return false;
    dialog->tabs()->setCurrentWidget(dialog->schemaView());
    const bool shot = shooter.shoot(QStringLiteral("review-schema"));
    dialog->reject();
    return shot && Shooter::waitFor([&] { return !dialog; }, 5000);
}

// Roll Back to Selected on an early version: the confirmation naming what will be lost,
// captured and then cancelled.
bool destructiveConfirmation(Shooter &shooter)
{
    MainWindow *window = shooter.window();
    if (!selectFile(window, QStringLiteral("V3__seed_authors.sql")))
        return false;
    bool answered = false;
    bool shot = false;
    shooter.onModal<ui::ConfirmDialog>([&](ui::ConfirmDialog *dialog) {
        auto *lost = dialog->findChild<QPlainTextEdit *>(QStringLiteral("willBeLostList"));
        if (lost && !lost->toPlainText().isEmpty())
            shot = shooter.shoot(QStringLiteral("destructive-confirmation"));
        else
            Shooter::fail(QStringLiteral("the rollback confirmation lists nothing lost"));
        answered = true;
        dialog->reject();
    });
    if (!shooter.click("rollbackToSelectedAction"))
        return false;
    if (!Shooter::waitFor([&] { return answered && idle(window); }, LoadTimeoutMs))
        return Shooter::fail(QStringLiteral("the rollback confirmation did not open"));
    return shot;
}

// Database › Connection Profiles…: a saved production profile, and a new one for the demo's own
// database whose Test Connection has just succeeded. Neither has a password, so the keychain is
// not needed here.
bool connectionProfiles(Shooter &shooter)
{
    MainWindow *window = shooter.window();
    if (!shooter.click("connectionProfilesAction"))
        return false;
    QPointer<QDialog> dialog;
    const bool shown = Shooter::waitFor(
        [&] {
            dialog = window->findChild<QDialog *>(QStringLiteral("connectionProfilesDialog"));
            return dialog && dialog->isVisible();
        },
        5000);
    if (!shown)
        return Shooter::fail(QStringLiteral("the connection profiles dialog did not open"));
    const auto edit = [&](const char *name) {
        return dialog->findChild<QLineEdit *>(QLatin1String(name));
    };
    const auto button = [&](const char *name) {
        return dialog->findChild<QPushButton *>(QLatin1String(name));
    };
    auto *list = dialog->findChild<QListWidget *>(QStringLiteral("profileList"));
    auto *result = dialog->findChild<QLabel *>(QStringLiteral("profileResultLabel"));

    edit("profileNameEdit")->setText(QStringLiteral("Shop"));
    edit("profileUrlEdit")->setText(QStringLiteral("postgresql://deploy@db.internal:5432/shop"));
    dialog->findChild<QCheckBox *>(QStringLiteral("profileProductionCheck"))->setChecked(true);
    button("saveProfileButton")->click();
    if (!Shooter::waitFor([&] { return list->count() == 1; }, 5000))
        return Shooter::fail(QStringLiteral("the profile was not saved: %1").arg(result->text()));

    button("addProfileButton")->click();
    edit("profileNameEdit")->setText(QStringLiteral("Demo (local copy)"));
    edit("profileUrlEdit")->setText(QStringLiteral("sqlite:///demo.db"));
    button("testConnectionButton")->click();
    const bool tested = Shooter::waitFor(
        [&] { return button("testConnectionButton")->isEnabled() && !result->text().isEmpty(); },
        LoadTimeoutMs);
    if (!tested || !result->text().contains(QStringLiteral("SQLite")))
        return Shooter::fail(
            QStringLiteral("Test Connection did not succeed: %1").arg(result->text()));
    const bool shot = shooter.shoot(QStringLiteral("connection-profiles"));
    dialog->reject();
    return shot;
}

// Database › Check Drift after a column was added by hand: the banner above the list and, from
// its Show button, the history's schema beside the live one.
bool drift(Shooter &shooter, const QString &project)
{
    MainWindow *window = shooter.window();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("screenshotsDrift"));
        db.setDatabaseName(project + QStringLiteral("/jetbase/demo.db"));
        if (!db.open() ||
            !QSqlQuery(db).exec(QStringLiteral("ALTER TABLE books ADD COLUMN shelf TEXT")))
            return Shooter::fail(QStringLiteral("could not add a column by hand"));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("screenshotsDrift"));
    if (!shooter.click("checkDriftAction"))
        return false;
    auto *banner = window->findChild<QFrame *>(QStringLiteral("driftBanner"));
    if (!banner || !Shooter::waitFor([&] { return banner->isVisible(); }, RunTimeoutMs))
        return Shooter::fail(QStringLiteral("the drift banner did not show"));
    banner->findChild<QPushButton *>(QStringLiteral("driftShowButton"))->click();
    QPointer<QDialog> dialog;
    const bool shown = Shooter::waitFor(
        [&] {
            dialog = window->findChild<QDialog *>(QStringLiteral("driftDialog"));
            return dialog && dialog->isVisible();
        },
        5000);
    if (!shown)
        return Shooter::fail(QStringLiteral("the drift dialog did not open"));
    const bool shot = shooter.shoot(QStringLiteral("drift"));
    dialog->close();
    return shot;
}

// Database › Compare With… against a copy of the demo database that has not run the last two
// migrations and ran one with another checksum: the two histories side by side.
bool compare(Shooter &shooter, const QString &project)
{
    MainWindow *window = shooter.window();
    const QString other = project + QStringLiteral("/jetbase/other.db");
    QFile::remove(other);
    if (!QFile::copy(project + QStringLiteral("/jetbase/demo.db"), other))
        return Shooter::fail(QStringLiteral("could not copy the demo database"));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"),
                                                    QStringLiteral("screenshotsCompare"));
        db.setDatabaseName(other);
        QSqlQuery q(db);
        const bool ok =
            db.open() &&
            q.exec(QStringLiteral("DELETE FROM jetbase_migrations WHERE version IN "
                                  "(SELECT version FROM jetbase_migrations WHERE version IS NOT "
                                  "NULL ORDER BY order_executed DESC LIMIT 2)")) &&
            q.exec(QStringLiteral("UPDATE jetbase_migrations SET checksum = 'edited' WHERE "
                                  "version = '2'"));
        db.close();
        if (!ok)
            return Shooter::fail(QStringLiteral("could not prepare the other database"));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("screenshotsCompare"));
    if (!shooter.click("compareWithAction"))
        return false;
    QPointer<ui::CompareDialog> dialog;
    if (!Shooter::waitFor(
            [&] {
                dialog = window->findChild<ui::CompareDialog *>(QStringLiteral("compareDialog"));
                return dialog && dialog->isVisible();
            },
            5000))
        return Shooter::fail(QStringLiteral("the Compare With dialog did not open"));
    dialog->urlEdit()->setText(QStringLiteral("sqlite:///other.db"));
    dialog->compare();
    if (!Shooter::waitFor([&] { return !dialog->isBusy(); }, RunTimeoutMs))
        return Shooter::fail(QStringLiteral("the comparison did not finish"));
    const bool shot = shooter.shoot(QStringLiteral("compare"));
    dialog->close();
    return shot;
}

} // namespace
} // namespace tidemark::screenshots

int main(int argc, char *argv[])
{
    using namespace tidemark;
    using screenshots::Shooter;
    QApplication app(argc, argv);
    const QStringList arguments = QApplication::arguments();
    if (arguments.size() != 3) {
        std::fprintf(stderr, "usage: tidemark-screenshots PROJECT OUTPUT_DIR\n");
        return 2;
    }
    // The same look on every machine: Fusion and its light palette, not the desktop's.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(QApplication::style()->standardPalette());
    QApplication::setApplicationName(QStringLiteral("Tidemark"));
    QApplication::setOrganizationName(QStringLiteral("TidemarkScreenshots"));
    QApplication::setWindowIcon(ui::appIcon());
    // Settings of its own: no recent projects or window layout of the user's.
    QTemporaryDir settingsDir;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());

    const QString project = arguments.at(1);
    ui::MainWindow window(project, project);
    // Maximised under the window manager scripts/screenshots.sh starts (its title bar shows
    // the project and the URL); the screen's size where there is none.
    window.setGeometry(QGuiApplication::primaryScreen()->availableGeometry());
    window.showMaximized();
    window.activateWindow();
    Shooter shooter(&window, arguments.at(2));
    const bool loaded = Shooter::waitFor(
        [&] {
            return window.isActiveWindow() && window.operations()->hasProject() &&
                   !window.operations()->isBusy();
        },
        20000);
    if (!loaded) {
        Shooter::fail(QStringLiteral("the project %1 did not load").arg(project));
        return 1;
    }

    struct Screen
    {
        const char *name;
        std::function<bool(Shooter &)> reach;
    };
    const QString slowMarker = QStringLiteral("WITH RECURSIVE");
    const Screen steps[] = {
        {"list and editor", screenshots::listAndEditor},
        {"dry run", screenshots::dryRun},
        {"rehearsal", screenshots::rehearsal},
        {"run in progress", [&](Shooter &s) { return screenshots::runInProgress(s, slowMarker); }},
        {"review", screenshots::review},
        {"destructive confirmation", screenshots::destructiveConfirmation},
        {"connection profiles", screenshots::connectionProfiles},
        {"drift", [&](Shooter &s) { return screenshots::drift(s, project); }},
        {"compare", [&](Shooter &s) { return screenshots::compare(s, project); }},
    };
    for (const Screen &step : steps) {
        if (!step.reach(shooter)) {
            Shooter::fail(
                QStringLiteral("could not reach the screen \"%1\"").arg(QLatin1String(step.name)));
            return 1;
        }
    }
    window.close();
    return 0;
}
