#include "schema/catalogreaders.h"
#include "schema/schemabuilder.h"
#include "schema/sqlitecreatesql.h"

#include "db/connection.h"

#include <QHash>
#include <QSqlQuery>

namespace tidemark {

namespace {

// The four catalog queries read(): one each for tables, columns, indexes and foreign keys. The
// pragma table-valued functions are joined to sqlite_master so that every table is covered by
// the same statement, which keeps the count independent of the number of tables.
constexpr int kQueryCount = 4;

// sqlite_% is SQLite's own namespace (sqlite_sequence, sqlite_stat1); '_' must be escaped or
// LIKE would also drop a user table called "sqliteX".
const char kUserTables[] = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

// Lower case, spacing collapsed, no spaces around parentheses and commas: "VARCHAR (50)" and
// "varchar(50)" compare equal, "numeric(10, 2)" becomes "numeric(10,2)". SQLite's declared
// type names are otherwise kept as declared (INT stays int, not integer): SQLite stores and
// reports exactly what was declared, and a migration that changes INT to INTEGER is a real
// change of the stored schema text even if the affinity is the same.
QString normalizeType(const QString &declared)
{
    QString type = declared.toLower().simplified();
    for (const QLatin1StringView from :
         {QLatin1StringView(" ("), QLatin1StringView("( "), QLatin1StringView(" )"),
          QLatin1StringView(" ,"), QLatin1StringView(", ")}) {
        const QString to = QString(from).remove(u' ');
        while (type.contains(from))
            type.replace(from, to);
    }
    return type;
}

// SQLite's collation names are case-insensitive: in lower case, BINARY (the default) as none.
QString normalCollation(const QString &name)
{
    const QString lower = name.toLower();
    return lower == u"binary" ? QString() : lower;
}

} // namespace

int SqliteCatalogReader::queryCount() const
{
    return kQueryCount;
}

Result<Schema> SqliteCatalogReader::read(Connection &connection) const
{
    SchemaBuilder builder;
    Schema &schema = builder.schema();
    QHash<QString, QString> tableSql;
    QHash<QString, QString> indexSql; // CREATE INDEX texts; null for automatic indexes
    QList<SchemaObjectDef> objects;   // views and triggers, uses filled in at the end

    // 1. Tables and indexes with their stored CREATE statements. ORDER BY name gives the sorted
    // table list the model asks for (BINARY collation: code-unit order, like QString's <).
    {
        Result<QSqlQuery> q = connection.exec(
            QStringLiteral("SELECT m.type, m.name, m.sql, m.tbl_name"
                           " FROM sqlite_master m WHERE (%1)"
                           " OR m.type IN ('index', 'trigger', 'view') ORDER BY m.name")
                .arg(QLatin1StringView(kUserTables)));
        if (!q)
            return q.error();
        while (q->next()) {
            const QString type = q->value(0).toString();
            const QString name = q->value(1).toString();
            if (type == u"index") {
                indexSql.insert(name, q->value(2).toString());
                continue;
            }
            if (type == u"trigger" || type == u"view") {
                SchemaObjectDef object;
                object.type =
                    type == u"view" ? SchemaObjectDef::Type::View : SchemaObjectDef::Type::Trigger;
                object.name = name;
                if (type == u"trigger")
                    object.table = q->value(3).toString();
                object.definition = q->value(2).toString();
                if (!isToolTable(object.name) && !isToolTable(object.table))
                    objects.append(object);
                continue;
            }
            if (builder.tableFor(name))
                tableSql.insert(name, q->value(2).toString());
        }
    }

    // 2. Columns, in cid order; the primary key from the pk ordinals.
    QHash<QString, QList<QPair<int, QString>>> pkParts;
    {
        Result<QSqlQuery> q = connection.exec(
            QStringLiteral("SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk"
                           " FROM sqlite_master m JOIN pragma_table_xinfo(m.name) p"
                           " WHERE %1 ORDER BY m.name, p.cid")
                .arg(QLatin1StringView(kUserTables)));
        if (!q)
            return q.error();
        while (q->next()) {
            const QString tableName = q->value(0).toString();
            TableDef *table = builder.find(tableName);
            if (!table)
                continue;
            ColumnDef column;
            column.name = q->value(2).toString();
            column.declaredType = q->value(3).toString();
            column.normalizedType = normalizeType(column.declaredType);
            column.nullable = q->value(4).toInt() == 0;
            if (!q->isNull(5))
                column.defaultExpression = q->value(5).toString();
            const int pk = q->value(6).toInt();
            if (pk > 0)
                pkParts[tableName].append({pk, column.name});
            table->columns.append(column);
        }
    }
    for (TableDef &table : schema.tables) {
        QList<QPair<int, QString>> parts = pkParts.value(table.name);
        std::sort(parts.begin(), parts.end());
        for (const auto &part : parts)
            table.primaryKey.columns.append(part.second);
        // Only an INTEGER PRIMARY KEY (the rowid alias) can be AUTOINCREMENT, and SQLite
        // rejects the keyword anywhere else, so its presence in the table text is enough.
        if (table.primaryKey.columns.size() == 1) {
            for (ColumnDef &column : table.columns) {
                if (column.name == table.primaryKey.columns.first() &&
                    column.declaredType.compare(u"integer", Qt::CaseInsensitive) == 0 &&
                    hasAutoincrement(tableSql.value(table.name)))
                    column.identity = true;
            }
        }
        table.checks = parseChecks(tableSql.value(table.name));
        for (const ColumnClauses &clauses : parseColumnClauses(tableSql.value(table.name))) {
            for (ColumnDef &column : table.columns) {
                if (column.name.compare(clauses.name, Qt::CaseInsensitive) != 0)
                    continue;
                column.collation = normalCollation(clauses.collation);
                column.generated = clauses.generated;
                column.generatedStored = clauses.generatedStored;
            }
        }
    }

    // 3. Indexes and unique constraints, key columns only (key = 1 leaves out the rowid and
    // the columns SQLite appends to every index). origin: 'pk' backs the primary key, 'u' a
    // UNIQUE constraint, 'c' a CREATE INDEX.
    {
        Result<QSqlQuery> q = connection.exec(
            QStringLiteral("SELECT m.name, il.name, il.\"unique\", il.origin, il.partial,"
                           " ix.seqno, ix.cid, ix.name, ix.\"desc\""
                           " FROM sqlite_master m JOIN pragma_index_list(m.name) il"
                           " JOIN pragma_index_xinfo(il.name) ix"
                           " WHERE %1 AND ix.\"key\" = 1 AND il.origin <> 'pk'"
                           " ORDER BY m.name, il.name, ix.seqno")
                .arg(QLatin1StringView(kUserTables)));
        if (!q)
            return q.error();
        QString currentTable, currentIndex;
        IndexSql parsed;
        while (q->next()) {
            const QString tableName = q->value(0).toString();
            TableDef *found = builder.find(tableName);
            if (!found)
                continue;
            TableDef &table = *found;
            const QString indexName = q->value(1).toString();
            const QString origin = q->value(3).toString();
            const bool first = indexName != currentIndex || tableName != currentTable;
            currentTable = tableName;
            currentIndex = indexName;
            const int seqno = q->value(5).toInt();
            const int cid = q->value(6).toInt();
            if (origin == u"u") {
                // SQLite drops the CONSTRAINT name of a UNIQUE constraint; the automatic index
                // name (sqlite_autoindex_t_N) depends on declaration order, so it is no name to
                // compare by either: unique constraints stay unnamed here.
                if (first)
                    table.uniqueConstraints.append(UniqueConstraintDef());
                table.uniqueConstraints.last().columns.append(q->value(7).toString());
                continue;
            }
            if (first) {
                IndexDef index;
                index.name = indexName;
                index.unique = q->value(2).toInt() != 0;
                parsed = parseCreateIndex(indexSql.value(indexName));
                if (q->value(4).toInt() != 0)
                    index.where = parsed.where;
                table.indexes.append(index);
            }
            IndexDef &index = table.indexes.last();
            if (q->value(8).toInt() != 0) {
                index.partOptions.resize(seqno + 1);
                index.partOptions[seqno] = QStringLiteral("DESC");
            }
            if (cid == -2) { // an expression: only the CREATE INDEX text has it
                index.parts.append(parsed.parts.value(seqno));
                index.partIsExpression.append(true);
            } else {
                index.parts.append(q->value(7).toString());
                index.partIsExpression.append(false);
            }
        }
    }

    // 4. Foreign keys, one row per column pair, grouped by id. SQLite keeps no constraint
    // names, so they stay empty.
    {
        Result<QSqlQuery> q = connection.exec(
            QStringLiteral("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update,"
                           " f.on_delete"
                           " FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f"
                           " WHERE %1 ORDER BY m.name, f.id, f.seq")
                .arg(QLatin1StringView(kUserTables)));
        if (!q)
            return q.error();
        QString currentTable;
        int currentId = -1;
        while (q->next()) {
            const QString tableName = q->value(0).toString();
            TableDef *found = builder.find(tableName);
            if (!found)
                continue;
            TableDef &table = *found;
            const int id = q->value(1).toInt();
            if (id != currentId || tableName != currentTable) {
                ForeignKeyDef fk;
                fk.referencedTable = q->value(2).toString();
                fk.onUpdate = q->value(5).toString().toUpper();
                fk.onDelete = q->value(6).toString().toUpper();
                table.foreignKeys.append(fk);
                currentId = id;
                currentTable = tableName;
            }
            ForeignKeyDef &fk = table.foreignKeys.last();
            fk.columns.append(q->value(3).toString());
            // "to" is NULL for REFERENCES parent without columns: the parent's primary key,
            // resolved below once every table's key is known.
            fk.referencedColumns.append(q->isNull(4) ? QString() : q->value(4).toString());
        }
    }
    for (TableDef &table : schema.tables) {
        for (ForeignKeyDef &fk : table.foreignKeys) {
            if (!fk.referencedColumns.contains(QString()))
                continue;
            const TableDef *parent = schema.table(fk.referencedTable);
            // Names in REFERENCES are case-insensitive in SQLite; fall back to a folded match.
            for (qsizetype i = 0; !parent && i < schema.tables.size(); ++i) {
                if (schema.tables[i].name.compare(fk.referencedTable, Qt::CaseInsensitive) == 0)
                    parent = &schema.tables[i];
            }
            if (parent && parent->primaryKey.columns.size() == fk.columns.size())
                fk.referencedColumns = parent->primaryKey.columns;
        }
    }
    schema.objects = objects;
    builder.findUsesInDefinitions(/*backslashEscapes=*/false);
    return builder.finish();
}

} // namespace tidemark
