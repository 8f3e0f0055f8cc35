#pragma once

// The views of a database and what they read, for check's rule against renaming a table or
// column a view still uses (rename-used-by-view). PostgreSQL's catalog says exactly which
// columns a view reads; on SQLite and MariaDB/MySQL the view's SQL text is read instead, and a
// column counts as read when its name appears in the text of a view that reads its table.

#include "common/result.h"
#include "common/sqldialect.h"
#include "preflight/sqltokens.h"

#include <QList>
#include <QSet>
#include <QString>

namespace tidemark {

class Connection;

struct ViewUse
{
    QString view;          // as the catalog or the file names it
    QString table;         // lower-case, the last part of the name
    QSet<QString> columns; // lower-case; empty: reads no column by name (count(*))
};

// The view a CREATE statement makes, also in MariaDB/MySQL's full form ("CREATE OR REPLACE
// ALGORITHM=MERGE DEFINER=`u`@`h` SQL SECURITY INVOKER VIEW v AS ..."); empty for anything else.
QString createdViewName(const TokenView &tokens);

// What the view defined by these tokens reads: from "CREATE [OR REPLACE] [MATERIALIZED] VIEW
// name ... AS SELECT ..." or a bare "SELECT ..." (then named view). One entry per table named
// after FROM or JOIN (or a comma in a FROM list); empty when it is neither.
QList<ViewUse> viewUsesOf(const TokenView &tokens, const QString &view = {});

// A rename a statement makes: ALTER TABLE t RENAME [TO|AS] n, ALTER TABLE t RENAME [COLUMN] a
// TO b, MariaDB/MySQL's ALTER TABLE t CHANGE [COLUMN] a b ... and RENAME TABLE a TO b, c TO d.
struct TableRename
{
    QString table;  // as written, the last part of the name
    QString column; // empty: the table itself is renamed
    QString to;
};
QList<TableRename> renamesOf(const TokenView &tokens);

// The live database's views (Dialect::viewUsesSql), in one query. Empty for a dialect that
// cannot tell; an error when the query fails.
Result<QList<ViewUse>> readViewUses(Connection &connection);

} // namespace tidemark
