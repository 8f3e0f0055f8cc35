#pragma once

#include "common/result.h"
#include "migration/migrationname.h"

#include <QList>
#include <QString>

namespace tidemark {

class Project;

// The project's database and another one side by side (status --compare-url, the window's
// Compare With...): which migrations each has applied, and which it applied with another
// checksum (the file was edited between the two runs, or the databases ran different files).
struct HistoryComparisonRow
{
    enum class State { Same, OnlyHere, OnlyThere, ChecksumDiffers };
    State state = State::Same;
    MigrationKind kind = MigrationKind::Versioned;
    QString version; // empty for repeatables
    QString description;
    QString fileName;
    QString checksumHere;  // empty when this side has not applied it
    QString checksumThere; // empty when the other side has not
    QString appliedAtHere, appliedAtThere;
};

struct HistoryComparison
{
    QString hereUrl, thereUrl;                  // display URLs, without passwords
    bool tableHere = false, tableThere = false; // whether each has jetbase_migrations
    // Versioned migrations in version order, then repeatables by file name.
    QList<HistoryComparisonRow> rows;

    qsizetype differing() const;
};

// "same", "only_here", "only_there", "checksum_differs" (--json).
QString historyStateName(HistoryComparisonRow::State state);

// Reads both histories (one query each). `otherUrl` must be a database of the project's kind.
Result<HistoryComparison> compareHistories(const Project &project, const QString &otherUrl);

} // namespace tidemark
