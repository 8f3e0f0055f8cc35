// PostgresCatalogReader: the connection's current_schema() from pg_catalog in four queries
// (columns, constraints, indexes, enums), so reading 1 table or 1,000 costs the same round trips.

#include "schema/catalogreaders.h"
#include "schema/schemabuilder.h"

#include "db/connection.h"

#include <QHash>
#include <QSqlQuery>

#include <algorithm>

namespace tidemark {

namespace {

// Lists aggregated in SQL are joined with the ASCII unit separator: it cannot appear in an
// identifier PostgreSQL accepts unquoted and is vanishingly unlikely in a quoted one, unlike ','
// which array text output would also force us to unquote.
const QChar kSeparator(0x1f);

// Tables and their columns. A column is identity when it is GENERATED ... AS IDENTITY or when
// its default is nextval() of a sequence the column owns (SERIAL); plain nextval() defaults on a
// shared sequence stay ordinary defaults. Partitions are left out: their parent describes them.
const char kColumnsSql[] = R"(
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '',
       CASE WHEN t.typtype = 'e' THEN t.typname END,
       EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid
               WHERE s.relkind = 'S' AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
                 AND dep.deptype = 'a')
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname, a.attnum
)";

// Primary keys, unique, foreign key and check constraints, key columns in key order.
const char kConstraintsSql[] = R"(
SELECT c.relname, con.conname, con.contype,
       (SELECT string_agg(a.attname, chr(31) ORDER BY k.ord)
        FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
       rc.relname,
       (SELECT string_agg(a.attname, chr(31) ORDER BY k.ord)
        FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum),
       con.confdeltype, con.confupdtype,
       CASE WHEN con.contype = 'c' THEN pg_get_constraintdef(con.oid, true) END
FROM pg_constraint con
JOIN pg_class c ON c.oid = con.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class rc ON rc.oid = con.confrelid
WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
  AND con.contype IN ('p', 'u', 'f', 'c')
ORDER BY c.relname, con.conname
)";

// Indexes that are not the primary key's or a unique/exclusion constraint's own (those are
// described as constraints). A foreign key's conindid points at the referenced table's index, so
// only constraints on the index's own table count. Key parts: 'C' + column name, or 'E' + the
// expression text (indkey 0); INCLUDE columns (beyond indnkeyatts) are not key parts.
const char kIndexesSql[] = R"(
SELECT t.relname, i.relname, ix.indisunique,
       (SELECT string_agg(CASE WHEN k.attnum = 0
                               THEN 'E' || pg_get_indexdef(ix.indexrelid, k.ord::int, true)
                               ELSE 'C' || a.attname END, chr(31) ORDER BY k.ord)
        FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
        WHERE k.ord <= ix.indnkeyatts),
       pg_get_expr(ix.indpred, ix.indrelid, true)
FROM pg_index ix
JOIN pg_class i ON i.oid = ix.indexrelid
JOIN pg_class t ON t.oid = ix.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = current_schema() AND t.relkind IN ('r', 'p') AND NOT t.relispartition
  AND NOT ix.indisprimary
  AND NOT EXISTS (SELECT 1 FROM pg_constraint con
                  WHERE con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid
                    AND con.contype IN ('p', 'u', 'x'))
ORDER BY t.relname, i.relname
)";

// Enum types defined in the schema, plus those defined elsewhere that its tables use (a
// migration creating the table needs the type either way).
const char kEnumsSql[] = R"(
SELECT t.typname, e.enumlabel
FROM pg_type t
JOIN pg_enum e ON e.enumtypid = t.oid
WHERE t.typnamespace = (SELECT oid FROM pg_namespace WHERE nspname = current_schema())
   OR t.oid IN (SELECT a.atttypid FROM pg_attribute a
                JOIN pg_class c ON c.oid = a.attrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')
                  AND a.attnum > 0 AND NOT a.attisdropped)
ORDER BY t.typname, e.enumsortorder
)";

QStringList splitList(const QVariant &value)
{
    return value.isNull() ? QStringList() : value.toString().split(kSeparator);
}

