#pragma once

// check on the files of one upgrade, in the order they run, with what the live database says:
// the views each file meets and the rows the destructive and locking statements would hit.

#include "preflight/migrationcheck.h"

namespace tidemark {

class Connection;

// One file of checkInOrder: a scanned migration, shown under its path below migrations/.
struct CheckedMigration
{
    QString shown; // the name findings carry
    MigrationKind kind = MigrationKind::Versioned;
    const MigrationText *text = nullptr;
};

// check for files in the order they run. With the live database: each file meets its views as
// the files before it leave them, and (countRows) destructive findings say how many rows their
// tables hold now. A rename under a view that a later file recreates is settled. before
// (optional) receives the context each file met. Without a connection the views are only those
// the files themselves make, still passed from file to file in order.
QList<QList<CheckFinding>> checkInOrder(const QList<CheckedMigration> &files, SqlDialect dialect,
                                        const CheckSettings &settings, Connection *live,
                                        QList<CheckContext> *before = nullptr,
                                        bool countRows = true);

// Counts the rows of the tables the destructive findings name on the live database (those the
// context has not counted yet), and adds them to the messages ("books has 12,304 rows now."). A
// table that does not exist (yet) or cannot be read is left uncounted.
void addLiveRowCounts(Connection &connection, QList<CheckFinding> &findings);
void addLiveRowCounts(Connection &connection, QList<CheckFinding> &findings, CheckContext &context);
// Adds the counts the context already holds, without a database.
void addRowCounts(const CheckContext &context, QList<CheckFinding> &findings);

} // namespace tidemark
