// MySqlCatalogReader: the connection's DATABASE() from information_schema in seven queries
// (columns, index columns, key constraints, checks, views, triggers, routines), whatever the
// number of tables.
//
// MariaDB choices, documented because the catalog cannot tell some things apart:
// - A UNIQUE constraint is a unique index, and TABLE_CONSTRAINTS lists every unique index as a
//   UNIQUE constraint (CREATE UNIQUE INDEX included). A unique index therefore goes into
//   uniqueConstraints when TABLE_CONSTRAINTS has a UNIQUE constraint of its name (in practice
//   always on MariaDB), else into indexes with unique = true (MySQL variants that differ).
// - InnoDB creates an index for a foreign key that has none, named after the constraint (or
//   after its first column when the key has no CONSTRAINT name). A non-unique index with the
//   key's columns and such a name is that automatic index and is left out (remembered as the
//   key's backingIndex), so the schema compares equal to PostgreSQL's, which has no such index.
//   An index the user named differently is kept; one the user named exactly like the key's
//   first column is taken for the automatic one.
// - No partial or functional indexes exist here, so IndexDef::where is always empty. A prefix
//   key part (title(20)) is kept as its CREATE INDEX text and marked as an expression.

#include "schema/catalogreaders.h"
#include "schema/identifiers.h"
#include "schema/schemabuilder.h"

#include "db/connection.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>

#include <algorithm>

namespace tidemark {

namespace {

// Views are left out by joining TABLES on BASE TABLE.
const char kColumnsSql[] = R"(
SELECT c.TABLE_NAME, c.COLUMN_NAME, c.COLUMN_TYPE, c.IS_NULLABLE, c.COLUMN_DEFAULT, c.EXTRA,
       c.COLUMN_COMMENT, t.TABLE_COMMENT,
       CASE WHEN c.COLLATION_NAME <> t.TABLE_COLLATION THEN c.COLLATION_NAME END,
       c.GENERATION_EXPRESSION
FROM information_schema.COLUMNS c
JOIN information_schema.TABLES t
  ON t.TABLE_SCHEMA = c.TABLE_SCHEMA AND t.TABLE_NAME = c.TABLE_NAME
WHERE c.TABLE_SCHEMA = DATABASE() AND t.TABLE_TYPE = 'BASE TABLE'
ORDER BY c.TABLE_NAME, c.ORDINAL_POSITION
)";

const char kIndexesSql[] = R"(
SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, COLLATION
FROM information_schema.STATISTICS
WHERE TABLE_SCHEMA = DATABASE() AND INDEX_NAME <> 'PRIMARY'
ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX
)";

// Primary, unique and foreign keys with their columns in key order; checks have no key columns.
const char kConstraintsSql[] = R"(
SELECT tc.TABLE_NAME, tc.CONSTRAINT_NAME, tc.CONSTRAINT_TYPE, k.COLUMN_NAME,
       k.REFERENCED_TABLE_NAME, k.REFERENCED_COLUMN_NAME, r.DELETE_RULE, r.UPDATE_RULE
FROM information_schema.TABLE_CONSTRAINTS tc
JOIN information_schema.KEY_COLUMN_USAGE k
  ON k.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND k.TABLE_NAME = tc.TABLE_NAME
 AND k.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
LEFT JOIN information_schema.REFERENTIAL_CONSTRAINTS r
  ON r.CONSTRAINT_SCHEMA = tc.CONSTRAINT_SCHEMA AND r.TABLE_NAME = tc.TABLE_NAME
 AND r.CONSTRAINT_NAME = tc.CONSTRAINT_NAME
WHERE tc.TABLE_SCHEMA = DATABASE()
  AND tc.CONSTRAINT_TYPE IN ('PRIMARY KEY', 'UNIQUE', 'FOREIGN KEY')
ORDER BY tc.TABLE_NAME, tc.CONSTRAINT_NAME, k.ORDINAL_POSITION
)";

// MariaDB's CHECK_CONSTRAINTS has TABLE_NAME (check names are unique per table only) and lists
// column-level checks too, named after their column.
const char kChecksSql[] = R"(
SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE
FROM information_schema.CHECK_CONSTRAINTS
WHERE CONSTRAINT_SCHEMA = DATABASE()
ORDER BY TABLE_NAME, CONSTRAINT_NAME
)";

