#pragma once

#include "db/dialect.h"
#include "migration/sqllexer.h"

#include <QList>

namespace tidemark {

// SQLite's PRAGMA foreign_keys does nothing inside a transaction, yet the table-rebuild
// procedure must run with enforcement off. A file (section) that starts with
// `PRAGMA foreign_keys = OFF` has that statement run before its transaction opens; when the
// transaction has ended (also after a failure) the connection's earlier setting is restored,
// which is what a closing `PRAGMA foreign_keys = ON` asks for when enforcement was on and
// leaves it off when it was off (SQLite's default, and Jetbase's).
struct OutsideTransaction
{
    int leading = 0;  // statements at the start that run before BEGIN
    int trailing = 0; // statements at the end that stand for "restore the setting" (not run)
};
// (The statements are recognised by Dialect::foreignKeysSwitch.)
OutsideTransaction statementsOutsideTransaction(const Dialect &dialect,
                                                const QList<SqlStatement> &statements);

} // namespace tidemark
