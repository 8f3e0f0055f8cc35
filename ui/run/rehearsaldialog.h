#pragma once

#include "engine/rehearsal.h"

#include <QDialog>

namespace tidemark::ui {

// The result of a rehearsal, file by file: passed, or where it failed with the failing
// statement or the schema differences. Window-modal; deletes itself when closed.
class RehearsalDialog : public QDialog
{
    Q_OBJECT
public:
    RehearsalDialog(const RehearsalReport &report, QWidget *parent = nullptr);
    // "passed" / "FAILED in rollback" / ... for one file, as the list shows it.
    static QString resultText(const FileRehearsal &file);
    // The error or the differences, one per line.
    static QString detailText(const FileRehearsal &file);
};

} // namespace tidemark::ui