// Integer display widths (MariaDB "int(11)") carry no meaning; tinyint(1) is how BOOLEAN is
// stored, so it keeps its width to stay distinguishable from a small integer.
QString normalizedType(const QString &columnType)
{
    static const QRegularExpression width(
        QStringLiteral("^(tinyint|smallint|mediumint|int|integer|bigint)\\(\\d+\\)"));
    QString type = columnType.toLower().simplified();
    if (type.startsWith(u"tinyint(1)"))
        return type;
    type.replace(width, QStringLiteral("\\1"));
    return type;
}

// Views as MariaDB prints them back, with the database's name taken out of the qualified
// names (`db`.`t`) so that a scratch database's definition compares equal to the live one.
const char kViewsSql[] = R"(
SELECT TABLE_NAME, REPLACE(VIEW_DEFINITION, CONCAT('`', TABLE_SCHEMA, '`.'), ''),
       CHECK_OPTION, SECURITY_TYPE, ALGORITHM
FROM information_schema.VIEWS
WHERE TABLE_SCHEMA = DATABASE()
ORDER BY TABLE_NAME
)";

const char kTriggersSql[] = R"(
SELECT EVENT_OBJECT_TABLE, TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT
FROM information_schema.TRIGGERS
WHERE TRIGGER_SCHEMA = DATABASE()
ORDER BY BINARY EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER
)";

// Functions and procedures with their parameters as CREATE writes them (procedures with their
// mode).
const char kRoutinesSql[] = R"(
SELECT r.ROUTINE_NAME, r.ROUTINE_TYPE, r.DTD_IDENTIFIER, r.ROUTINE_DEFINITION,
       r.IS_DETERMINISTIC, r.SQL_DATA_ACCESS, r.SECURITY_TYPE, r.ROUTINE_COMMENT,
       (SELECT GROUP_CONCAT(CONCAT_WS(' ', IF(r.ROUTINE_TYPE = 'PROCEDURE', p.PARAMETER_MODE, NULL),
                                      CONCAT('`', REPLACE(p.PARAMETER_NAME, '`', '``'), '`'),
                                      p.DTD_IDENTIFIER)
                            ORDER BY p.ORDINAL_POSITION SEPARATOR ', ')
        FROM information_schema.PARAMETERS p
        WHERE p.SPECIFIC_SCHEMA = r.ROUTINE_SCHEMA AND p.SPECIFIC_NAME = r.SPECIFIC_NAME
          AND p.ROUTINE_TYPE = r.ROUTINE_TYPE AND p.ORDINAL_POSITION > 0)
FROM information_schema.ROUTINES r
WHERE r.ROUTINE_SCHEMA = DATABASE()
ORDER BY r.ROUTINE_NAME, r.ROUTINE_TYPE
)";

