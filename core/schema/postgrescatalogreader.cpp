// PostgresCatalogReader: the connection's current_schema() from pg_catalog in eight queries
// (columns, constraints, indexes, enums, views, triggers, routines, sequences), so reading 1 table
// or 1,000 costs the same round trips.

#include "schema/catalogreaders.h"
#include "schema/schemabuilder.h"

#include "db/connection.h"
#include "schema/identifiers.h"

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
// shared sequence stay ordinary defaults. An identity's sequence options are read where they
// are not the defaults (SERIAL sequences keep theirs). A collation is read where it is not the
// type's. Partitions are left out: their parent describes them.
const char kColumnsSql[] = R"(
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
       pg_get_expr(d.adbin, d.adrelid), a.attidentity <> '',
       CASE WHEN t.typtype = 'e' THEN t.typname END,
       EXISTS (SELECT 1 FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid
               WHERE s.relkind = 'S' AND dep.refclassid = 'pg_class'::regclass
                 AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
                 AND dep.classid = 'pg_class'::regclass AND dep.deptype = 'a'),
       col_description(c.oid, a.attnum), obj_description(c.oid, 'pg_class'),
       a.attgenerated = 's',
       CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
            THEN (SELECT collname FROM pg_collation WHERE oid = a.attcollation) END,
       a.attidentity = 'a',
       (SELECT concat_ws(' ',
                CASE WHEN s.seqstart <> CASE WHEN s.seqincrement > 0 THEN 1 ELSE -1 END
                     THEN 'START WITH ' || s.seqstart END,
                CASE WHEN s.seqincrement <> 1 THEN 'INCREMENT BY ' || s.seqincrement END)
        FROM pg_depend dep JOIN pg_sequence s ON s.seqrelid = dep.objid
        WHERE a.attidentity <> '' AND dep.classid = 'pg_class'::regclass
          AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid
          AND dep.refobjsubid = a.attnum AND dep.deptype = 'i')
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
// expression text (indkey 0); INCLUDE columns (beyond indnkeyatts) are not key parts but
// listed apart. Per key part its options: an operator class other than the default, DESC, and
// NULLS FIRST/LAST where it differs from the direction's default (indoption bit 1: DESC,
// bit 2: NULLS FIRST).
const char kIndexesSql[] = R"(
SELECT t.relname, i.relname, ix.indisunique,
       (SELECT string_agg(CASE WHEN k.attnum = 0
                               THEN 'E' || pg_get_indexdef(ix.indexrelid, k.ord::int, true)
                               ELSE 'C' || a.attname END, chr(31) ORDER BY k.ord)
        FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        LEFT JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
        WHERE k.ord <= ix.indnkeyatts),
       pg_get_expr(ix.indpred, ix.indrelid, true),
       (SELECT string_agg(concat_ws(' ',
                   CASE WHEN NOT opc.opcdefault THEN opc.opcname END,
                   CASE WHEN ix.indoption[k.ord - 1] & 1 = 1 THEN 'DESC' END,
                   CASE WHEN ix.indoption[k.ord - 1] & 3 = 1 THEN 'NULLS LAST'
                        WHEN ix.indoption[k.ord - 1] & 3 = 2 THEN 'NULLS FIRST' END),
                   chr(31) ORDER BY k.ord)
        FROM unnest(ix.indclass::oid[]) WITH ORDINALITY AS k(opclass, ord)
        JOIN pg_opclass opc ON opc.oid = k.opclass
        WHERE k.ord <= ix.indnkeyatts),
       (SELECT string_agg(a.attname, chr(31) ORDER BY k.ord)
        FROM unnest(ix.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum
        WHERE k.ord > ix.indnkeyatts)
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

// Objects an extension installed (pgcrypto's functions, pg_stat_statements' view) belong to
// the extension, not to the schema the migrations make.
#define TIDEMARK_NOT_FROM_EXTENSION(classTable, oidColumn)                                         \
    "NOT EXISTS (SELECT 1 FROM pg_depend e WHERE e.classid = '" classTable "'::regclass"           \
    " AND e.objid = " oidColumn " AND e.deptype = 'e')"

// Views and materialized views: the definition as PostgreSQL prints it back, the options, a
// materialized view's indexes (pg_get_indexdef names the table with its schema, which is
// taken out: the desired side is read from a scratch schema), and the relations and functions its
// rule depends on.
const char kViewsSql[] = R"(
SELECT c.relname, c.relkind, pg_get_viewdef(c.oid, true), array_to_string(c.reloptions, ', '),
       (SELECT string_agg(replace(pg_get_indexdef(ix.indexrelid),
                                  ' ON ' || quote_ident(n.nspname) || '.', ' ON '),
                          chr(31) ORDER BY i.relname)
        FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid WHERE ix.indrelid = c.oid),
       (SELECT string_agg(DISTINCT COALESCE(rc.relname, p.proname), chr(31))
        FROM pg_rewrite r
        JOIN pg_depend d ON d.classid = 'pg_rewrite'::regclass AND d.objid = r.oid
        LEFT JOIN pg_class rc ON d.refclassid = 'pg_class'::regclass AND rc.oid = d.refobjid
                             AND rc.oid <> c.oid
        LEFT JOIN pg_proc p ON d.refclassid = 'pg_proc'::regclass AND p.oid = d.refobjid
        WHERE r.ev_class = c.oid),
       (SELECT string_agg(format('GRANT %s ON %I TO %s%s', a.privilege_type, c.relname,
                                 CASE WHEN a.grantee = 0 THEN 'PUBLIC'
                                      ELSE quote_ident(pg_get_userbyid(a.grantee)) END,
                                 CASE WHEN a.is_grantable THEN ' WITH GRANT OPTION' END),
                          chr(31) ORDER BY a.grantee, a.privilege_type)
        FROM aclexplode(c.relacl) a WHERE a.grantee <> c.relowner)
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')
  AND )" TIDEMARK_NOT_FROM_EXTENSION("pg_class", "c.oid") R"(
ORDER BY c.relname
)";

