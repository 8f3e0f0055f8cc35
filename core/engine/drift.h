#pragma once

// `drift`: what was changed in the database by hand. The applied migration files are replayed
// into an empty throwaway database and its schema is compared with the live one.

#include "common/result.h"
#include "engine/project.h"
#include "schema/schemachange.h"

#include <atomic>

namespace tidemark {

struct DriftReport
{
    QString base; // what the history was replayed into, in words
    int replayedFiles = 0;
    // From the schema the history makes to the live one: "add column books.note" is a column
    // added by hand, "drop index ix_title" an index dropped by hand.
    SchemaDiff diff;
    Schema replayed;
    Schema live;
    QString droppedNote;
    QStringList notes; // what the comparison could not cover
    bool drifted() const { return !diff.isEmpty(); }
};

// The live database is only read. A history that cannot be replayed (an applied file missing
// or changed, a partly applied file, a replay that fails) is an Error: then Tidemark cannot
// tell what drifted.
Result<DriftReport> detectDrift(const Project &project, const std::atomic_bool *cancel = nullptr);

} // namespace tidemark
