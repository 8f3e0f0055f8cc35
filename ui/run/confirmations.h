#pragma once

#include "common/sqldialect.h"
#include "run/servicetypes.h"

#include <QDateTime>
#include <QDialog>

#include <optional>

class QDialogButtonBox;
class QLineEdit;

namespace tidemark::ui {

// What a confirmation names: what will run, what will be lost, and for a production connection
// the database name the user must type.
struct ConfirmationText
{
    QString title;
    QString question;       // one sentence: "Apply 3 migrations to …?"
    QStringList willRun;    // files, in order
    QStringList willBeLost; // rolled-back files, applied files whose checksum changed, …
    QString sql;            // the exact SQL, shown below the lists (may be empty)
    QString acceptText;     // the OK button's text
    QString requiredName;   // non-empty: typed confirmation (production)
    SqlDialect dialect = SqlDialect::Sqlite; // how sql is highlighted
    QStringList findings;                    // what `check` says about the files (upgrade)
    int checkErrors = 0; // error-level findings among them: upgrade refuses unless accepted
    QString rehearsal;   // what the last rehearsal says about these files (may be empty)
};

// A modal confirmation. OK stays disabled until the typed name matches requiredName.
class ConfirmDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConfirmDialog(const ConfirmationText &text, QWidget *parent = nullptr);

private:
    QDialogButtonBox *m_buttons = nullptr;
    QLineEdit *m_typedName = nullptr;
};

// What the user types to confirm on a production connection (`production = true` in the
// project's configuration): the database name, or "production" when the URL hides it. Empty
// for other connections.
QString productionName(const ProjectSnapshot &snapshot);

// The window's last rehearsal on the current connection.
struct RehearsalRecord
{
    QDateTime at;
    RehearsalReport report;
};

// The texts of the confirmations the window asks for. A passed rehearsal of exactly the planned
// files (same names, same checksums) is named in the upgrade's confirmation and, on a production
// connection, stands in for the typed name; without one the name must be typed.
ConfirmationText upgradeConfirmation(const ProjectSnapshot &snapshot,
                                     const QList<PlannedFileView> &plan,
                                     const std::optional<RehearsalRecord> &rehearsal = {});
ConfirmationText rollbackConfirmation(const ProjectSnapshot &snapshot,
                                      const QList<PlannedFileView> &plan);
// The SQL of a plan, file by file, as the dry run shows it.
QString planSql(const QList<PlannedFileView> &plan);

// Shows the dialog; true when the user accepted.
bool confirm(QWidget *parent, const ConfirmationText &text);

// Read-only SQL (the dry run's), highlighted for the dialect, in a window-modal dialog that
// deletes itself.
void showSql(QWidget *parent, const QString &title, const QString &sql, SqlDialect dialect);

} // namespace tidemark::ui
