#pragma once

#include "engine/migrationgenerator.h"

#include <QDialog>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace tidemark::ui {

class ChangeList;
class GenerationRunner;
class SchemaDiffView;
class SqlEditor;

// Review of a generated migration before it is saved: the detected changes, tickable, with their
// data-loss warnings; the rename candidates to accept; the generated upgrade and rollback SQL
// (read-only editors); the schema now and after the ticked changes side by side. Generation runs
// on a worker thread (GenerationRunner) and again whenever a tick or the description changes;
// "Save as migration" writes the file with saveGeneratedMigration() and accepts the dialog.
//
// Accepting a rename re-reads the changes, and every change is ticked again.
class ReviewDialog : public QDialog
{
    Q_OBJECT
public:
    // Starts the first generation at once. options.excluded is ignored (everything starts
    // ticked); options.renames start accepted.
    ReviewDialog(const Project &project, const GenerateOptions &options, QWidget *parent = nullptr);
    ~ReviewDialog() override;

    // True while a generation runs: the SQL shown may be out of date and saving waits.
    bool isBusy() const { return m_waiting; }
    // All changes found (with the accepted renames), whatever is ticked; empty before the first
    // generation ends.
    QList<SchemaChange> changes() const;
    // The migration as it would be saved (ticked changes only).
    const std::optional<GeneratedMigration> &migration() const { return m_current; }
    QString errorText() const { return m_error; }
    QString savedPath() const { return m_savedPath; }

    ChangeList *changeList() const { return m_changeList; }
    SqlEditor *upgradeEditor() const { return m_upgrade; }
    SqlEditor *rollbackEditor() const { return m_rollback; }
    SchemaDiffView *schemaView() const { return m_schemaView; }
    QTabWidget *tabs() const { return m_tabs; }

public Q_SLOTS:
    // Writes the migration file; false while busy, with nothing to save, or on an error (shown).
    bool saveAsMigration();

Q_SIGNALS:
    // A generation ended and its result is shown (also after an error: see errorText()).
    void generationFinished();
    void saved(const QString &path);

private:
    void startGeneration(bool full);
    void onFinished(int ticket, const Result<GeneratedMigration> &result);
    void showCurrent();
    void updateButtons();

    Project m_project;
    GenerateOptions m_options;
    GenerationRunner *m_runner;
    ChangeList *m_changeList;
    QTabWidget *m_tabs;
    SqlEditor *m_upgrade;
    SqlEditor *m_rollback;
    SchemaDiffView *m_schemaView;
    QLabel *m_source;
    QLabel *m_status;
    QLineEdit *m_description;
    QPushButton *m_saveButton;

    std::optional<GeneratedMigration> m_full;    // no change left out: the list and warnings
    std::optional<GeneratedMigration> m_current; // the ticked changes only
    bool m_fullPending = false;
    bool m_waiting = false;
    bool m_candidatesShown = false;
    bool m_listHadFocus = false; // the list had the focus when a full generation disabled it
    QStringList m_fixedRenames;  // the caller's renames that no candidate names
    QString m_error;
    QString m_savedPath;
};

} // namespace tidemark::ui
