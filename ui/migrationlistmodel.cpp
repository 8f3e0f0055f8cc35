#include "migrationlistmodel.h"

#include <QBrush>
#include <QGuiApplication>
#include <QPalette>

namespace tidemark::ui {

namespace {

QString stateText(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return MigrationListModel::tr("applied");
    case MigrationState::Pending:
        return MigrationListModel::tr("pending");
    case MigrationState::Changed:
        return MigrationListModel::tr("changed since applied");
    case MigrationState::Missing:
        return MigrationListModel::tr("file missing");
    case MigrationState::OutOfOrder:
        return MigrationListModel::tr("out of order");
    }
    return {};
}

QString kindText(MigrationKind kind)
{
    switch (kind) {
    case MigrationKind::Versioned:
        return MigrationListModel::tr("versioned");
    case MigrationKind::RunsAlways:
        return MigrationListModel::tr("runs always");
    case MigrationKind::RunsOnChange:
        return MigrationListModel::tr("runs on change");
    }
    return {};
}

} // namespace

void MigrationListModel::setEntries(QList<StatusEntry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int MigrationListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int MigrationListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const StatusEntry &e = m_entries.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case VersionColumn:
            return e.kind == MigrationKind::Versioned ? e.version : migrationTypeName(e.kind);
        case DescriptionColumn:
            return e.description;
        case KindColumn:
            return kindText(e.kind);
        case StateColumn:
            return stateText(e.state);
        case AppliedAtColumn:
            return e.appliedAt.left(19);
        case FileColumn:
            return e.fileName;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StateColumn) {
        // Colours from the palette's own link colours stay readable in light and dark themes.
        const QPalette palette = QGuiApplication::palette();
        switch (e.state) {
        case MigrationState::Pending:
            return QBrush(palette.color(QPalette::Link));
        case MigrationState::Changed:
        case MigrationState::Missing:
        case MigrationState::OutOfOrder:
            return QBrush(palette.color(QPalette::LinkVisited));
        default:
            return {};
        }
    }
    return {};
}

QVariant MigrationListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VersionColumn:
        return tr("Version");
    case DescriptionColumn:
        return tr("Description");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case AppliedAtColumn:
        return tr("Applied at");
    case FileColumn:
        return tr("File");
    }
    return {};
}

} // namespace tidemark::ui
