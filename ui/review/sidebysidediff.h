#pragma once

#include <QList>
#include <QStringList>

namespace tidemark::ui {

// Two texts aligned line by line for a side-by-side view, the lines paired by DTL's shortest
// edit script. Both sides have the same number of rows; a row missing on one side is an empty
// filler line there.
struct SideBySideDiff
{
    enum class Row { Same, Removed, Added, Changed };

    QStringList left;  // the "before" side, fillers included
    QStringList right; // the "after" side
    QList<Row> rows;
    QList<int> leftLine; // the 1-based line of the original text on each row; 0 for a filler
    QList<int> rightLine;

    qsizetype count() const { return rows.size(); }
    // Rows that differ.
    qsizetype changedRows() const;
};

// Within a run of removed and added lines between two common ones, the first removed line is
// paired with the first added one (a Changed row), and so on; the rest are Removed or Added.
SideBySideDiff sideBySideDiff(const QStringList &before, const QStringList &after);

} // namespace tidemark::ui
