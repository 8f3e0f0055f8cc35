#pragma once

#include <QString>
#include <QStringList>

namespace tidemark {

// What a statement destroys, for the confirmations that must name what will be lost: dropped
// tables, views, columns, indexes and triggers, and deleted or truncated rows. Recognised from
// the statement's leading keywords (comments skipped, identifiers unquoted); a statement that
// destroys nothing, or whose form is not recognised, gives no effect.
struct StatementEffect
{
    enum class Kind { DropTable, DropView, DropColumn, DropIndex, DropTrigger, DeleteRows };
    Kind kind;
    QString object; // "sales", "books.isbn" for a column
};

QList<StatementEffect> destructiveEffects(const QString &statement);

} // namespace tidemark
