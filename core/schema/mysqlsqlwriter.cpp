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
    if (!coveredByIndex(table, key.columns))
        out.append(QStringLiteral("DROP INDEX %1 ON %2").arg(name(key.name), name(table.name)));
    return out;
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

QStringList MySqlSqlWriter::alterColumnSql(const TableDef &to, const ColumnDef &from,
                                           const ColumnDef &column) const
{
    Q_UNUSED(from)
    return {QStringLiteral("ALTER TABLE %1 MODIFY COLUMN %2")
                .arg(name(to.name), columnSql(to, column))};
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

} // namespace tidemark
