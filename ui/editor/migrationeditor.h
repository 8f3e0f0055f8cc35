#pragma once

#include "common/sqldialect.h"
#include "preflight/migrationcheck.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;

namespace tidemark::ui {

class SqlEditor;

// The pane that shows and edits one migration file: a header (file name, applied or not, a Save
// button) above two SqlEditors, the upgrade section and the rollback section, cut at the file's
// `-- rollback` line (core's cutAtRollbackMarker). Both number their lines as the file does,
// since the runner's errors name file lines; saving joins the two with the marker line again,
// so a file saved without edits is the same bytes. Text typed into the rollback editor of a file
// without a rollback section is saved after a new `-- rollback` line.
//
// Saving an applied file asks first: its checksum will change and validate will report it.
// Line numbers are 1-based file lines.
class MigrationEditor : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationEditor(QWidget *parent = nullptr);

    // Loads the file; false (and the editors emptied, the error shown in the header) when it
    // cannot be read. Unsaved changes of the previous file are dropped: check isModified().
    bool setMigration(const QString &path, bool applied);
    // Empties the pane (no file).
    void clear();
    QString path() const { return m_path; }
    bool isApplied() const { return m_applied; }
    // The state changed (after a run) without reloading the text.
    void setApplied(bool applied);

    void setDialect(SqlDialect dialect);
    // The project's check_disable / check_error: a loaded file shows check's findings (and
    // near-miss rollback markers) as warnings on their lines; also after a save.
    void setCheckSettings(const CheckSettings &settings);
    // check's view of the live database for the pending files, by file name (the snapshot's):
    // a pending file's markers then name the views a rename breaks and the rows a destructive
    // statement would hit now.
    void setCheckContexts(const QHash<QString, CheckContext> &contexts);
    bool isModified() const;
    SqlEditor *upgradeEditor() const { return m_upgrade; }
    SqlEditor *rollbackEditor() const { return m_rollback; }
    // The whole file as it would be saved.
    QString text() const;
    QPushButton *saveButton() const { return m_saveButton; }

    // The failed statement of a run, marked in the editor holding that file line (see
    // SqlEditor::markFailure).
    void markFailure(int line, const QString &message);
    void clearFailure();
    int failureLine() const; // the file line, 0 when none

public Q_SLOTS:
    // Writes the text to the file (Ctrl+S) when modified. For an applied file a warning comes
    // first; returns false when the user says No or the file cannot be written (a message box
    // says why), true when written or when there was nothing to write.
    bool save();

Q_SIGNALS:
    void saved(const QString &path);
    void modificationChanged(bool modified);

private:
    void setSections(const QString &text);
    void showCheckFindings(const QByteArray &bytes);
    void setEditable(bool editable);
    void renumberRollback();
    int rollbackFirstLine() const;
    void updateHeader();

    SqlEditor *m_upgrade;
    SqlEditor *m_rollback;
    QSplitter *m_splitter;
    QStackedWidget *m_pages; // the empty state without a file, else the two sections
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_rollbackLabel;
    QPushButton *m_saveButton;
    QString m_path;
    QString m_loadError;
    QString m_marker; // the rollback marker line as read, with its line break; empty: none
    bool m_byteOrderMark = false; // the file starts with one (QScintilla would drop it)
    bool m_applied = false;
    SqlDialect m_dialect = SqlDialect::Sqlite;
    CheckSettings m_checkSettings;
    QHash<QString, CheckContext> m_checkContexts;
};

} // namespace tidemark::ui
