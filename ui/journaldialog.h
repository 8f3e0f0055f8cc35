#pragma once

#include "history/journal.h"

#include <QDialog>

class QStandardItemModel;
class QSortFilterProxyModel;

namespace tidemark::ui {

// Past runs from tidemark_journal: one row per file run, newest first, filterable by text.
class JournalDialog : public QDialog
{
    Q_OBJECT
public:
    explicit JournalDialog(const QList<JournalEntry> &entries, QWidget *parent = nullptr);

private:
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace tidemark::ui
