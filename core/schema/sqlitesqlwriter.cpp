// SQLite: ALTER TABLE can rename, add a plain column and little else, so every other change
// of a table is made by the rebuild procedure of https://sqlite.org/lang_altertable.html
// (section 7): create the new table, copy the rows, drop the old one, rename, recreate the
// indexes and triggers, with foreign-key enforcement off and PRAGMA foreign_key_check before
// commit.

#include "schema/sqlwriters.h"

#include <QRegularExpression>

#include <algorithm>

namespace tidemark {

namespace {

using Kind = SchemaChange::Kind;

// What ALTER TABLE ADD COLUMN accepts as a default: a literal, not an expression in
// parentheses nor CURRENT_TIMESTAMP and friends.
bool isPlainLiteral(const QString &expression)
{
    static const QRegularExpression literal(
        QStringLiteral("^(-?\\d+(\\.\\d+)?|'([^']|'')*'|NULL|TRUE|FALSE)$"),
        QRegularExpression::CaseInsensitiveOption);
    return literal.match(expression).hasMatch();
}

bool isBareDefault(const QString &expression)
{
    static const QRegularExpression bare(
        QStringLiteral("^(CURRENT_TIMESTAMP|CURRENT_DATE|CURRENT_TIME)$"),
        QRegularExpression::CaseInsensitiveOption);
    return isPlainLiteral(expression) || bare.match(expression).hasMatch();
}

bool isInlineIdentity(const TableDef &table, const ColumnDef &column)
{
    return column.identity && table.primaryKey.columns == QStringList{column.name};
}

} // namespace

QString SqliteSqlWriter::defaultSql(const ColumnDef &column) const
{
    const QString &d = column.defaultExpression;
    // The catalog gives an expression default without its parentheses: put them back.
    return d.isEmpty() || isBareDefault(d) ? d : QString(u'(' + d + u')');
}

QString SqliteSqlWriter::columnSql(const TableDef &table, const ColumnDef &column) const
{
    if (!isInlineIdentity(table, column)) {
        ColumnDef plain = column;
        plain.identity = false;
        return SqlWriterBase::columnSql(table, plain);
    }
    QString sql = name(column.name) + u' ' + column.declaredType;
    if (!column.nullable)
        sql += QStringLiteral(" NOT NULL");
    return sql + QStringLiteral(" PRIMARY KEY AUTOINCREMENT");
}

QString SqliteSqlWriter::primaryKeyClause(const TableDef &table) const
{
    for (const ColumnDef &c : table.columns) {
        if (isInlineIdentity(table, c))
            return {};
    }
    return QStringLiteral("PRIMARY KEY (%1)").arg(names(table.primaryKey.columns));
}

QString SqliteSqlWriter::dropIndexSql(const QString &table, const IndexDef &index) const
{
    Q_UNUSED(table)
    return QStringLiteral("DROP INDEX %1").arg(name(index.name));
}

bool SqliteSqlWriter::needsRebuild(const QList<const SchemaChange *> &changes) const
{
    return std::any_of(changes.cbegin(), changes.cend(), [](const SchemaChange *c) {
        switch (c->kind) {
        case Kind::AddIndex:
        case Kind::DropIndex:
            return false;
        case Kind::AddColumn: {
            const ColumnDef &column = *c->columnAfter;
            const bool literalDefault =
                column.defaultExpression.isEmpty() || isPlainLiteral(column.defaultExpression);
            const bool notNullWithoutDefault =
                !column.nullable &&
                (column.defaultExpression.isEmpty() ||
                 column.defaultExpression.compare(u"NULL", Qt::CaseInsensitive) == 0);
            // SQLite adds a generated column only when it is VIRTUAL.
            return !literalDefault || notNullWithoutDefault || column.identity ||
                   column.generatedStored;
        }
        default:
            return true;
        }
    });
}

QStringList SqliteSqlWriter::rebuildSql(const TableDef &from, const TableDef &to) const
{
    TableDef fresh = to;
    fresh.name = QStringLiteral("tidemark_new_") + to.name;
    QStringList common;
    for (const ColumnDef &c : to.columns) {
        if (from.column(c.name) && c.generated.isEmpty()) // generated ones compute their own
            common.append(name(c.name));
    }
    QStringList out{createTableSql(fresh, to.foreignKeys)};
    if (!common.isEmpty())
        out.append(QStringLiteral("INSERT INTO %1 (%2) SELECT %2 FROM %3")
                       .arg(name(fresh.name), common.join(QStringLiteral(", ")), name(from.name)));
    out.append(dropTableSql(from.name));
    // Since SQLite 3.26 a rename also rewrites and checks the views and triggers that name the
    // table; the ones naming the dropped table would fail it. The legacy rename leaves them be,
    // and they name the rebuilt table again once it has the old name.
    out.append(QStringLiteral("PRAGMA legacy_alter_table = ON"));
    out.append(renameTableSql(fresh.name, to.name));
    out.append(QStringLiteral("PRAGMA legacy_alter_table = OFF"));
    for (const IndexDef &i : to.indexes)
        out.append(createIndexSql(to.name, i));
    // The table's triggers were dropped before and are made again after the tables (see
    // ObjectPlan).
    return out;
}

QStringList SqliteSqlWriter::wrap(const QStringList &statements, bool rebuildsOrDrops) const
{
    if (!rebuildsOrDrops)
        return statements;
    // The runner runs the first PRAGMA before the file's transaction and the last after it
    // (inside one, PRAGMA foreign_keys does nothing), and fails the file when
    // foreign_key_check returns a row.
    return QStringList{QStringLiteral("PRAGMA foreign_keys = OFF")} + statements +
           QStringList{QStringLiteral("PRAGMA foreign_key_check"),
                       QStringLiteral("PRAGMA foreign_keys = ON")};
}

} // namespace tidemark