QString quoted(const QString &name)
{
    return u'`' + QString(name).replace(QStringLiteral("`"), QStringLiteral("``")) + u'`';
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
        const QString checkOption = views->value(2).toString();
        const QString algorithm = views->value(4).toString();
        view.definition = QStringLiteral("CREATE %1%2VIEW %3 AS %4%5")
                              .arg(algorithm.isEmpty() || algorithm == u"UNDEFINED"
                                       ? QString()
                                       : QStringLiteral("ALGORITHM=%1 ").arg(algorithm),
                                   views->value(3).toString() == u"INVOKER"
                                       ? QStringLiteral("SQL SECURITY INVOKER ")
                                       : QString(),
                                   quoted(view.name), views->value(1).toString(),
                                   checkOption.isEmpty() || checkOption == u"NONE"
                                       ? QString()
                                       : QStringLiteral(" WITH %1 CHECK OPTION").arg(checkOption));
        schema.objects.append(view);
    }

    Result<QSqlQuery> triggers = connection.exec(QString::fromLatin1(kTriggersSql));
    if (!triggers)
        return triggers.error();
    // Triggers of one table, time and event run in ACTION_ORDER: each after the first names the
    // one before it (FOLLOWS), so that the order is compared and made again, and is made after it.
    QString group, previous;
    while (triggers->next()) {
        SchemaObjectDef trigger;
        trigger.type = Type::Trigger;
        trigger.table = triggers->value(0).toString();
        if (isToolTable(trigger.table))
            continue;
        trigger.name = triggers->value(1).toString();
        const QString thisGroup =
            QStringList{trigger.table, triggers->value(2).toString(), triggers->value(3).toString()}
                .join(QChar(0x1f));
        QString follows;
        if (thisGroup == group) {
            follows = QStringLiteral("FOLLOWS %1 ").arg(quoted(previous));
            trigger.uses.append(previous);
        }
        group = thisGroup;
        previous = trigger.name;
        trigger.definition = QStringLiteral("CREATE TRIGGER %1 %2 %3 ON %4 FOR EACH ROW %5%6")
                                 .arg(quoted(trigger.name), triggers->value(2).toString(),
                                      triggers->value(3).toString(), quoted(trigger.table), follows,
                                      triggers->value(4).toString());
        schema.objects.append(trigger);
    }

    Result<QSqlQuery> routines = connection.exec(QString::fromLatin1(kRoutinesSql));
    if (!routines)
        return routines.error();
    while (routines->next()) {
        SchemaObjectDef routine;
        routine.type = Type::Routine;
        routine.name = routines->value(0).toString();
        routine.routineKind = routines->value(1).toString();
        // No overloads on MariaDB: the name alone identifies a routine, so that a changed
        // parameter list is a change (replaced in place), not a drop and an add of one name.
        const bool function = routine.routineKind == u"FUNCTION";
        routine.returns = function ? routines->value(2).toString() : QString();
        QString characteristics = routines->value(4).toString() == u"YES"
                                      ? QStringLiteral("DETERMINISTIC")
                                      : QStringLiteral("NOT DETERMINISTIC");
        characteristics += u' ' + routines->value(5).toString() + QStringLiteral(" SQL SECURITY ") +
                           routines->value(6).toString();
        if (const QString comment = routines->value(7).toString(); !comment.isEmpty())
            characteristics += QStringLiteral(" COMMENT ") + sqlString(SqlDialect::MySql, comment);
        routine.definition =
            QStringLiteral("CREATE %1 %2(%3)%4 %5 %6")
                .arg(routine.routineKind, quoted(routine.name), routines->value(8).toString(),
                     function ? QStringLiteral(" RETURNS ") + routine.returns : QString(),
                     characteristics, routines->value(3).toString());
        schema.objects.append(routine);
    }
    return {};
}

} // namespace

int MySqlCatalogReader::queryCount() const
{
    return 7;
}

