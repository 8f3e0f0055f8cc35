#pragma once

#include "schema/schemachange.h"

namespace tidemark {

// The schema that results from applying the changes to `schema`, in order. The SQL writers use
// it for the intermediate and final table definitions (a SQLite rebuild creates the table as it
// will be), and the window's review for a subset of the changes.
Schema applyChanges(Schema schema, const QList<SchemaChange> &changes);

// Renames a table or a column everywhere it is named: key columns, index columns, and the
// foreign keys of other tables that reference it.
void renameTable(Schema &schema, const QString &oldName, const QString &newName);
void renameColumn(Schema &schema, const QString &table, const QString &oldName,
                  const QString &newName);

} // namespace tidemark
