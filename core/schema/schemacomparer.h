#pragma once

#include "schema/schemachange.h"

namespace tidemark {

// Compares two schemas that were normalised by the same kind of database (the desired side is
// loaded into a scratch database first), so equal definitions have equal text and can be
// matched exactly: no type or default guessing here.
//
// Matching: tables, columns and enums by name; named indexes by name, unnamed ones (SQLite) by
// definition; unique constraints by their columns; foreign keys by columns and referenced
// table and columns (their generated names differ between databases); checks by expression
// (comparableExpression).
// A changed index, foreign key or check is a drop plus an add. Renames are only proposed.
SchemaDiff compareSchemas(const Schema &current, const Schema &desired);

// A check, index predicate or index expression as it is compared. PostgreSQL prints an
// expression it parsed again with other casts than the first time ('a'::character
// varying::text against ARRAY['a'::character varying]::text[]), so one written back from the
// catalog would never compare equal: expressions are compared without their casts (type names
// are lower case in its output, keywords upper case).
QString comparableExpression(const QString &expression);

} // namespace tidemark