QString referentialAction(const QString &letter)
{
    if (letter == u"r")
        return QStringLiteral("RESTRICT");
    if (letter == u"c")
        return QStringLiteral("CASCADE");
    if (letter == u"n")
        return QStringLiteral("SET NULL");
    if (letter == u"d")
        return QStringLiteral("SET DEFAULT");
    return QStringLiteral("NO ACTION"); // 'a'
}

// pg_get_constraintdef gives "CHECK (expr)" and possibly a trailing " NOT VALID".
QString checkExpression(QString definition)
{
    if (definition.endsWith(u" NOT VALID"))
        definition.chop(10);
    if (definition.startsWith(u"CHECK (") && definition.endsWith(u')'))
        return definition.mid(7, definition.size() - 8);
    return definition;
}

} // namespace

int PostgresCatalogReader::queryCount() const
{
    return 4;
}

Result<Schema> PostgresCatalogReader::read(Connection &connection) const
{
    // The columns query sees every table; the later queries attach to them.
    SchemaBuilder builder;

    Result<QSqlQuery> columns = connection.exec(QString::fromLatin1(kColumnsSql));
    if (!columns)
        return columns.error();
    while (columns->next()) {
        TableDef *table = builder.tableFor(columns->value(0).toString());
        if (!table)
            continue;
        ColumnDef column;
        column.name = columns->value(1).toString();
        column.declaredType = columns->value(2).toString();
        column.normalizedType = column.declaredType; // format_type output is already canonical
        column.nullable = !columns->value(3).toBool();
        column.defaultExpression = columns->value(4).toString();
        const bool ownedSequence =
            columns->value(7).toBool() && column.defaultExpression.startsWith(u"nextval(");
        column.identity = columns->value(5).toBool() || ownedSequence;
        if (column.identity)
            column.defaultExpression.clear(); // the sequence, not a value to compare
        column.enumType = columns->value(6).toString();
        table->columns.append(column);
    }

    Result<QSqlQuery> constraints = connection.exec(QString::fromLatin1(kConstraintsSql));
    if (!constraints)
        return constraints.error();
    while (constraints->next()) {
        TableDef *found = builder.find(constraints->value(0).toString());
        if (!found)
            continue; // a tool table
        TableDef &table = *found;
        const QString name = constraints->value(1).toString();
        const QString type = constraints->value(2).toString();
        const QStringList keyColumns = splitList(constraints->value(3));
        if (type == u"p") {
            table.primaryKey.name = name;
            table.primaryKey.columns = keyColumns;
        } else if (type == u"u") {
            table.uniqueConstraints.append(UniqueConstraintDef{name, keyColumns});
        } else if (type == u"f") {
            ForeignKeyDef key;
            key.name = name;
            key.columns = keyColumns;
            key.referencedTable = constraints->value(4).toString();
            key.referencedColumns = splitList(constraints->value(5));
            key.onDelete = referentialAction(constraints->value(6).toString());
            key.onUpdate = referentialAction(constraints->value(7).toString());
            table.foreignKeys.append(key);
        } else if (type == u"c") {
            table.checks.append(
                CheckConstraintDef{name, checkExpression(constraints->value(8).toString())});
        }
    }

    Result<QSqlQuery> indexes = connection.exec(QString::fromLatin1(kIndexesSql));
    if (!indexes)
        return indexes.error();
    while (indexes->next()) {
        TableDef *table = builder.find(indexes->value(0).toString());
        if (!table)
            continue;
        IndexDef index;
        index.name = indexes->value(1).toString();
        index.unique = indexes->value(2).toBool();
        for (const QString &part : splitList(indexes->value(3))) {
            index.parts.append(part.mid(1));
            index.partIsExpression.append(part.startsWith(u'E'));
        }
        index.where = indexes->value(4).toString();
        table->indexes.append(index);
    }

    Result<QSqlQuery> enums = connection.exec(QString::fromLatin1(kEnumsSql));
    if (!enums)
        return enums.error();
    while (enums->next()) {
        const QString typeName = enums->value(0).toString();
        QList<EnumTypeDef> &types = builder.schema().enums;
        if (types.isEmpty() || types.last().name != typeName)
            types.append(EnumTypeDef{typeName, {}});
        types.last().values.append(enums->value(1).toString());
    }

    return builder.finish();
}

} // namespace tidemark
