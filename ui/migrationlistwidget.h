#pragma once

#include "migrationtablemodel.h"

#include <QWidget>

class QComboBox;
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
    void setRows(QList<MigrationRow> rows);
    void showProblem(const QString &text); // empty hides the banner
    // The selected row, or nullptr.
    const MigrationRow *selectedRow() const;
    // Selects the row of a file (after a refresh); false when it is not shown.
    bool selectFile(const QString &fileName);

Q_SIGNALS:
    void selectionChanged();
    void contextMenuRequested(const QPoint &globalPos);

protected:
    void changeEvent(QEvent *event) override;

private:
    MigrationTableModel *m_model = nullptr;
    MigrationFilterProxy *m_proxy = nullptr;
    QLineEdit *m_filter = nullptr;
    QComboBox *m_stateFilter = nullptr;
    QLabel *m_banner = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace tidemark::ui
