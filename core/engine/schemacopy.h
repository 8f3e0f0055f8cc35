#pragma once

#include "common/result.h"
#include "db/databaseurl.h"

namespace tidemark {

// What copyLiveSchema made: "12 table(s), 1 enum(s)".
struct SchemaCopySummary
{
    int tables = 0;
    int enums = 0;
    int views = 0, triggers = 0, routines = 0, sequences = 0;
    int trackedRows = 0; // jetbase_migrations rows copied
    QString text() const;
};

// Makes the empty database `copy` what the live database `live` is, as far as the schema
// comparer sees it (tables with their columns, keys, indexes, checks and foreign keys,
// PostgreSQL enums, views, triggers, routines and sequences; no rows), written by the dialect's
// SqlWriter,
// and gives it the live history: Jetbase's tracking tables with the rows of jetbase_migrations
// in their order. rehearse starts from it when the applied files cannot be replayed (a history
// that does not start at an empty database). A failing statement is named with its text.
Result<SchemaCopySummary> copyLiveSchema(const ConnectionSpec &live, const ConnectionSpec &copy);

} // namespace tidemark
