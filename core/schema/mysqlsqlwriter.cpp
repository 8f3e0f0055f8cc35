// MariaDB / MySQL: MODIFY COLUMN with the full definition, indexes dropped with ON, foreign
// keys with DROP FOREIGN KEY (and InnoDB's automatic index for them), DDL that commits at once.

#include "schema/sqlwriters.h"

#include <QRegularExpression>

#include <algorithm>

namespace tidemark {

namespace {

// Whether an index, unique or primary key of the table starts with the columns: InnoDB then
// uses it for a foreign key instead of creating one of its own.
bool coveredByIndex(const TableDef &table, const QStringList &columns)
{
    const auto startsWith = [&](const QStringList &parts) {
        return parts.size() >= columns.size() && parts.mid(0, columns.size()) == columns;
    };
    if (startsWith(table.primaryKey.columns))
        return true;
    if (std::any_of(table.uniqueConstraints.cbegin(), table.uniqueConstraints.cend(),
                    [&](const UniqueConstraintDef &u) { return startsWith(u.columns); }))
        return true;
    return std::any_of(table.indexes.cbegin(), table.indexes.cend(),
                       [&](const IndexDef &i) { return startsWith(i.parts); });
}

} // namespace

QString MySqlSqlWriter::defaultSql(const ColumnDef &column) const
{
    // MariaDB reports literals as they are and expressions without parentheses; an expression
    // other than CURRENT_TIMESTAMP needs them back.
    static const QRegularExpression bare(
        QStringLiteral("^(-?\\d+(\\.\\d+)?|'([^'\\\\]|''|\\\\.)*'|NULL|TRUE|FALSE|"
                       "current_timestamp(\\(\\d*\\))?)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QString &d = column.defaultExpression;
    return d.isEmpty() || bare.match(d).hasMatch() ? d : QString(u'(' + d + u')');
}

QString MySqlSqlWriter::columnSql(const TableDef &table, const ColumnDef &column) const
{
    QString sql = SqlWriterBase::columnSql(table, column);
    if (!column.comment.isEmpty())
        sql += QStringLiteral(" COMMENT ") + stringLiteral(column.comment);
    return sql;
}

QString MySqlSqlWriter::createTableSql(const TableDef &table,
                                       const QList<ForeignKeyDef> &inlineKeys) const
{
    QString sql = SqlWriterBase::createTableSql(table, inlineKeys);
    if (!table.comment.isEmpty())
        sql += QStringLiteral(" COMMENT = ") + stringLiteral(table.comment);
    return sql;
}

QStringList MySqlSqlWriter::tableCommentSql(const TableDef &table) const
{
    return {QStringLiteral("ALTER TABLE %1 COMMENT = %2")
                .arg(name(table.name), stringLiteral(table.comment))};
}

QString MySqlSqlWriter::primaryKeyClause(const TableDef &table) const
{
    return QStringLiteral("PRIMARY KEY (%1)").arg(names(table.primaryKey.columns));
}

QString MySqlSqlWriter::dropIndexSql(const QString &table, const IndexDef &index) const
{
    return QStringLiteral("DROP INDEX %1 ON %2").arg(name(index.name), name(table));
}

QString MySqlSqlWriter::dropUniqueSql(const QString &table, const UniqueConstraintDef &u) const
{
    return QStringLiteral("ALTER TABLE %1 DROP INDEX %2").arg(name(table), name(u.name));
}

QStringList MySqlSqlWriter::dropForeignKeySql(const TableDef &table, const ForeignKeyDef &key) const
{
    QStringList out{
        QStringLiteral("ALTER TABLE %1 DROP FOREIGN KEY %2").arg(name(table.name), name(key.name))};
    // InnoDB made an index named after the key when no other index covered its columns; it
    // stays behind when the key goes.
    if (!coveredByIndex(table, key.columns)) {
        // The table as it is knows the index's name; the change's copy of the key may come
        // from the other side.
        const auto live = std::find_if(
            table.foreignKeys.cbegin(), table.foreignKeys.cend(), [&](const ForeignKeyDef &k) {
                return k.columns == key.columns && k.referencedTable == key.referencedTable;
            });
        const ForeignKeyDef &known = live != table.foreignKeys.cend() ? *live : key;
        const QString index = known.backingIndex.isEmpty() ? known.name : known.backingIndex;
        out.append(QStringLiteral("DROP INDEX %1 ON %2").arg(name(index), name(table.name)));
    }
    return out;
}

QString MySqlSqlWriter::dropTableIndexSql(const TableDef &from, const TableDef *to,
                                          const IndexDef &index) const
{
    // A foreign key that stays and that only this index can serve: InnoDB refuses the drop
    // (error 1553) unless the same statement adds an index for the key, which then stands for
    // the one InnoDB would have made (named like it, so it reads back the same).
    for (const ForeignKeyDef &key : from.foreignKeys) {
        const bool kept = to && std::any_of(to->foreignKeys.cbegin(), to->foreignKeys.cend(),
                                            [&](const ForeignKeyDef &k) {
                                                return k.columns == key.columns &&
                                                       k.referencedTable == key.referencedTable;
                                            });
        const bool served = index.parts.mid(0, key.columns.size()) == key.columns;
        if (!kept || !served)
            continue;
        TableDef others = from;
        others.indexes.removeIf([&](const IndexDef &i) { return i.name == index.name; });
        if (coveredByIndex(others, key.columns))
            continue;
        return QStringLiteral("ALTER TABLE %1 DROP INDEX %2, ADD INDEX %3 (%4)")
            .arg(name(from.name), name(index.name),
                 name(key.backingIndex.isEmpty() ? key.name : key.backingIndex),
                 names(key.columns));
    }
    return dropIndexSql(from.name, index);
}

QStringList MySqlSqlWriter::addColumnSql(const TableDef &to, const ColumnDef &column) const
{
    // In its place: after the column before it in the final table (added earlier when new).
    const qsizetype at = std::find_if(to.columns.cbegin(), to.columns.cend(),
                                      [&](const ColumnDef &c) { return c.name == column.name; }) -
                         to.columns.cbegin();
    const QString place = at == 0 ? QStringLiteral(" FIRST")
                                  : QStringLiteral(" AFTER ") + name(to.columns.at(at - 1).name);
    return {QStringLiteral("ALTER TABLE %1 ADD COLUMN %2%3")
                .arg(name(to.name), columnSql(to, column), place)};
}

// MariaDB alters the expression of a generated column, and makes a STORED one plain; anything
// else "is not yet supported for generated columns": the column is dropped and added again.
bool MySqlSqlWriter::readdsColumn(const ColumnDef &from, const ColumnDef &to) const
{
    if (from.generated == to.generated && from.generatedStored == to.generatedStored)
        return false;
    if (!from.generated.isEmpty() && !to.generated.isEmpty())
        return from.generatedStored != to.generatedStored;
    return !(from.generatedStored && to.generated.isEmpty());
}

QStringList MySqlSqlWriter::alterColumnSql(const TableDef &to, const ColumnDef &from,
                                           const ColumnDef &column) const
{
    if (!readdsColumn(from, column))
        return {QStringLiteral("ALTER TABLE %1 MODIFY COLUMN %2")
                    .arg(name(to.name), columnSql(to, column))};
    if (!column.generated.isEmpty()) // its values follow from the others
        return QStringList{dropColumnSql(to.name, column.name)} + addColumnSql(to, column);
    // A VIRTUAL column becomes plain: a new column takes its values and its place.
    ColumnDef fresh = column;
    fresh.name = QStringLiteral("tidemark_plain_column"); // short: names end at 64 characters
    return {QStringLiteral("ALTER TABLE %1 ADD COLUMN %2 AFTER %3")
                .arg(name(to.name), columnSql(to, fresh), name(column.name)),
            QStringLiteral("UPDATE %1 SET %2 = %3")
                .arg(name(to.name), name(fresh.name), name(column.name)),
            dropColumnSql(to.name, column.name),
            QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3")
                .arg(name(to.name), name(fresh.name), name(column.name))};
}

QStringList MySqlSqlWriter::dropPrimaryKeySql(const TableDef &from) const
{
    return {QStringLiteral("ALTER TABLE %1 DROP PRIMARY KEY").arg(name(from.name))};
}

QString MySqlSqlWriter::renameTableSql(const QString &from, const QString &to) const
{
    return QStringLiteral("RENAME TABLE %1 TO %2").arg(name(from), name(to));
}

QStringList MySqlSqlWriter::dialectNotes() const
{
    return {QStringLiteral("MariaDB and MySQL commit each DDL statement at once: if one fails, "
                           "the statements before it stay applied and Tidemark names them")};
}

QStringList MySqlSqlWriter::replaceObjectSql(const SchemaObjectDef &from,
                                             const SchemaObjectDef &to) const
{
    Q_UNUSED(from)
    // MariaDB replaces views and routines in place, and checks no view's tables. A replaced
    // trigger would move to the end of its table's triggers for that time and event: triggers
    // are dropped and made again, with the ones that follow them (see ObjectPlan).
    if (!to.definition.startsWith(u"CREATE ") || to.type == SchemaObjectDef::Type::Trigger)
        return {};
    return {QStringLiteral("CREATE OR REPLACE ") + to.definition.mid(7)};
}

} // namespace tidemark
