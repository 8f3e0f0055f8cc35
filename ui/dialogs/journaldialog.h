#pragma once

#include "history/journal.h"

#include <QDialog>

class QStandardItemModel;
class QSortFilterProxyModel;

namespace tidemark::ui {

// Past runs from tidemark_journal: one row per file run, newest first, filterable by text.
// A journal that could not be read is said above the (then empty) list, with the reason.
class JournalDialog : public QDialog
{
    Q_OBJECT
public:
    explicit JournalDialog(const QList<JournalEntry> &entries, const QString &error = {},
                           QWidget *parent = nullptr);

private:
    QStandardItemModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
};

} // namespace tidemark::ui
