#pragma once

#include <QString>

class QComboBox;
class QDialog;
class QWidget;

namespace tidemark::ui {

// The remembered layout of a window or dialog, in QSettings under one group per top-level
// widget ("window", "reviewDialog", …):
//   - the main window: its geometry and its dock and toolbar state (QMainWindow::saveState);
//     a dialog: its size only (where it opens stays the window manager's choice);
//   - every QSplitter and QHeaderView inside with an object name: their saveState();
//   - every QComboBox marked with rememberChoice(): the data of its current item.
// Children without an object name are not remembered, so naming a splitter or a header is how
// it opts in. Main thread only.

// Restores what saveLayout() wrote for the group; missing or stale entries are skipped.
void restoreLayout(QWidget *topLevel, const QString &group);
void saveLayout(QWidget *topLevel, const QString &group);

// restoreLayout() now and saveLayout() whenever the dialog is hidden (accepted, rejected,
// closed). Call at the end of the constructor, after the default size is set.
void keepLayout(QDialog *dialog, const QString &group);

// Marks a combo box whose choice is remembered (it needs an object name).
void rememberChoice(QComboBox *combo);

// True when restoreLayout() gave this widget (a header) a remembered state: its widths are the
// user's and are not fitted to the content again.
bool wasRestored(const QWidget *widget);

} // namespace tidemark::ui
