#include "panenavigation.h"

#include "editor/migrationeditor.h"
#include "editor/sqleditor.h"
#include "list/migrationlistwidget.h"
#include "run/runpanel.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QMainWindow>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>

namespace tidemark::ui {

PaneNavigation::PaneNavigation(QMainWindow *window, MigrationListWidget *list,
                               MigrationEditor *editor, RunPanel *runPanel, QDockWidget *runDock)
    : QObject(window)
    , m_list(list)
    , m_editor(editor)
    , m_runPanel(runPanel)
    , m_runDock(runDock)
    , m_focusFilter(new QAction(tr("Go to &Filter"), window))
    , m_nextPane(new QAction(tr("&Next Pane"), window))
    , m_previousPane(new QAction(tr("Pre&vious Pane"), window))
{
    m_focusFilter->setObjectName(QStringLiteral("focusFilterAction"));
    m_focusFilter->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_nextPane->setObjectName(QStringLiteral("nextPaneAction"));
    m_nextPane->setShortcut(QKeySequence(Qt::Key_F6));
    m_previousPane->setObjectName(QStringLiteral("previousPaneAction"));
    m_previousPane->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F6));
    for (QAction *action : {m_focusFilter, m_nextPane, m_previousPane})
        window->addAction(action); // shortcuts work wherever the focus is
    connect(m_focusFilter, &QAction::triggered, this, &PaneNavigation::focusFilter);
    connect(m_nextPane, &QAction::triggered, this, [this] { movePane(1); });
    connect(m_previousPane, &QAction::triggered, this, [this] { movePane(-1); });
    connect(m_list, &MigrationListWidget::rowActivated, this, [this] {
        if (!m_editor->path().isEmpty())
            m_editor->upgradeEditor()->setFocus(Qt::OtherFocusReason);
    });

    // Creation order would put the run panel before the editor.
    QWidget *chain[] = {
        m_list->filterEdit(),      m_list->stateFilter(),      m_list->view(),
        m_editor->upgradeEditor(), m_editor->rollbackEditor(), m_editor->saveButton(),
        m_runPanel->stopButton(),  m_runPanel->logView()};
    for (size_t i = 1; i < std::size(chain); ++i)
        QWidget::setTabOrder(chain[i - 1], chain[i]);
}

void PaneNavigation::focusFilter()
{
    m_list->filterEdit()->setFocus(Qt::ShortcutFocusReason);
    m_list->filterEdit()->selectAll();
}

QList<QWidget *> PaneNavigation::panes() const
{
    QList<QWidget *> result{m_list->view(), m_editor->upgradeEditor(), m_editor->rollbackEditor()};
    if (m_runDock->isVisible())
        result.append(m_runPanel->logView());
    return result;
}

void PaneNavigation::movePane(int step)
{
    const QList<QWidget *> list = panes();
    // The pane holding the focus: the filters count as the list's.
    const QWidget *focus = QApplication::focusWidget();
    const auto holds = [focus](const QWidget *pane) {
        return focus && (focus == pane || pane->isAncestorOf(focus));
    };
    qsizetype current = -1;
    if (holds(m_list))
        current = 0;
    for (qsizetype i = 1; current < 0 && i < list.size(); ++i) {
        if (holds(list.at(i)))
            current = i;
    }
    if (current < 0 && holds(m_editor))
        current = 1; // the editor's header: its Save button
    else if (current < 0 && holds(m_runPanel))
        current = list.size() - 1;
    const qsizetype count = list.size();
    const qsizetype next =
        current < 0 ? (step > 0 ? 0 : count - 1) : ((current + step) % count + count) % count;
    list.at(next)->setFocus(step > 0 ? Qt::TabFocusReason : Qt::BacktabFocusReason);
}

} // namespace tidemark::ui
