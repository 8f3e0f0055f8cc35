#pragma once

#include "schema/schemachange.h"

namespace tidemark {

// Compares two schemas that were normalised by the same kind of database (the desired side is
// loaded into a scratch database first), so equal definitions have equal text and can be
// matched exactly: no type or default guessing here.
//
// Matching: tables, columns and enums by name; named indexes by name, unnamed ones (SQLite) by
// definition; unique constraints by their columns; foreign keys by columns and referenced
// table and columns (their generated names differ between databases); checks by expression.
// A changed index, foreign key or check is a drop plus an add. Renames are only proposed.
SchemaDiff compareSchemas(const Schema &current, const Schema &desired);

} // namespace tidemark
