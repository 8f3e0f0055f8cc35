#include "schemaedit.h"

#include <algorithm>

namespace tidemark {

namespace {

using Kind = SchemaChange::Kind;

TableDef *findTable(Schema &schema, const QString &name)
{
    for (TableDef &t : schema.tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

ColumnDef *findColumn(TableDef &table, const QString &name)
{
    for (ColumnDef &c : table.columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

template <typename T, typename Same> void removeMatching(QList<T> &items, Same same)
{
    items.erase(std::remove_if(items.begin(), items.end(), same), items.end());
}

void renameIn(QStringList &names, const QString &oldName, const QString &newName)
{
    for (QString &n : names) {
        if (n == oldName)
            n = newName;
    }
}

// A key the generated SQL adds is always named, and InnoDB names the index it makes for it
// after the key: what the desired side read back about its own index does not carry over.
ForeignKeyDef withoutBackingIndex(ForeignKeyDef key)
{
    key.backingIndex.clear();
    return key;
}

void applyColumnChange(TableDef &table, const SchemaChange &c)
{
    ColumnDef *column = findColumn(table, c.object);
    if (!column)
        return;
    switch (c.kind) {
    case Kind::ChangeColumnType:
        column->declaredType = c.columnAfter->declaredType;
        column->normalizedType = c.columnAfter->normalizedType;
        column->enumType = c.columnAfter->enumType;
        break;
    case Kind::ChangeColumnNullability:
        column->nullable = c.columnAfter->nullable;
        break;
    case Kind::ChangeColumnDefault:
        column->defaultExpression = c.columnAfter->defaultExpression;
        break;
    case Kind::ChangeColumnIdentity:
        column->identity = c.columnAfter->identity;
        column->identityAlways = c.columnAfter->identityAlways;
        column->identityOptions = c.columnAfter->identityOptions;
        column->defaultExpression = c.columnAfter->defaultExpression;
        break;
    case Kind::ChangeColumnComment:
        column->comment = c.columnAfter->comment;
        break;
    case Kind::ChangeColumnCollation:
        column->collation = c.columnAfter->collation;
        break;
    case Kind::ChangeColumnGenerated:
        column->generated = c.columnAfter->generated;
        column->generatedStored = c.columnAfter->generatedStored;
        column->defaultExpression = c.columnAfter->defaultExpression;
        break;
    default:
        break;
    }
}

void applyTableChange(TableDef &table, const SchemaChange &c)
{
    switch (c.kind) {
    case Kind::AddColumn:
        table.columns.append(*c.columnAfter);
        break;
    case Kind::DropColumn:
        removeMatching(table.columns, [&](const ColumnDef &x) { return x.name == c.object; });
        break;
    case Kind::ChangePrimaryKey:
        table.primaryKey = *c.primaryKeyAfter;
        break;
    case Kind::ChangeTableComment:
        table.comment = c.tableAfter->comment;
        break;
    case Kind::AddIndex:
        table.indexes.append(*c.indexAfter);
        break;
    case Kind::DropIndex:
        removeMatching(table.indexes, [&](const IndexDef &x) {
            return x.name == c.indexBefore->name && x.parts == c.indexBefore->parts;
        });
        break;
    case Kind::AddUniqueConstraint:
        table.uniqueConstraints.append(*c.uniqueAfter);
        break;
    case Kind::DropUniqueConstraint:
        removeMatching(table.uniqueConstraints, [&](const UniqueConstraintDef &x) {
            return x.columns == c.uniqueBefore->columns;
        });
        break;
    case Kind::AddForeignKey:
        table.foreignKeys.append(withoutBackingIndex(*c.foreignKeyAfter));
        break;
    case Kind::DropForeignKey:
        removeMatching(table.foreignKeys, [&](const ForeignKeyDef &x) {
            return x.columns == c.foreignKeyBefore->columns &&
                   x.referencedTable == c.foreignKeyBefore->referencedTable &&
                   x.referencedColumns == c.foreignKeyBefore->referencedColumns;
        });
        break;
    case Kind::AddCheck:
        table.checks.append(*c.checkAfter);
        break;
    case Kind::DropCheck:
        removeMatching(table.checks, [&](const CheckConstraintDef &x) {
            return x.expression == c.checkBefore->expression;
        });
        break;
    default:
        applyColumnChange(table, c);
        break;
    }
}

void applyObjectChange(Schema &schema, const SchemaChange &c)
{
    if (c.objectBefore) {
        const QString key = c.objectBefore->key();
        removeMatching(schema.objects, [&](const SchemaObjectDef &o) { return o.key() == key; });
    }
    if (c.objectAfter) {
        schema.objects.append(*c.objectAfter);
        std::sort(
            schema.objects.begin(), schema.objects.end(),
            [](const SchemaObjectDef &a, const SchemaObjectDef &b) { return a.key() < b.key(); });
    }
}

} // namespace

void renameTable(Schema &schema, const QString &oldName, const QString &newName)
{
    for (TableDef &t : schema.tables) {
        if (t.name == oldName)
            t.name = newName;
        for (ForeignKeyDef &fk : t.foreignKeys) {
            if (fk.referencedTable == oldName)
                fk.referencedTable = newName;
        }
    }
    for (SchemaObjectDef &o : schema.objects) {
        if (o.table == oldName)
            o.table = newName;
    }
    std::sort(schema.tables.begin(), schema.tables.end(),
              [](const TableDef &a, const TableDef &b) { return a.name < b.name; });
}

void renameColumn(Schema &schema, const QString &table, const QString &oldName,
                  const QString &newName)
{
    for (TableDef &t : schema.tables) {
        if (t.name == table) {
            if (ColumnDef *c = findColumn(t, oldName))
                c->name = newName;
            renameIn(t.primaryKey.columns, oldName, newName);
            for (IndexDef &i : t.indexes) {
                for (qsizetype p = 0; p < i.parts.size(); ++p) {
                    if (!i.partIsExpression.value(p) && i.parts[p] == oldName)
                        i.parts[p] = newName;
                }
                renameIn(i.include, oldName, newName);
            }
            for (UniqueConstraintDef &u : t.uniqueConstraints)
                renameIn(u.columns, oldName, newName);
            for (ForeignKeyDef &fk : t.foreignKeys)
                renameIn(fk.columns, oldName, newName);
        }
        for (ForeignKeyDef &fk : t.foreignKeys) {
            if (fk.referencedTable == table)
                renameIn(fk.referencedColumns, oldName, newName);
        }
    }
}

Schema applyChanges(Schema schema, const QList<SchemaChange> &changes)
{
    for (const SchemaChange &c : changes) {
        switch (c.kind) {
        case Kind::AddTable:
            schema.tables.append(*c.tableAfter);
            for (ForeignKeyDef &key : schema.tables.last().foreignKeys)
                key = withoutBackingIndex(key);
            std::sort(schema.tables.begin(), schema.tables.end(),
                      [](const TableDef &a, const TableDef &b) { return a.name < b.name; });
            break;
        case Kind::DropTable:
            removeMatching(schema.tables, [&](const TableDef &t) { return t.name == c.table; });
            break;
        case Kind::RenameTable:
            renameTable(schema, c.tableBefore->name, c.tableAfter->name);
            break;
        case Kind::RenameColumn:
            renameColumn(schema, c.table, c.columnBefore->name, c.columnAfter->name);
            break;
        case Kind::AddEnum:
            schema.enums.append(*c.enumAfter);
            break;
        case Kind::DropEnum:
            removeMatching(schema.enums, [&](const EnumTypeDef &e) { return e.name == c.object; });
            break;
        case Kind::ChangeEnumValues:
            for (EnumTypeDef &e : schema.enums) {
                if (e.name == c.object)
                    e.values = c.enumAfter->values;
            }
            break;
        default:
            if (c.isObjectChange())
                applyObjectChange(schema, c);
            else if (TableDef *table = findTable(schema, c.table))
                applyTableChange(*table, c);
            break;
        }
    }
    return schema;
}

} // namespace tidemark
