#pragma once

#include <QObject>
#include <QPointer>

namespace tidemark::ui {

class MigrationEditor;
class MigrationListWidget;
class Operations;

// Keeps the editor pane on the list's selected migration: loads its file, asks before dropping
// unsaved changes, marks the failing statement after a failed run, refreshes after a save.
class EditorLink : public QObject
{
    Q_OBJECT
public:
    EditorLink(MigrationListWidget *list, MigrationEditor *editor, Operations *operations,
               QObject *parent = nullptr);

private:
    void showSelected();
    void showFailure(const QString &fileName, int line, const QString &message);
    // True when the pane may leave its file (saved, discarded or unchanged).
    bool releaseFile();

    MigrationListWidget *m_list;
    MigrationEditor *m_editor;
    Operations *m_operations;
    bool m_asking = false;
};

} // namespace tidemark::ui