Result<Schema> MySqlCatalogReader::read(Connection &connection) const
{
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
        column.normalizedType = normalizedType(column.declaredType);
        column.nullable = columns->value(3).toString() == u"YES";
        // MariaDB 10.2+ returns defaults as expressions, "NULL" (unquoted) for no default on a
        // nullable column; a string literal NULL would read "'NULL'".
        const QVariant defaultValue = columns->value(4);
        if (!defaultValue.isNull() && defaultValue.toString() != u"NULL")
            column.defaultExpression = defaultValue.toString();
        column.identity =
            columns->value(5).toString().contains(u"auto_increment", Qt::CaseInsensitive);
        if (column.identity)
            column.defaultExpression.clear();
        column.comment = columns->value(6).toString();
        table->comment = columns->value(7).toString();
        column.collation = columns->value(8).toString();
        // GENERATION_EXPRESSION, not EXTRA: MySQL 8 marks expression defaults
        // DEFAULT_GENERATED there.
        if (!columns->value(9).toString().isEmpty()) {
            column.generated = columns->value(9).toString();
            column.generatedStored = columns->value(5).toString().startsWith(u"STORED") ||
                                     columns->value(5).toString().startsWith(u"PERSISTENT");
            column.defaultExpression.clear();
        }
        table->columns.append(column);
    }

    Result<QSqlQuery> constraints = connection.exec(QString::fromLatin1(kConstraintsSql));
    if (!constraints)
        return constraints.error();
    QSet<QString> uniqueConstraintNames; // "table\x1fname"
    while (constraints->next()) {
        const QString tableName = constraints->value(0).toString();
        TableDef *found = builder.find(tableName);
        if (!found)
            continue;
        TableDef &table = *found;
        const QString name = constraints->value(1).toString();
        const QString type = constraints->value(2).toString();
        const QString columnName = constraints->value(3).toString();
        if (type == u"PRIMARY KEY") {
            table.primaryKey.name = name;
            table.primaryKey.columns.append(columnName);
        } else if (type == u"UNIQUE") {
            uniqueConstraintNames.insert(tableName + QChar(0x1f) + name);
            if (table.uniqueConstraints.isEmpty() || table.uniqueConstraints.last().name != name)
                table.uniqueConstraints.append(UniqueConstraintDef{name, {}});
            table.uniqueConstraints.last().columns.append(columnName);
        } else {
            if (table.foreignKeys.isEmpty() || table.foreignKeys.last().name != name) {
                ForeignKeyDef key;
                key.name = name;
                key.referencedTable = constraints->value(4).toString();
                key.onDelete = constraints->value(6).toString().toUpper();
                key.onUpdate = constraints->value(7).toString().toUpper();
                table.foreignKeys.append(key);
            }
            table.foreignKeys.last().columns.append(columnName);
            table.foreignKeys.last().referencedColumns.append(constraints->value(5).toString());
        }
    }

    Result<QSqlQuery> indexes = connection.exec(QString::fromLatin1(kIndexesSql));
    if (!indexes)
        return indexes.error();
    QList<QPair<qsizetype, IndexDef>> readIndexes;
    while (indexes->next()) {
        const qsizetype tableAt = builder.indexOf(indexes->value(0).toString());
        if (tableAt < 0)
            continue;
        const QString name = indexes->value(1).toString();
        if (readIndexes.isEmpty() || readIndexes.last().first != tableAt ||
            readIndexes.last().second.name != name) {
            IndexDef index;
            index.name = name;
            index.unique = indexes->value(2).toInt() == 0;
            readIndexes.append({tableAt, index});
        }
        // A prefix part (title(20)) is kept as the text CREATE INDEX needs, like an expression.
        const QString column = indexes->value(3).toString();
        const bool prefix = !indexes->value(4).isNull();
        readIndexes.last().second.parts.append(prefix ? sqlName(SqlDialect::MySql, column) + u'(' +
                                                            indexes->value(4).toString() + u')'
                                                      : column);
        readIndexes.last().second.partIsExpression.append(prefix);
        if (indexes->value(5).toString() == u"D") { // a descending part (MariaDB 10.8+)
            IndexDef &index = readIndexes.last().second;
            index.partOptions.resize(index.parts.size());
            index.partOptions.last() = QStringLiteral("DESC");
        }
    }
    for (const auto &[tableAt, index] : std::as_const(readIndexes)) {
        TableDef &table = builder.at(tableAt);
        if (index.unique && uniqueConstraintNames.contains(table.name + QChar(0x1f) + index.name))
            continue; // already a unique constraint, with the same columns
        // InnoDB names the index it makes for a foreign key after the key's CONSTRAINT name,
        // or after the key's first column (first_col, first_col_2, ...) when it has none.
        const auto madeFor = [&](const ForeignKeyDef &key) {
            if (index.unique || key.columns != index.parts || !key.backingIndex.isEmpty())
                return false;
            static const QRegularExpression suffix(QStringLiteral("^_\\d+$"));
            const QString &first = key.columns.first();
            return index.name == key.name || index.name == first ||
                   (index.name.startsWith(first) &&
                    suffix.match(index.name.mid(first.size())).hasMatch());
        };
        const auto key = std::find_if(table.foreignKeys.begin(), table.foreignKeys.end(), madeFor);
        if (key != table.foreignKeys.end())
            key->backingIndex = index.name;
        else
            table.indexes.append(index);
    }

    Result<QSqlQuery> checks = connection.exec(QString::fromLatin1(kChecksSql));
    if (!checks)
        return checks.error();
    while (checks->next()) {
        TableDef *table = builder.find(checks->value(0).toString());
        if (!table)
            continue;
        table->checks.append(
            CheckConstraintDef{checks->value(1).toString(), checks->value(2).toString()});
    }

    if (Status objects = readObjects(connection, builder.schema()); !objects)
        return objects.error();
    builder.findUsesInDefinitions(/*backslashEscapes=*/true);
    return builder.finish();
}

} // namespace tidemark
