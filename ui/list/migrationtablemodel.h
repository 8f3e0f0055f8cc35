#pragma once

#include "run/servicetypes.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QIcon>

#include <array>

namespace tidemark::ui {

// The state the list shows: core's states plus "failed in the last run" from the journal.
// The first four are "pending": the next upgrade runs the file. They are the rows the status
// bar counts as pending, as `status` and --json do (StatusReport::pending).
enum class RowState {
    Pending,
    RunsAlways,          // a runs-always file: every upgrade runs it
    RunsAgain,           // a runs-on-change file that changed since its last run
    PendingAfterFailure, // not applied: it failed (or was stopped) in the newest run
    Applied,
    Changed,
    Missing,
    OutOfOrder,
    Failed,
    PartlyApplied, // ran without one transaction and stopped part way: resolve
    Count
};
QString rowStateText(RowState state);
bool isPendingState(RowState state);

struct MigrationRow
{
    StatusEntry entry;
    RowState state = RowState::Pending;
    QString appliedBy;      // user@host of the latest successful run of the file
    qint64 durationMs = -1; // how long that run took; -1 when unknown
};

// Rows from a status report and the journal (newest first).
QList<MigrationRow> buildRows(const StatusReport &status, const QList<JournalEntry> &journal);

// The migrations as a flat table. data() only reads precomputed values, so 10,000 rows scroll
// smoothly; icons and colours are made once per palette.
class MigrationTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        VersionColumn,
        DescriptionColumn,
        KindColumn,
        StateColumn,
        AppliedAtColumn,
        DurationColumn,
        AppliedByColumn,
        ColumnCount
    };
    enum Role { StateRole = Qt::UserRole, SortRole, SearchTextRole };

    explicit MigrationTableModel(QObject *parent = nullptr);
    void setRows(QList<MigrationRow> rows);
    const MigrationRow &row(int row) const { return m_rows.at(row); }
    // Recomputes the state colours and icons (call on a palette change).
    void updatePalette();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVariant display(const MigrationRow &row, int column) const;

    QList<MigrationRow> m_rows;
    std::array<QColor, size_t(RowState::Count)> m_colours;
    std::array<QIcon, size_t(RowState::Count)> m_icons;
    std::array<QString, size_t(RowState::Count)> m_stateTexts;
};

} // namespace tidemark::ui
