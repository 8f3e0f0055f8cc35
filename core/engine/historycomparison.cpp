#include "historycomparison.h"

#include "engine/otherdatabase.h"
#include "engine/project.h"
#include "history/trackingstore.h"

#include <QHash>

#include <algorithm>
#include <numeric>

namespace tidemark {

namespace {

Result<History> readHistory(const ConnectionSpec &spec)
{
    Result<std::unique_ptr<Connection>> connection = Connection::open(spec);
    if (!connection)
        return connection.error();
    return TrackingStore(**connection).read();
}

// Versioned rows by version, repeatables by file name (Jetbase keeps one row per repeatable
// file and updates it when the file runs again).
QString rowKey(const HistoryRow &row)
{
    return row.kind == MigrationKind::Versioned ? QString(u"V:" + row.version)
                                                : QString(u"R:" + row.fileName);
}

} // namespace

qsizetype HistoryComparison::differing() const
{
    return std::count_if(rows.cbegin(), rows.cend(), [](const HistoryComparisonRow &r) {
        return r.state != HistoryComparisonRow::State::Same;
    });
}

QString historyStateName(HistoryComparisonRow::State state)
{
    switch (state) {
    case HistoryComparisonRow::State::Same:
        return QStringLiteral("same");
    case HistoryComparisonRow::State::OnlyHere:
        return QStringLiteral("only_here");
    case HistoryComparisonRow::State::OnlyThere:
        return QStringLiteral("only_there");
    case HistoryComparisonRow::State::ChecksumDiffers:
        return QStringLiteral("checksum_differs");
    }
    return {};
}

Result<HistoryComparison> compareHistories(const Project &project, const QString &otherUrl)
{
    Result<ConnectionSpec> here = project.connectionSpec();
    if (!here)
        return here.error();
    Result<ConnectionSpec> there =
        otherDatabaseSpec(project, here.value(), otherUrl, QStringLiteral("--compare-url"));
    if (!there)
        return there.error();
    Result<History> hereHistory = readHistory(here.value());
    if (!hereHistory)
        return hereHistory.error();
    Result<History> thereHistory = readHistory(there.value());
    if (!thereHistory)
        return thereHistory.error();

    HistoryComparison comparison;
    comparison.hereUrl = here->displayUrl;
    comparison.thereUrl = there->displayUrl;
    comparison.tableHere = hereHistory->tableExists;
    comparison.tableThere = thereHistory->tableExists;

    QHash<QString, qsizetype> byKey;
    QList<Version> versions; // parallel to rows, for the order
    const auto rowFor = [&](const HistoryRow &row) -> HistoryComparisonRow & {
        const QString key = rowKey(row);
        if (const auto found = byKey.constFind(key); found != byKey.cend())
            return comparison.rows[*found];
        byKey.insert(key, comparison.rows.size());
        HistoryComparisonRow entry;
        entry.kind = row.kind;
        entry.version = row.version;
        entry.description = row.description;
        entry.fileName = row.fileName;
        comparison.rows.append(entry);
        versions.append(row.parsedVersion);
        return comparison.rows.last();
    };
    for (const HistoryRow &row : hereHistory->rows) {
        HistoryComparisonRow &entry = rowFor(row);
        entry.checksumHere = row.checksum;
        entry.appliedAtHere = row.appliedAt;
    }
    for (const HistoryRow &row : thereHistory->rows) {
        HistoryComparisonRow &entry = rowFor(row);
        entry.checksumThere = row.checksum;
        entry.appliedAtThere = row.appliedAt;
    }
    for (HistoryComparisonRow &entry : comparison.rows) {
        using State = HistoryComparisonRow::State;
        if (entry.appliedAtThere.isEmpty())
            entry.state = State::OnlyHere;
        else if (entry.appliedAtHere.isEmpty())
            entry.state = State::OnlyThere;
        else
            entry.state =
                entry.checksumHere == entry.checksumThere ? State::Same : State::ChecksumDiffers;
    }

    QList<qsizetype> order(comparison.rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](qsizetype a, qsizetype b) {
        const HistoryComparisonRow &x = comparison.rows.at(a);
        const HistoryComparisonRow &y = comparison.rows.at(b);
        const bool xVersioned = x.kind == MigrationKind::Versioned;
        const bool yVersioned = y.kind == MigrationKind::Versioned;
        if (xVersioned != yVersioned)
            return xVersioned;
        if (xVersioned)
            return versions.at(a) < versions.at(b);
        return x.fileName < y.fileName;
    });
    QList<HistoryComparisonRow> sorted;
    sorted.reserve(order.size());
    for (qsizetype i : order)
        sorted.append(comparison.rows.at(i));
    comparison.rows = sorted;
    return comparison;
}

} // namespace tidemark
