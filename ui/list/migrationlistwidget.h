#pragma once

#include "list/migrationtablemodel.h"

#include <QWidget>

class QComboBox;
class QHeaderView;
class QKeyEvent;
class QLabel;
class QLineEdit;
class QTableView;

namespace tidemark::ui {

class MigrationFilterProxy;

// The migration list: a text filter and a state filter above the table, and a banner for a
// project that could not be read.
class MigrationListWidget : public QWidget
{
    Q_OBJECT
public:
    explicit MigrationListWidget(QWidget *parent = nullptr);

    MigrationTableModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QLineEdit *filterEdit() const { return m_filter; }
    QComboBox *stateFilter() const { return m_stateFilter; }
    void setRows(QList<MigrationRow> rows);
    void showProblem(const QString &text); // empty hides the banner
    // The selected row, or nullptr.
    const MigrationRow *selectedRow() const;
    // Selects the row of a file (after a refresh); false when it is not shown.
    bool selectFile(const QString &fileName);
    // Selects the first row the next upgrade runs; false when there is none.
    bool selectFirstPending();

Q_SIGNALS:
    void selectionChanged();
    void contextMenuRequested(const QPoint &globalPos);
    // Enter (or a double click) on a row: its file is wanted in the editor.
    void rowActivated();

protected:
    void changeEvent(QEvent *event) override;
    // The keys of the filter (Escape clears it, Down and Enter go to the list) and of the list
    // (the Menu key and Shift+F10 open the context menu at the current row).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void fitColumns();
    bool filterKey(QKeyEvent *event, bool override);
    void showMenuAtCurrentRow();

    MigrationTableModel *m_model = nullptr;
    MigrationFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLabel *m_banner = nullptr;
    QTableView *m_view = nullptr;
    bool m_columnsFitted = false;
};

} // namespace tidemark::ui