// Triggers that people made (not the ones behind foreign keys, nor the clones a partitioned
// table's trigger makes on its partitions), with their function.
const char kTriggersSql[] = R"(
SELECT c.relname, t.tgname, pg_get_triggerdef(t.oid, true), p.proname
FROM pg_trigger t
JOIN pg_class c ON c.oid = t.tgrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_proc p ON p.oid = t.tgfoid
WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgparentid = 0
ORDER BY c.relname, t.tgname
)";

// Functions and procedures (not aggregates or window functions), overloads apart by their
// argument types (not names: PostgreSQL tells overloads apart by types only, so a renamed
// parameter is a change of the same routine).
const char kRoutinesSql[] = R"(
SELECT p.proname, p.prokind, oidvectortypes(p.proargtypes),
       pg_get_function_result(p.oid), pg_get_functiondef(p.oid), quote_ident(n.nspname)
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = current_schema() AND p.prokind IN ('f', 'p')
  AND )" TIDEMARK_NOT_FROM_EXTENSION("pg_proc", "p.oid") R"(
ORDER BY p.proname, 3
)";

// Sequences of their own: not an identity column's, and not a SERIAL column's (owned by a
// column whose default calls it; the column reader counts both as identity). A sequence owned
// by a column that does not take its default from it keeps its owner.
const char kSequencesSql[] = R"(
SELECT c.relname, format_type(s.seqtypid, NULL), s.seqstart, s.seqincrement, s.seqmin,
       s.seqmax, s.seqcache, s.seqcycle,
       (SELECT tc.relname || chr(31) || a.attname
        FROM pg_depend o
        JOIN pg_class tc ON tc.oid = o.refobjid
        JOIN pg_attribute a ON a.attrelid = o.refobjid AND a.attnum = o.refobjsubid
        WHERE o.classid = 'pg_class'::regclass AND o.objid = c.oid
          AND o.refclassid = 'pg_class'::regclass AND o.deptype = 'a')
FROM pg_sequence s
JOIN pg_class c ON c.oid = s.seqrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = current_schema()
  AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_class'::regclass
                  AND i.objid = c.oid AND i.deptype = 'i')
  AND NOT EXISTS (SELECT 1 FROM pg_depend o
                  JOIN pg_attrdef ad ON ad.adrelid = o.refobjid AND ad.adnum = o.refobjsubid
                  JOIN pg_depend u ON u.classid = 'pg_attrdef'::regclass AND u.objid = ad.oid
                                  AND u.refobjid = c.oid
                  WHERE o.classid = 'pg_class'::regclass AND o.objid = c.oid
                    AND o.deptype = 'a')
  AND )" TIDEMARK_NOT_FROM_EXTENSION("pg_class", "c.oid") R"(
ORDER BY c.relname
)";

#undef TIDEMARK_NOT_FROM_EXTENSION

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

// pg_get_functiondef always names the function with its schema; the scratch schema the
// desired side is read from has another name than the live one.
QString withoutSchemaQualifier(const QString &definition, const QString &quotedSchema)
{
    const qsizetype lineEnd = definition.indexOf(u'\n');
    QString header = definition.left(lineEnd);
    header.replace(u' ' + quotedSchema + u'.', QStringLiteral(" "));
    return header + (lineEnd < 0 ? QString() : definition.mid(lineEnd));
}

QString trimmedStatement(QString sql)
{
    sql = sql.trimmed();
    if (sql.endsWith(u';'))
        sql.chop(1);
    return sql;
}

