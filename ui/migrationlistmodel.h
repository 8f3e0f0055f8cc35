#pragma once

#include "engine/plan.h"

#include <QAbstractTableModel>

namespace tidemark::ui {

// The migrations of a project as rows: version, description, kind, state, applied at.
class MigrationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        VersionColumn,
        DescriptionColumn,
        KindColumn,
        StateColumn,
        AppliedAtColumn,
        FileColumn,
        ColumnCount
    };

    using QAbstractTableModel::QAbstractTableModel;
    void setEntries(QList<StatusEntry> entries);
    const StatusEntry &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<StatusEntry> m_entries;
};

} // namespace tidemark::ui
