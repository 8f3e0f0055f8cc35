#pragma once

#include "schema/schemamodel.h"

#include <QHash>

namespace tidemark {

// Collects a Schema from catalog rows, which arrive table by table and query by query: the
// first query (columns) adds the tables, later ones attach keys, indexes and checks to them.
// Tool tables are never added, so rows of theirs are dropped by the later lookups too.
class SchemaBuilder
{
public:
    // The table, added when this is the first row of it; nullptr for a tool table.
    TableDef *tableFor(const QString &name);
    // Position of a table added earlier, or -1 (tool tables, views, tables seen by no column row).
    qsizetype indexOf(const QString &name) const { return m_index.value(name, -1); }
    TableDef *find(const QString &name);
    TableDef &at(qsizetype index) { return m_schema.tables[index]; }
    Schema &schema() { return m_schema; }
    // For databases that do not record what a view, trigger or routine reads (SQLite,
    // MariaDB): the names of tables, views and routines its definition mentions.
    void findUsesInDefinitions(bool backslashEscapes);
    // The schema with its tables (and objects by key) in code point order, the same on every
    // database (a server's collation could fold case).
    Schema finish();

private:
    Schema m_schema;
    QHash<QString, qsizetype> m_index;
};

} // namespace tidemark
