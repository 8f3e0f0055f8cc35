#include "sidebysidediff.h"

#include <dtl/dtl.hpp>

#include <algorithm>

#include <string>
#include <vector>

namespace tidemark::ui {

namespace {

void addRow(SideBySideDiff &diff, SideBySideDiff::Row row, const QString &left, int leftLine,
            const QString &right, int rightLine)
{
    diff.rows.append(row);
    diff.left.append(left);
    diff.leftLine.append(leftLine);
    diff.right.append(right);
    diff.rightLine.append(rightLine);
}

// A run of removed and added lines: paired while both last.
void flushRun(SideBySideDiff &diff, const QStringList &before, const QStringList &after,
              QList<int> &removed, QList<int> &added)
{
    const qsizetype paired = qMin(removed.size(), added.size());
    for (qsizetype i = 0; i < paired; ++i) {
        addRow(diff, SideBySideDiff::Row::Changed, before.at(removed.at(i) - 1), removed.at(i),
               after.at(added.at(i) - 1), added.at(i));
    }
    for (qsizetype i = paired; i < removed.size(); ++i)
        addRow(diff, SideBySideDiff::Row::Removed, before.at(removed.at(i) - 1), removed.at(i),
               QString(), 0);
    for (qsizetype i = paired; i < added.size(); ++i)
        addRow(diff, SideBySideDiff::Row::Added, QString(), 0, after.at(added.at(i) - 1),
               added.at(i));
    removed.clear();
    added.clear();
}

} // namespace

qsizetype SideBySideDiff::changedRows() const
{
    return std::count_if(rows.cbegin(), rows.cend(), [](Row r) { return r != Row::Same; });
}

SideBySideDiff sideBySideDiff(const QStringList &before, const QStringList &after)
{
    std::vector<std::string> a, b;
    a.reserve(before.size());
    b.reserve(after.size());
    for (const QString &line : before)
        a.push_back(line.toStdString());
    for (const QString &line : after)
        b.push_back(line.toStdString());

    dtl::Diff<std::string, std::vector<std::string>> diff(a, b);
    diff.onHuge();
    diff.compose();

    SideBySideDiff result;
    QList<int> removed, added;
    for (const auto &[element, info] : diff.getSes().getSequence()) {
        switch (info.type) {
        case dtl::SES_DELETE:
            removed.append(int(info.beforeIdx));
            break;
        case dtl::SES_ADD:
            added.append(int(info.afterIdx));
            break;
        default:
            flushRun(result, before, after, removed, added);
            addRow(result, SideBySideDiff::Row::Same, before.at(info.beforeIdx - 1),
                   int(info.beforeIdx), after.at(info.afterIdx - 1), int(info.afterIdx));
            break;
        }
    }
    flushRun(result, before, after, removed, added);
    return result;
}

} // namespace tidemark::ui
