#include "list/migrationtablemodel.h"

#include <QApplication>
#include <QHash>
#include <QPalette>
#include <QSet>
#include <QStyle>

namespace tidemark::ui {

namespace {

QString kindText(MigrationKind kind)
{
    switch (kind) {
    case MigrationKind::Versioned:
        return MigrationTableModel::tr("versioned");
    case MigrationKind::RunsAlways:
        return MigrationTableModel::tr("runs always");
    case MigrationKind::RunsOnChange:
        return MigrationTableModel::tr("runs on change");
    }
    return {};
}

RowState rowStateOf(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return RowState::Applied;
    case MigrationState::Pending:
        return RowState::Pending;
    case MigrationState::Changed:
        return RowState::Changed;
    case MigrationState::Missing:
        return RowState::Missing;
    case MigrationState::OutOfOrder:
        return RowState::OutOfOrder;
    case MigrationState::RunsAlways:
        return RowState::RunsAlways;
    }
    return RowState::Pending;
}

QString durationText(qint64 ms)
{
    if (ms < 0)
        return {};
    if (ms == 0)
        return MigrationTableModel::tr("< 1 ms");
    if (ms < 1000)
        return MigrationTableModel::tr("%1 ms").arg(ms);
    return MigrationTableModel::tr("%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
}

} // namespace

QString rowStateText(RowState state)
{
    switch (state) {
    case RowState::Applied:
        return MigrationTableModel::tr("applied");
    case RowState::Pending:
        return MigrationTableModel::tr("pending");
    case RowState::RunsAlways:
        return MigrationTableModel::tr("pending: runs on every upgrade");
    case RowState::RunsAgain:
        return MigrationTableModel::tr("pending: changed since its last run");
    case RowState::PendingAfterFailure:
        return MigrationTableModel::tr("pending: failed in the last run");
    case RowState::Changed:
        return MigrationTableModel::tr("changed since applied");
    case RowState::Missing:
        return MigrationTableModel::tr("file missing");
    case RowState::OutOfOrder:
        return MigrationTableModel::tr("out of order");
    case RowState::Failed:
        return MigrationTableModel::tr("failed in the last run");
    case RowState::PartlyApplied:
        return MigrationTableModel::tr("partly applied: resolve");
    case RowState::Count:
        break;
    }
    return {};
}

bool isPendingState(RowState state)
{
    return state == RowState::Pending || state == RowState::RunsAlways ||
           state == RowState::RunsAgain || state == RowState::PendingAfterFailure;
}

QList<MigrationRow> buildRows(const StatusReport &status, const QList<JournalEntry> &journal)
{
    // The newest successful upgrade of each file, and the files that failed in the newest run.
    QHash<QString, const JournalEntry *> lastSuccess;
    QSet<QString> failedLast;
    const QString lastBatch = journal.isEmpty() ? QString() : journal.first().batchId;
    for (const JournalEntry &entry : journal) {
        const bool failure = entry.outcome == u"failed" || entry.outcome == u"cancelled" ||
                             entry.outcome == u"interrupted";
        if (entry.batchId == lastBatch && failure)
            failedLast.insert(entry.fileName);
        if (entry.operation == u"upgrade" && entry.outcome == u"success" &&
            !lastSuccess.contains(entry.fileName))
            lastSuccess.insert(entry.fileName, &entry);
    }
    QSet<QString> pending; // what the next upgrade runs: the status bar's count
    for (const StatusEntry &entry : status.pending)
        pending.insert(entry.fileName);
    QList<MigrationRow> rows;
    rows.reserve(status.entries.size());
    for (const StatusEntry &entry : status.entries) {
        MigrationRow row{entry, rowStateOf(entry.state), {}, -1};
        if (entry.kind == MigrationKind::RunsOnChange && entry.state == MigrationState::Changed)
            row.state = RowState::RunsAgain;
        if (failedLast.contains(entry.fileName))
            row.state =
                pending.contains(entry.fileName) ? RowState::PendingAfterFailure : RowState::Failed;
        for (const FileProgress &unfinished : status.unfinished) {
            if (unfinished.fileName == entry.fileName)
                row.state = RowState::PartlyApplied;
        }
        if (entry.applied()) {
            if (const JournalEntry *run = lastSuccess.value(entry.fileName)) {
                row.appliedBy = run->host.isEmpty() ? run->osUser : run->osUser + u'@' + run->host;
                row.durationMs = run->durationMs;
            }
        }
        rows.append(row);
    }
    return rows;
}

MigrationTableModel::MigrationTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    for (int i = 0; i < int(RowState::Count); ++i)
        m_stateTexts[i] = rowStateText(RowState(i));
    updatePalette();
}

