#pragma once

#include "engine/drift.h"
#include "engine/project.h"

#include <optional>

#include "run/servicetypes.h"

#include <QMainWindow>
#include <QStyle>

class QAction;
class QMenu;

namespace tidemark::ui {

class DriftBanner;

class MigrationEditor;
class MigrationListWidget;
class Operations;
class RunPanel;
class StatusBarWidget;

// Assembles the window: the migration list in the centre, the run panel dock, the status bar,
// and the actions in the menus, the toolbar and the list's context menu.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // projectDir: from the command line (may be empty: the project is looked for from startDir).
    MainWindow(QString projectDir, QString startDir, QWidget *parent = nullptr);

    void openProject(const QString &dir);
    Operations *operations() const { return m_operations; }
    MigrationListWidget *list() const { return m_list; }
    RunPanel *runPanel() const { return m_runPanel; }
    MigrationEditor *editor() const { return m_editor; }

public Q_SLOTS:
    void refresh();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void createMenus();
    QAction *addAction(const QString &objectName, const QString &text, const QKeySequence &key,
                       QStyle::StandardPixmap icon);
    void chooseProject();
    void fillRecentMenu();
    void newMigration();
    // The review of a generated migration: from the project's default desired schema, or
    // from a schema file the user picks.
    void generateMigration(bool pickFile);
    void compareWith();
    // A generated migration was saved (the review, Compare With): log it and reload the list.
    void migrationSaved(const QString &path);
    // The window's project with the chosen connection, for a dialog; warns (titled) and
    // returns nothing when the project cannot be read.
    std::optional<Project> projectForDialog(const QString &title);
    void upgradeToSelected();
    void rollbackToSelected();
    void showJournal();
    void showContextMenu(const QPoint &globalPos);
    void onLoaded(const ProjectSnapshot &snapshot);
    void onLoadFailed(const QString &errorText);
    void updateActions();
    void onDriftChecked(const DriftReport &report);

    MigrationListWidget *m_list = nullptr;
    DriftBanner *m_driftBanner = nullptr;
    std::optional<DriftReport> m_drift; // the last drift check's finding, while it shows
    RunPanel *m_runPanel = nullptr;
    MigrationEditor *m_editor = nullptr;
    StatusBarWidget *m_statusWidget = nullptr;
    Operations *m_operations = nullptr;
    QMenu *m_recentMenu = nullptr;
    // A project was just opened: the first load selects its first pending migration.
    bool m_selectFirstPending = true;
    QHash<QString, QAction *> m_actions;
};

} // namespace tidemark::ui
