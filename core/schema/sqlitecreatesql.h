#pragma once

#include "schema/schemamodel.h"

#include <QList>
#include <QString>

namespace tidemark {

// What SQLite keeps of a table or index only in the text of its CREATE statement (from
// sqlite_master, so accepted by SQLite and well formed). Strings, quoted names and comments
// are never mistaken for syntax.

// CHECK (...) clauses of a CREATE TABLE statement, column- and table-level, with the name of
// a directly preceding CONSTRAINT name.
QList<CheckConstraintDef> parseChecks(const QString &sql);

// What pragma_table_xinfo cannot tell about a column of a CREATE TABLE statement: its
// COLLATE clause and the expression of a generated column, as written.
struct ColumnClauses
{
    QString name;
    QString collation;
    QString generated;
    bool generatedStored = false;
};
QList<ColumnClauses> parseColumnClauses(const QString &sql);

// What pragma_index_xinfo cannot tell about a CREATE INDEX statement: the text of each key
// part (needed for expression parts, cid -2) and the WHERE predicate of a partial index.
struct IndexSql
{
    QStringList parts;
    QString where;
};
IndexSql parseCreateIndex(const QString &sql);

// True when the statement has the AUTOINCREMENT keyword.
bool hasAutoincrement(const QString &sql);

} // namespace tidemark