void MigrationTableModel::updatePalette()
{
    // Hues of our own, with a lightness that contrasts with the palette's base colour: dark
    // text on light palettes, light text on dark ones.
    const QPalette palette = QApplication::palette();
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    const auto tint = [dark](int hue) { return QColor::fromHsl(hue, 190, dark ? 175 : 85); };
    m_colours[int(RowState::Applied)] = palette.color(QPalette::Text);
    m_colours[int(RowState::Pending)] = tint(215);
    m_colours[int(RowState::RunsAlways)] = tint(215);
    m_colours[int(RowState::RunsAgain)] = tint(215);
    m_colours[int(RowState::PendingAfterFailure)] = tint(0);
    m_colours[int(RowState::Changed)] = tint(35);
    m_colours[int(RowState::Missing)] = tint(0);
    m_colours[int(RowState::OutOfOrder)] = tint(280);
    m_colours[int(RowState::Failed)] = tint(0);
    m_colours[int(RowState::PartlyApplied)] = tint(0);
    QStyle *style = QApplication::style();
    m_icons[int(RowState::Applied)] = style->standardIcon(QStyle::SP_DialogApplyButton);
    m_icons[int(RowState::Pending)] = style->standardIcon(QStyle::SP_ArrowUp);
    m_icons[int(RowState::RunsAlways)] = style->standardIcon(QStyle::SP_BrowserReload);
    m_icons[int(RowState::RunsAgain)] = style->standardIcon(QStyle::SP_BrowserReload);
    m_icons[int(RowState::PendingAfterFailure)] =
        style->standardIcon(QStyle::SP_MessageBoxCritical);
    m_icons[int(RowState::Changed)] = style->standardIcon(QStyle::SP_MessageBoxWarning);
    m_icons[int(RowState::Missing)] = style->standardIcon(QStyle::SP_FileIcon);
    m_icons[int(RowState::OutOfOrder)] = style->standardIcon(QStyle::SP_MessageBoxQuestion);
    m_icons[int(RowState::Failed)] = style->standardIcon(QStyle::SP_MessageBoxCritical);
    m_icons[int(RowState::PartlyApplied)] = style->standardIcon(QStyle::SP_MessageBoxCritical);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

void MigrationTableModel::setRows(QList<MigrationRow> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

int MigrationTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationTableModel::display(const MigrationRow &row, int column) const
{
    const StatusEntry &e = row.entry;
    switch (column) {
    case VersionColumn:
        return e.kind == MigrationKind::Versioned ? e.version : migrationTypeName(e.kind);
    case DescriptionColumn:
        return e.description;
    case KindColumn:
        return kindText(e.kind);
    case StateColumn:
        return m_stateTexts[int(row.state)];
    case AppliedAtColumn:
        return e.appliedAt.left(19);
    case DurationColumn:
        return durationText(row.durationMs);
    case AppliedByColumn:
        return row.appliedBy;
    }
    return {};
}

QVariant MigrationTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const MigrationRow &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return display(row, index.column());
    case Qt::ToolTipRole:
        return row.entry.fileName;
    case Qt::DecorationRole:
        return index.column() == StateColumn ? m_icons[int(row.state)] : QVariant();
    case Qt::ForegroundRole:
        return index.column() == StateColumn ? m_colours[int(row.state)] : QVariant();
    case StateRole:
        return int(row.state);
    case SortRole:
        if (index.column() == VersionColumn)
            return index.row(); // core's order: versions numerically, then repeatables
        if (index.column() == DurationColumn)
            return row.durationMs;
        return display(row, index.column());
    }
    return {};
}

QVariant MigrationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
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
    case DurationColumn:
        return tr("Duration");
    case AppliedByColumn:
        return tr("Applied by");
    }
    return {};
}

} // namespace tidemark::ui
