#pragma once

#include "common/sqldialect.h"

#include <QWidget>

class QLabel;
class QPushButton;

namespace tidemark::ui {

class SqlEditor;

// The pane that shows and edits one migration file: a header (file name, applied or not, a Save
// button) above ONE SqlEditor on the whole file, so the upgrade and the rollback section are both
// there and the editor's line numbers are the file's (the runner's errors name file lines).
//
// Saving an applied file asks first: its checksum will change and validate will report it.
// Line numbers are 1-based file lines.
class MigrationEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationEditor(QWidget *parent = nullptr);

    // Loads the file; false (and the editor emptied, the error shown in the header) when it
    // cannot be read. Unsaved changes of the previous file are dropped: check isModified().
    bool setMigration(const QString &path, bool applied);
    // Empties the pane (no file).
    void clear();
    QString path() const { return m_path; }
    bool isApplied() const { return m_applied; }
    // The state changed (after a run) without reloading the text.
    void setApplied(bool applied);

    void setDialect(SqlDialect dialect);
    bool isModified() const;
    SqlEditor *editor() const { return m_editor; }
    QPushButton *saveButton() const { return m_saveButton; }

    // The failed statement of a run, marked in the editor (see SqlEditor::markFailure).
    void markFailure(int line, const QString &message);
    void clearFailure();

public Q_SLOTS:
    // Writes the text to the file (Ctrl+S) when modified. For an applied file a warning comes
    // first; returns false when the user says No or the file cannot be written (a message box
    // says why), true when written or when there was nothing to write.
    bool save();

Q_SIGNALS:
    void saved(const QString &path);
    void modificationChanged(bool modified);

private:
    void updateHeader();

    SqlEditor *m_editor;
    QLabel *m_title;
    QLabel *m_state;
    QPushButton *m_saveButton;
    QString m_path;
    QString m_loadError;
    bool m_applied = false;
};

} // namespace tidemark::ui
