#pragma once

#include "common/sqldialect.h"

#include <QString>

namespace tidemark {

// What a top-level statement does to the transaction it runs in. A migration file runs in one
// transaction that Tidemark opens and commits; a statement of the file that ends, opens or
// splits that transaction breaks the promise that a file is applied whole or not at all, so
// such files must say "-- tidemark: transaction=off". Statements inside a DO block or a routine
// body are not top-level statements (the lexer keeps them inside their statement).
enum class TransactionControl {
    None,
    Opens,     // BEGIN, START TRANSACTION
    Ends,      // COMMIT, END, ROLLBACK, ABORT, PREPARE TRANSACTION, COMMIT/ROLLBACK PREPARED
    Savepoint, // SAVEPOINT, RELEASE, ROLLBACK TO
    Mode,      // SET autocommit (MySQL, MariaDB)
};

struct TransactionControlStatement
{
    TransactionControl kind = TransactionControl::None;
    QString keywords; // the leading words as written upper-case: "COMMIT", "START TRANSACTION"
};

// Recognised from the statement's leading keywords (leading comments skipped). BEGIN opens a
// transaction unless it starts a block (MySQL's BEGIN NOT ATOMIC, BEGIN ... END of a stored
// program is never top-level after the lexer; "BEGIN;" alone is a transaction everywhere).
TransactionControlStatement transactionControl(const QString &statement, SqlDialect dialect);

} // namespace tidemark
