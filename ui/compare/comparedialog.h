#pragma once

#include "engine/historycomparison.h"
#include "engine/project.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace tidemark::ui {

// Database › Compare With…: the project's database beside another one of the same kind (a
// connection profile or a typed URL). Compare reads both histories off the GUI thread and
// lists them side by side (which versions each applied, which with another checksum); Schema
// Differences… opens the review of the catch-up migration (make-migrations --from-url), whose
// Save as Migration writes it into the project.
class CompareDialog : public QDialog
{
    Q_OBJECT
public:
    explicit CompareDialog(const Project &project, QWidget *parent = nullptr);

    QComboBox *targetCombo() const { return m_target; }
    QLineEdit *urlEdit() const { return m_url; }
    QTableWidget *historyTable() const { return m_history; }
    QPushButton *compareButton() const { return m_compare; }
    QPushButton *schemaButton() const { return m_schema; }
    QString summaryText() const;
    bool isBusy() const { return m_busy; }

    // Starts the comparison with the chosen target (what the Compare button does).
    void compare();
    // Opens the schema review against the compared database (the Schema Differences… button).
    void reviewSchema();

Q_SIGNALS:
    void compared(); // the table and the summary show a finished comparison (or its error)
    void migrationSaved(const QString &path);

private:
    void onTargetChosen(int index);
    void start(const QString &url);
    void showComparison(const Result<HistoryComparison> &result);

    Project m_project;
    QComboBox *m_target = nullptr;
    QLineEdit *m_url = nullptr;
    QPushButton *m_compare = nullptr;
    QPushButton *m_schema = nullptr;
    QTableWidget *m_history = nullptr;
    QLabel *m_summary = nullptr;
    QString m_comparedUrl; // with the password; never shown
    QString m_comparedName;
    bool m_busy = false;
    int m_ticket = 0;
};

} // namespace tidemark::ui
