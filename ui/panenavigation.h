#pragma once

#include <QObject>

class QAction;
class QDockWidget;
class QMainWindow;
class QWidget;

namespace tidemark::ui {

class MigrationEditor;
class MigrationListWidget;
class RunPanel;

// The main window without a mouse: the tab order filter → state filter → list → editor → run
// panel; Enter on a row puts the focus in the editor on its file; and the actions that move the
// focus, for the View menu:
//   Ctrl+K      the filter field (as in browsers' and chat tools' search; Ctrl+L and Ctrl+F
//               belong to the SQL editor: cut line, find)
//   F6          the next pane: list → upgrade editor → rollback editor → run log (as in
//               browsers and file managers);
//   Shift+F6    the previous pane. F6 is also the way out of the editor, where Tab indents.
class PaneNavigation : public QObject
{
    Q_OBJECT
public:
    PaneNavigation(QMainWindow *window, MigrationListWidget *list, MigrationEditor *editor,
                   RunPanel *runPanel, QDockWidget *runDock);

    QAction *focusFilterAction() const { return m_focusFilter; }
    QAction *nextPaneAction() const { return m_nextPane; }
    QAction *previousPaneAction() const { return m_previousPane; }

private:
    void focusFilter();
    void movePane(int step);
    QList<QWidget *> panes() const;

    MigrationListWidget *m_list;
    MigrationEditor *m_editor;
    RunPanel *m_runPanel;
    QDockWidget *m_runDock;
    QAction *m_focusFilter;
    QAction *m_nextPane;
    QAction *m_previousPane;
};

} // namespace tidemark::ui
