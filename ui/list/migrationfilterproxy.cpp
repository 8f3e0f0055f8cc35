#include "list/migrationfilterproxy.h"

#include "list/migrationtablemodel.h"

namespace tidemark::ui {

MigrationFilterProxy::MigrationFilterProxy(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MigrationTableModel::SortRole);
}

void MigrationFilterProxy::setText(const QString &text)
{
    if (text == m_text)
        return;
    m_text = text;
    invalidateFilter();
}

void MigrationFilterProxy::setState(int state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

bool MigrationFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const auto *model = qobject_cast<const MigrationTableModel *>(sourceModel());
    if (!model || sourceParent.isValid())
        return true;
    const MigrationRow &row = model->row(sourceRow);
    // "pending" shows every row the next upgrade runs, as many as the status bar counts.
    if (m_state >= 0 && int(row.state) != m_state &&
        !(m_state == int(RowState::Pending) && isPendingState(row.state)))
        return false;
    if (m_text.isEmpty())
        return true;
    return row.entry.version.contains(m_text, Qt::CaseInsensitive) ||
           row.entry.description.contains(m_text, Qt::CaseInsensitive) ||
           row.entry.fileName.contains(m_text, Qt::CaseInsensitive);
}

} // namespace tidemark::ui
