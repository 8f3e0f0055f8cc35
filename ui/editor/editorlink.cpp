#include "editor/editorlink.h"

#include "editor/migrationeditor.h"
#include "list/migrationlistwidget.h"
#include "run/operations.h"

#include <QFileInfo>
#include <QMessageBox>

namespace tidemark::ui {

EditorLink::EditorLink(MigrationListWidget *list, MigrationEditor *editor, Operations *operations,
                       QObject *parent)
    : QObject(parent)
    , m_list(list)
    , m_editor(editor)
    , m_operations(operations)
{
    connect(m_list, &MigrationListWidget::selectionChanged, this, &EditorLink::showSelected);
    connect(m_operations, &Operations::loaded, this, [this](const ProjectSnapshot &snapshot) {
        m_editor->setDialect(snapshot.dialect);
        m_editor->setCheckSettings(snapshot.checkSettings);
        if (!m_editor->path().isEmpty() && !QFileInfo::exists(m_editor->path()))
            m_editor->clear();
    });
    // The check contexts follow the load (the markers keep the last ones until then, rather
    // than lose their row counts for a moment on every refresh); another project, or none,
    // has none yet.
    connect(m_operations, &Operations::checkContextsLoaded, m_editor,
            &MigrationEditor::setCheckContexts);
    const auto forgetContexts = [this] { m_editor->setCheckContexts({}); };
    connect(m_operations, &Operations::projectChanged, this, forgetContexts);
    connect(m_operations, &Operations::loadFailed, this, forgetContexts);
    connect(m_operations, &Operations::runFailed, this, &EditorLink::showFailure);
    connect(m_editor, &MigrationEditor::saved, m_operations, &Operations::refresh);
}

bool EditorLink::releaseFile()
{
    if (!m_editor->isModified())
        return true;
    m_asking = true;
    const auto answer = QMessageBox::question(
        m_editor, tr("Unsaved Changes"),
        tr("Save the changes to %1?").arg(QFileInfo(m_editor->path()).fileName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    m_asking = false;
    if (answer == QMessageBox::Save)
        return m_editor->save();
    return answer == QMessageBox::Discard;
}

void EditorLink::showSelected()
{
    if (m_asking)
        return;
    const MigrationRow *row = m_list->selectedRow();
    const QString path =
        row ? m_operations->snapshot().filePaths.value(row->entry.fileName) : QString();
    if (path == m_editor->path()) {
        if (row)
            m_editor->setApplied(row->entry.applied());
        return;
    }
    if (!releaseFile()) {
        m_list->selectFile(QFileInfo(m_editor->path()).fileName()); // stay on the edited file
        return;
    }
    if (path.isEmpty())
        m_editor->clear();
    else
        m_editor->setMigration(path, row->entry.applied());
}

void EditorLink::showFailure(const QString &fileName, int line, const QString &message)
{
    if (!m_list->selectFile(fileName))
        return;
    const QString path = m_operations->snapshot().filePaths.value(fileName);
    if (path.isEmpty() || m_editor->path() != path)
        return;
    m_editor->markFailure(line, message);
}

} // namespace tidemark::ui
