#include "mainwindow.h"

#include "compare/comparedialog.h"
#include "connections/connectionchooser.h"
#include "dialogs/aboutdialog.h"
#include "dialogs/journaldialog.h"
#include "dialogs/newmigrationdialog.h"
#include "editor/editorlink.h"
#include "editor/migrationeditor.h"
#include "layoutmemory.h"
#include "list/driftbanner.h"
#include "list/migrationlistwidget.h"
#include "panenavigation.h"
#include "recentprojects.h"
#include "review/driftdialog.h"
#include "review/reviewdialog.h"
#include "run/operations.h"
#include "run/runpanel.h"
#include "statusbarwidget.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>
#include <QStyle>
#include <QTime>
#include <QToolBar>
#include <QVBoxLayout>

namespace tidemark::ui {

namespace {

// Adds the named actions to a menu or a toolbar; nullptr adds a separator.
template <typename Target>
void addNamedActions(Target *target, const QHash<QString, QAction *> &actions,
                     std::initializer_list<const char *> names)
{
    for (const char *name : names) {
        if (name)
            target->addAction(actions.value(QLatin1String(name)));
        else
            target->addSeparator();
    }
}

} // namespace

MainWindow::MainWindow(QString projectDir, QString startDir, QWidget *parent)
    : QMainWindow(parent)
    , m_list(new MigrationListWidget(this))
    , m_runPanel(new RunPanel(this))
    , m_statusWidget(new StatusBarWidget(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Tidemark"));
    m_operations = new Operations(this, m_runPanel, this);
    // The list and, beside it, the selected migration's file in the SQL editor.
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("listEditorSplitter"));
    // The drift banner above the list, shown after a drift check found changes made by hand.
    auto *listPane = new QWidget(splitter);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->setSpacing(2);
    m_driftBanner = new DriftBanner(listPane);
    listLayout->addWidget(m_driftBanner);
    listLayout->addWidget(m_list, 1);
    splitter->addWidget(listPane);
    m_editor = new MigrationEditor(splitter);
    m_editor->setObjectName(QStringLiteral("migrationEditor"));
    splitter->addWidget(m_editor);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    setCentralWidget(splitter);
    new EditorLink(m_list, m_editor, m_operations, this);
    auto *runDock = new QDockWidget(tr("Run"), this);
    runDock->setObjectName(QStringLiteral("runDock"));
    runDock->setWidget(m_runPanel);
    addDockWidget(Qt::BottomDockWidgetArea, runDock);
    resizeDocks({runDock}, {170}, Qt::Vertical);
    statusBar()->addPermanentWidget(m_statusWidget, 1);

    createActions();
    createMenus();
    auto *navigation = new PaneNavigation(this, m_list, m_editor, m_runPanel, runDock);
    auto *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu"));
    runDock->toggleViewAction()->setText(tr("Run &Panel"));
    viewMenu->addActions({navigation->focusFilterAction(), navigation->nextPaneAction(),
                          navigation->previousPaneAction()});
    viewMenu->addSeparator();
    viewMenu->addAction(runDock->toggleViewAction());
    auto *connection = new ConnectionChooser(
        this, m_operations, menuBar()->findChild<QMenu *>(QStringLiteral("databaseMenu")));
    connect(connection, &ConnectionChooser::connectionChanged, this, &MainWindow::refresh);

    connect(m_operations, &Operations::driftChecked, this, &MainWindow::onDriftChecked);
    connect(m_operations, &Operations::projectChanged, this, [this] {
        m_drift.reset();
        m_driftBanner->hide();
    });
    connect(connection, &ConnectionChooser::connectionChanged, this, [this] {
        m_drift.reset();
        m_driftBanner->hide();
    });
    connect(m_driftBanner, &DriftBanner::checkRequested, m_operations, &Operations::checkDrift);
    connect(m_driftBanner, &DriftBanner::showRequested, this, [this] {
        if (m_drift)
            (new DriftDialog(*m_drift, m_operations->snapshot().dialect, this))->open();
    });
    connect(m_operations, &Operations::loaded, this, &MainWindow::onLoaded);
    connect(m_operations, &Operations::checkContextsLoaded, m_statusWidget,
            [this] { m_statusWidget->showChecking(false); });
    connect(m_operations, &Operations::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_operations, &Operations::busyChanged, this, &MainWindow::updateActions);
    connect(m_list, &MigrationListWidget::selectionChanged, this, &MainWindow::updateActions);
    connect(m_list, &MigrationListWidget::contextMenuRequested, this, &MainWindow::showContextMenu);

    resize(1280, 800);
    restoreLayout(this, QStringLiteral("window"));
    m_operations->setProject(projectDir, startDir);
    updateActions();
    refresh();
}

QAction *MainWindow::addAction(const QString &objectName, const QString &text,
                               const QKeySequence &key, QStyle::StandardPixmap icon)
{
    auto *action = new QAction(text, this);
    action->setObjectName(objectName);
    if (!key.isEmpty())
        action->setShortcut(key);
    if (icon != QStyle::SP_CustomBase)
        action->setIcon(style()->standardIcon(icon));
    m_actions.insert(objectName, action);
    QMainWindow::addAction(action); // shortcuts work wherever the focus is
    return action;
}

void MainWindow::createActions()
{
    using Key = QKeySequence;
    const auto make = [this](const char *name, const QString &text, const QKeySequence &key,
                             QStyle::StandardPixmap icon, auto functor) {
        connect(addAction(QLatin1String(name), text, key, icon), &QAction::triggered, this,
                functor);
    };
    constexpr QStyle::StandardPixmap None = QStyle::SP_CustomBase;
    Operations *ops = m_operations;
    make("openAction", tr("&Open Project…"), Key::Open, QStyle::SP_DirOpenIcon,
         [this] { chooseProject(); });
    make("refreshAction", tr("&Refresh"), Key(Qt::Key_F5), QStyle::SP_BrowserReload,
         [this] { refresh(); });
    make("newMigrationAction", tr("&New Migration…"), Key::New, QStyle::SP_FileIcon,
         [this] { newMigration(); });
    make("generateMigrationAction", tr("&Generate Migration…"), Key(Qt::CTRL | Qt::Key_G),
         QStyle::SP_DriveHDIcon, [this] { generateMigration(false); });
    make("generateFromFileAction", tr("Generate Migration from Schema &File…"), {}, None,
         [this] { generateMigration(true); });
    m_actions.value(QStringLiteral("generateMigrationAction"))
        ->setToolTip(tr("Compare the database with the project's SQLAlchemy models or "
                        "jetbase/schema.sql and review the migration that closes the gap"));
    make("upgradeAction", tr("&Upgrade All Pending…"), Key(Qt::CTRL | Qt::Key_U),
         QStyle::SP_ArrowUp, [ops] { ops->upgrade(); });
    make("upgradeToSelectedAction", tr("Upgrade &to Selected…"),
         Key(Qt::CTRL | Qt::SHIFT | Qt::Key_U), None, [this] { upgradeToSelected(); });
    make("rollbackLastAction", tr("Roll Back &Last…"), Key(Qt::CTRL | Qt::Key_R),
         QStyle::SP_ArrowDown, [ops] { ops->rollbackLast(); });
    make("rollbackBatchAction", tr("Roll Back Last &Batch…"), {}, None,
         [ops] { ops->rollbackLastBatch(); });
    make("rollbackToSelectedAction", tr("Roll Back to &Selected…"),
         Key(Qt::CTRL | Qt::SHIFT | Qt::Key_R), None, [this] { rollbackToSelected(); });
    m_actions.value(QStringLiteral("rollbackToSelectedAction"))
        ->setToolTip(tr("Roll back everything applied after the selected version; it stays"));
    make("dryRunAction", tr("&Dry Run"), Key(Qt::CTRL | Qt::Key_D),
         QStyle::SP_FileDialogContentsView, [ops] { ops->dryRun(); });
    make("rehearseAction", tr("Re&hearse"), Key(Qt::CTRL | Qt::SHIFT | Qt::Key_H),
         QStyle::SP_MediaPlay, [ops] { ops->rehearse(); });
    m_actions.value(QStringLiteral("rehearseAction"))
        ->setToolTip(tr("Upgrade the pending files on a throwaway copy of the database, roll "
                        "each back and upgrade again, comparing the schema after every step"));
    make("validateAction", tr("&Validate"), Key(Qt::CTRL | Qt::SHIFT | Qt::Key_V),
         QStyle::SP_DialogApplyButton, [ops] { ops->validate(); });
    make("fixChecksumsAction", tr("Fix &Checksums…"), {}, None, [ops] { ops->fixChecksums(); });
    make("fixFilesAction", tr("Fix &Files…"), {}, None, [ops] { ops->fixFiles(); });
    make("resolveAction", tr("&Resolve Partly Applied File…"), {}, None, [ops] { ops->resolve(); });
    m_actions.value(QStringLiteral("resolveAction"))
        ->setToolTip(tr("Record how a file that ran only in part was repaired"));
    make("checkDriftAction", tr("Check &Drift"), {}, None, [ops] { ops->checkDrift(); });
    make("compareWithAction", tr("Compare &With…"), {}, None, [this] { compareWith(); });
    m_actions.value(QStringLiteral("compareWithAction"))
        ->setToolTip(tr("Put another database of the same kind beside this one: the migrations "
                        "each has applied, and the migration that makes this one like it"));
    m_actions.value(QStringLiteral("checkDriftAction"))
        ->setToolTip(tr("Replay the applied migrations into a throwaway database and compare "
                        "it with the live one: what was changed by hand"));
    make("lockAction", tr("&Lock"), {}, None, [ops] { ops->lock(); });
    make("unlockAction", tr("U&nlock…"), {}, None, [ops] { ops->unlock(); });
    make("journalAction", tr("&Journal"), Key(Qt::CTRL | Qt::Key_J),
         QStyle::SP_FileDialogDetailedView, [this] { showJournal(); });
    make("stopAction", tr("St&op"), Key(Qt::Key_Escape), QStyle::SP_BrowserStop,
         [ops] { ops->stop(); });
    make("quitAction", tr("&Quit"), Key::Quit, None, [this] { close(); });
}

void MainWindow::createMenus()
{
    const auto a = [this](const char *name) { return m_actions.value(QLatin1String(name)); };
    QMenu *file = menuBar()->addMenu(tr("&Project"));
    file->addAction(a("openAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    file->addSeparator();
    file->addAction(a("newMigrationAction"));
    file->addAction(a("generateMigrationAction"));
    file->addAction(a("generateFromFileAction"));
    file->addSeparator();
    file->addAction(a("quitAction"));

    QMenu *migrate = menuBar()->addMenu(tr("&Migrate"));
    addNamedActions(migrate, m_actions,
                    {"upgradeAction", "upgradeToSelectedAction", nullptr, "rollbackLastAction",
                     "rollbackBatchAction", "rollbackToSelectedAction", nullptr, "dryRunAction",
                     "rehearseAction", nullptr, "stopAction"});
    QMenu *tools = menuBar()->addMenu(tr("&Database"));
    tools->setObjectName(QStringLiteral("databaseMenu"));
    addNamedActions(tools, m_actions,
                    {"validateAction", "fixChecksumsAction", "fixFilesAction", "resolveAction",
                     "checkDriftAction", "compareWithAction", nullptr, "lockAction", "unlockAction",
                     nullptr, "journalAction"});
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(a("refreshAction"));

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    addNamedActions(toolbar, m_actions,
                    {"openAction", "refreshAction", "newMigrationAction", "generateMigrationAction",
                     nullptr, "upgradeAction", "rollbackLastAction", "dryRunAction",
                     "rehearseAction", "stopAction", nullptr, "validateAction", "journalAction"});
    toolbar->toggleViewAction()->setText(tr("&Toolbar"));
    view->addAction(toolbar->toggleViewAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(tr("&About Tidemark"), this, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::showContextMenu(const QPoint &globalPos)
{
    QMenu menu(this);
    addNamedActions(&menu, m_actions,
                    {"upgradeToSelectedAction", "rollbackToSelectedAction", nullptr,
                     "upgradeAction", "rollbackLastAction", "dryRunAction", nullptr,
                     "refreshAction"});
    menu.exec(globalPos);
}

void MainWindow::onDriftChecked(const DriftReport &report)
{
    if (report.drifted())
        m_drift = report;
    else
        m_drift.reset();
    m_driftBanner->showResult(int(report.diff.changes.size()),
                              QLocale().toString(QTime::currentTime(), QLocale::ShortFormat));
}

void MainWindow::refresh()
{
    m_statusWidget->showMessage(tr("Loading…"));
    m_operations->refresh();
}

void MainWindow::openProject(const QString &dir)
{
    if (m_operations->isBusy()) {
        m_runPanel->log(tr("Busy: wait for the current operation to finish."));
        return;
    }
    m_operations->setProject(dir, QDir::currentPath());
    m_list->setRows({});
    m_selectFirstPending = true;
    refresh();
}

void MainWindow::chooseProject()
{
    const QString dir = QFileDialog::getExistingDirectory(
        this, tr("Open Project (the jetbase folder or the folder holding it)"),
        m_operations->snapshot().jetbaseDir);
    if (!dir.isEmpty())
        openProject(dir);
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    const QStringList dirs = RecentProjects::list();
    for (const QString &dir : dirs)
        m_recentMenu->addAction(QDir::toNativeSeparators(dir).replace(u'&', QStringLiteral("&&")),
                                this, [this, dir] { openProject(dir); });
    if (dirs.isEmpty())
        m_recentMenu->addAction(tr("No recent projects"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("&Clear List"), this, [] { RecentProjects::clear(); });
    }
}

void MainWindow::newMigration()
{
    const ProjectSnapshot &snapshot = m_operations->snapshot();
    ProjectLocation location{snapshot.jetbaseDir, snapshot.jetbaseDir + u"/migrations"};
    NewMigrationDialog dialog(location, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_runPanel->log(tr("Created %1").arg(QDir::toNativeSeparators(dialog.createdFile())));
    refresh();
}

void MainWindow::generateMigration(bool pickFile)
{
    const ProjectSnapshot &snapshot = m_operations->snapshot();
    GenerateOptions options;
    if (pickFile) {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Desired Schema"), snapshot.jetbaseDir, tr("SQL files (*.sql)"));
        if (file.isEmpty())
            return;
        options.source.schemaPath = file;
    }
    const std::optional<Project> project = projectForDialog(tr("Generate Migration"));
    if (!project)
        return;
    auto *review = new ReviewDialog(*project, options, this);
    review->setObjectName(QStringLiteral("reviewDialog"));
    review->setAttribute(Qt::WA_DeleteOnClose);
    connect(review, &ReviewDialog::saved, this, &MainWindow::migrationSaved);
    review->open();
}

void MainWindow::migrationSaved(const QString &path)
{
    m_runPanel->log(tr("Created %1").arg(QDir::toNativeSeparators(path)));
    refresh();
}

std::optional<Project> MainWindow::projectForDialog(const QString &title)
{
    ProjectOptions projectOptions;
    projectOptions.projectDir = m_operations->snapshot().jetbaseDir;
    // The chosen connection profile, as the worker uses it.
    projectOptions.overrides = m_operations->overrides();
    Result<Project> project = Project::open(projectOptions); // reads files only, no connection
    if (!project) {
        QMessageBox::warning(this, title, project.error().fullText());
        return std::nullopt;
    }
    return project.value();
}

void MainWindow::compareWith()
{
    const std::optional<Project> project = projectForDialog(tr("Compare With"));
    if (!project)
        return;
    auto *dialog = new CompareDialog(*project, this);
    dialog->setObjectName(QStringLiteral("compareDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CompareDialog::migrationSaved, this, &MainWindow::migrationSaved);
    dialog->open();
}

void MainWindow::upgradeToSelected()
{
    if (const MigrationRow *row = m_list->selectedRow())
        m_operations->upgrade(row->entry.version);
}

void MainWindow::rollbackToSelected()
{
    if (const MigrationRow *row = m_list->selectedRow())
        m_operations->rollbackTo(row->entry.version);
}

void MainWindow::showJournal()
{
    const ProjectSnapshot &snapshot = m_operations->snapshot();
    auto *dialog = new JournalDialog(snapshot.journal, snapshot.journalError, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::onLoaded(const ProjectSnapshot &snapshot)
{
    RecentProjects::add(snapshot.jetbaseDir);
    const QFileInfo jetbase(snapshot.jetbaseDir);
    const QString project =
        jetbase.fileName() == u"jetbase" ? jetbase.dir().dirName() : jetbase.fileName();
    setWindowTitle(tr("%1 — %2 — Tidemark").arg(project, snapshot.displayUrl));
    QStringList banner;
    if (!snapshot.status.missingDatabaseFile.isEmpty())
        banner.append(tr("The database file does not exist yet: %1. Upgrade creates it.")
                          .arg(snapshot.status.missingDatabaseFile));
    for (const FileProgress &file : snapshot.status.unfinished)
        banner.append(file.summary());
    if (!snapshot.status.unfinished.isEmpty())
        banner.append(tr("Upgrade and rollback refuse to run: repair the database by hand, then "
                         "use Database ▸ Resolve Partly Applied File."));
    if (!snapshot.checkSettingsError.isEmpty())
        banner.append(snapshot.checkSettingsError);
    for (const IgnoredEntry &entry : snapshot.status.ignored)
        banner.append(tr("Ignored: %1 because %2").arg(entry.relativePath, entry.reason));
    if (!snapshot.status.problems.isEmpty())
        banner.append(tr("%n problem(s) block an upgrade; see Validate.", nullptr,
                         int(snapshot.status.problems.size())));
    m_list->showProblem(banner.join(u'\n'));
    m_list->setRows(buildRows(snapshot.status, snapshot.journal));
    if (std::exchange(m_selectFirstPending, false) && !m_list->selectedRow())
        m_list->selectFirstPending();
    m_statusWidget->showSnapshot(snapshot);
    m_statusWidget->showChecking(!snapshot.status.pending.isEmpty()); // until the contexts are in
    updateActions();
}

void MainWindow::onLoadFailed(const QString &errorText)
{
    m_list->setRows({});
    m_list->showProblem(errorText + u"\n\n" +
                        tr("Open a project with Project › Open Project… (Ctrl+O) or a recent "
                           "one, or start tidemark with the project's folder."));
    m_statusWidget->showMessage(tr("No project"));
    setWindowTitle(tr("Tidemark"));
    updateActions();
}

void MainWindow::updateActions()
{
    const bool busy = m_operations->isBusy();
    const bool open = m_operations->hasProject();
    for (QAction *action : std::as_const(m_actions))
        action->setEnabled(!busy && open);
    const MigrationRow *row = m_list->selectedRow();
    const bool versioned = row && row->entry.kind == MigrationKind::Versioned;
    m_actions.value(QStringLiteral("upgradeToSelectedAction"))
        ->setEnabled(!busy && open && versioned && !row->entry.applied());
    m_actions.value(QStringLiteral("rollbackToSelectedAction"))
        ->setEnabled(!busy && open && versioned && row->entry.applied());
    m_actions.value(QStringLiteral("openAction"))->setEnabled(!busy);
    m_actions.value(QStringLiteral("refreshAction"))->setEnabled(!busy);
    m_actions.value(QStringLiteral("quitAction"))->setEnabled(true);
    m_actions.value(QStringLiteral("journalAction"))->setEnabled(open);
    m_actions.value(QStringLiteral("stopAction"))->setEnabled(busy);
    m_actions.value(QStringLiteral("resolveAction"))
        ->setEnabled(!busy && open && !m_operations->snapshot().status.unfinished.isEmpty());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Only a running request needs asking: a pending keychain read just ends with the window.
    if (m_operations->isRunning()) {
        const auto answer = QMessageBox::question(
            this, tr("Stop and Quit"),
            tr("A run is in progress. Stop it (the current file is rolled back) and quit?"),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes) {
            event->ignore();
            return;
        }
        m_operations->stop();
    }
    saveLayout(this, QStringLiteral("window"));
    QMainWindow::closeEvent(event);
}

} // namespace tidemark::ui