Status readObjects(Connection &connection, Schema &schema)
{
    using Type = SchemaObjectDef::Type;
    Result<QSqlQuery> views = connection.exec(QString::fromLatin1(kViewsSql));
    if (!views)
        return views.error();
    while (views->next()) {
        SchemaObjectDef view;
        view.name = views->value(0).toString();
        if (isToolTable(view.name))
            continue;
        const bool materialized = views->value(1).toString() == u"m";
        view.type = materialized ? Type::MaterializedView : Type::View;
        const QString options = views->value(3).toString();
        view.definition =
            QStringLiteral("CREATE %1VIEW %2%3 AS\n")
                .arg(materialized ? QStringLiteral("MATERIALIZED ") : QString(),
                     sqlName(SqlDialect::Postgres, view.name),
                     options.isEmpty() ? QString() : QStringLiteral(" WITH (%1)").arg(options)) +
            trimmedStatement(views->value(2).toString());
        view.indexes = splitList(views->value(4));
        view.uses = splitList(views->value(5));
        view.uses.removeAll(QString());
        view.grants = splitList(views->value(6));
        view.grants.removeAll(QString());
        schema.objects.append(view);
    }

    Result<QSqlQuery> triggers = connection.exec(QString::fromLatin1(kTriggersSql));
    if (!triggers)
        return triggers.error();
    while (triggers->next()) {
        SchemaObjectDef trigger;
        trigger.type = Type::Trigger;
        trigger.table = triggers->value(0).toString();
        if (isToolTable(trigger.table))
            continue;
        trigger.name = triggers->value(1).toString();
        trigger.definition = triggers->value(2).toString();
        trigger.uses = QStringList{trigger.table, triggers->value(3).toString()};
        schema.objects.append(trigger);
    }

    Result<QSqlQuery> routines = connection.exec(QString::fromLatin1(kRoutinesSql));
    if (!routines)
        return routines.error();
    while (routines->next()) {
        SchemaObjectDef routine;
        routine.type = Type::Routine;
        routine.name = routines->value(0).toString();
        routine.routineKind = routines->value(1).toString() == u"p" ? QStringLiteral("PROCEDURE")
                                                                    : QStringLiteral("FUNCTION");
        routine.arguments = routines->value(2).toString();
        routine.returns = routines->value(3).toString();
        routine.definition = trimmedStatement(
            withoutSchemaQualifier(routines->value(4).toString(), routines->value(5).toString()));
        schema.objects.append(routine);
    }

    Result<QSqlQuery> sequences = connection.exec(QString::fromLatin1(kSequencesSql));
    if (!sequences)
        return sequences.error();
    while (sequences->next()) {
        SchemaObjectDef sequence;
        sequence.type = Type::Sequence;
        sequence.name = sequences->value(0).toString();
        const QStringList owner = splitList(sequences->value(8));
        if (isToolTable(sequence.name) || (!owner.isEmpty() && isToolTable(owner.first())))
            continue;
        sequence.definition =
            QStringLiteral(
                "AS %1 INCREMENT BY %2 MINVALUE %3 MAXVALUE %4 START WITH %5 CACHE %6 %7")
                .arg(sequences->value(1).toString(), sequences->value(3).toString(),
                     sequences->value(4).toString(), sequences->value(5).toString(),
                     sequences->value(2).toString(), sequences->value(6).toString(),
                     sequences->value(7).toBool() ? QStringLiteral("CYCLE")
                                                  : QStringLiteral("NO CYCLE"));
        if (owner.size() == 2)
            sequence.ownedBy = owner.join(u'.');
        schema.objects.append(sequence);
    }
    return {};
}

} // namespace

int PostgresCatalogReader::queryCount() const
{
    return 10; // 8 catalog queries, and JIT turned off and back
}

// The catalog queries run without JIT compilation: on a thousand tables the columns query
// costs enough for the server to compile it, which took longer (0.5 s) than running it. The
// session's own setting comes back afterwards.
Result<Schema> PostgresCatalogReader::read(Connection &connection) const
{
    Result<QVariant> jit = connection.scalar(
        QStringLiteral("SELECT current_setting('jit') || '/' || set_config('jit', 'off', false)"));
    if (!jit)
        return jit.error();
    const QString previous = jit->toString().section(u'/', 0, 0);
    Result<Schema> schema = readCatalog(connection);
    Result<QVariant> restored =
        connection.scalar(QStringLiteral("SELECT set_config('jit', ?, false)"), {previous});
    if (schema && !restored)
        return restored.error();
    return schema;
}

Result<Schema> PostgresCatalogReader::readCatalog(Connection &connection) const
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
        column.serial = !columns->value(5).toBool() && ownedSequence;
        if (column.identity)
            column.defaultExpression.clear(); // the sequence, not a value to compare
        if (columns->value(10).toBool()) {
            column.generated = column.defaultExpression;
            column.generatedStored = true;
            column.defaultExpression.clear();
        }
        column.collation = columns->value(11).toString();
        column.identityAlways = columns->value(12).toBool();
        column.identityOptions = columns->value(13).toString();
        column.enumType = columns->value(6).toString();
        column.comment = columns->value(8).toString();
        table->comment = columns->value(9).toString();
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
        index.partOptions = splitList(indexes->value(5));
        if (std::all_of(index.partOptions.cbegin(), index.partOptions.cend(),
                        [](const QString &o) { return o.isEmpty(); }))
            index.partOptions.clear();
        index.include = splitList(indexes->value(6));
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

    if (Status objects = readObjects(connection, builder.schema()); !objects)
        return objects.error();
    return builder.finish();
}

} // namespace tidemark
