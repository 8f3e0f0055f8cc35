#pragma once

#include <QString>
#include <QStringList>

namespace tidemark {

// What a statement destroys, for the confirmations that must name what will be lost: dropped
// tables, views, columns, indexes, triggers, schemas, databases, sequences, types and routines,
// and deleted or truncated rows. Recognised from the statement's leading keywords (comments
// skipped) with a small reader of identifiers: bare, "quoted", `quoted` or [quoted] (doubled
// quotes inside), schema-qualified with dots; a quoted identifier is never taken for a keyword.
// Every object of a comma list is named. A statement that destroys nothing gives no effect; one
// that starts with DROP, TRUNCATE or DELETE in a form not recognised gives Kind::Unrecognised,
// so that a confirmation never leaves a destructive statement out.
struct StatementEffect
{
    enum class Kind {
        DropTable,
        DropView,
        DropMaterializedView,
        DropColumn,
        DropIndex,
        DropTrigger,
        DropSchema,
        DropDatabase,
        DropSequence,
        DropType,
        DropFunction,
        DropProcedure,
        DeleteRows,
        Unrecognised
    };
    Kind kind;
    // "sales" (the last part of a qualified name), "books.isbn" for a column; for Unrecognised
    // the statement's first 60 characters, blanks simplified.
    QString object;
    bool cascade = false; // CASCADE: what depends on the object goes too (PostgreSQL)
    QString keyword = {}; // Unrecognised: the leading keyword, upper-case ("DROP")
};

QList<StatementEffect> destructiveEffects(const QString &statement);

} // namespace tidemark
