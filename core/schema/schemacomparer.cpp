#include "schemacomparer.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace tidemark {

namespace {

using Kind = SchemaChange::Kind;

SchemaChange change(Kind kind, const QString &table, const QString &object)
{
    SchemaChange c;
    c.kind = kind;
    c.table = table;
    c.object = object;
    return c;
}

} // namespace

QString comparableExpression(const QString &expression)
{
    if (!expression.contains(QStringLiteral("::")))
        return expression;
    static const QRegularExpression cast(
        QStringLiteral("::\"?[a-z_][a-z0-9_]*( [a-z_][a-z0-9_]*)*\"?(\\([0-9, ]+\\))?(\\[\\])*"));
    return QString(expression).remove(cast);
}

namespace {

QString indexDefinition(const IndexDef &i)
{
    QStringList parts;
    for (qsizetype p = 0; p < i.parts.size(); ++p)
        parts.append(comparableExpression(i.parts.at(p)) + u' ' + i.partOption(p));
    return (i.unique ? QStringLiteral("unique ") : QString()) + parts.join(u',') + u'|' +
           comparableExpression(i.where) + u'|' + i.include.join(u',');
}

QString indexKey(const IndexDef &i)
{
    return i.name.isEmpty() ? QString(u"def:" + indexDefinition(i)) : QString(u"name:" + i.name);
}

QString foreignKeyKey(const ForeignKeyDef &f)
{
    return f.columns.join(u',') + u'>' + f.referencedTable + u'(' + f.referencedColumns.join(u',') +
           u')';
}

// Adds drop/add changes for two keyed lists; same key with a different definition is a drop
// followed by an add.
template <typename T, typename KeyFn, typename SameFn, typename SetFn>
void compareKeyed(const QString &table, const QList<T> &before, const QList<T> &after, Kind drop,
                  Kind add, KeyFn key, SameFn same, SetFn set, QList<SchemaChange> &changes)
{
    QHash<QString, const T *> beforeByKey, afterByKey;
    for (const T &item : before)
        beforeByKey.insert(key(item), &item);
    for (const T &item : after)
        afterByKey.insert(key(item), &item);
    for (const T &item : before) {
        const T *other = afterByKey.value(key(item));
        if (!other || !same(item, *other)) {
            SchemaChange c = change(drop, table, item.name);
            set(c, &item, nullptr);
            changes.append(c);
        }
    }
    for (const T &item : after) {
        const T *other = beforeByKey.value(key(item));
        if (!other || !same(*other, item)) {
            SchemaChange c = change(add, table, item.name);
            set(c, nullptr, &item);
            changes.append(c);
        }
    }
}

void compareColumns(const TableDef &before, const TableDef &after, SchemaDiff &diff)
{
    QList<const ColumnDef *> dropped, added;
    for (const ColumnDef &c : before.columns) {
        if (!after.column(c.name))
            dropped.append(&c);
    }
    for (const ColumnDef &c : after.columns) {
        const ColumnDef *old = before.column(c.name);
        if (!old) {
            added.append(&c);
            continue;
        }
        const auto changed = [&](Kind kind) {
            SchemaChange ch = change(kind, after.name, c.name);
            ch.columnBefore = *old;
            ch.columnAfter = c;
            diff.changes.append(ch);
        };
        if (old->normalizedType != c.normalizedType)
            changed(Kind::ChangeColumnType);
        if (old->nullable != c.nullable)
            changed(Kind::ChangeColumnNullability);
        if (old->defaultExpression != c.defaultExpression)
            changed(Kind::ChangeColumnDefault);
        if (old->identity != c.identity || (c.identity && !old->serial && !c.serial &&
                                            (old->identityAlways != c.identityAlways ||
                                             old->identityOptions != c.identityOptions)))
            changed(Kind::ChangeColumnIdentity);
        if (old->comment != c.comment)
            changed(Kind::ChangeColumnComment);
        if (old->collation != c.collation)
            changed(Kind::ChangeColumnCollation);
        if (old->generated != c.generated || old->generatedStored != c.generatedStored)
            changed(Kind::ChangeColumnGenerated);
    }
    for (const ColumnDef *c : dropped) {
        SchemaChange ch = change(Kind::DropColumn, before.name, c->name);
        ch.columnBefore = *c;
        diff.changes.append(ch);
    }
    for (const ColumnDef *c : added) {
        SchemaChange ch = change(Kind::AddColumn, after.name, c->name);
        ch.columnAfter = *c;
        diff.changes.append(ch);
    }
    // A dropped and an added column of the same type: maybe a rename. Each column is proposed
    // at most once.
    QSet<const ColumnDef *> used;
    for (const ColumnDef *d : dropped) {
        for (const ColumnDef *a : added) {
            if (!used.contains(a) && a->normalizedType == d->normalizedType) {
                diff.renameCandidates.append({after.name, d->name, a->name});
                used.insert(a);
                break;
            }
        }
    }
}

void compareTables(const TableDef &before, const TableDef &after, SchemaDiff &diff)
{
    if (before.comment != after.comment) {
        SchemaChange c = change(Kind::ChangeTableComment, after.name, after.name);
        c.tableBefore = TableDef{};
        c.tableBefore->name = before.name;
        c.tableBefore->comment = before.comment;
        c.tableAfter = TableDef{};
        c.tableAfter->name = after.name;
        c.tableAfter->comment = after.comment;
        diff.changes.append(c);
    }
    compareColumns(before, after, diff);
    if (before.primaryKey.columns != after.primaryKey.columns) {
        SchemaChange c = change(Kind::ChangePrimaryKey, after.name, after.primaryKey.name);
        c.primaryKeyBefore = before.primaryKey;
        c.primaryKeyAfter = after.primaryKey;
        diff.changes.append(c);
    }
    compareKeyed<IndexDef>(
        after.name, before.indexes, after.indexes, Kind::DropIndex, Kind::AddIndex, indexKey,
        [](const IndexDef &a, const IndexDef &b) {
            return indexDefinition(a) == indexDefinition(b);
        },
        [](SchemaChange &c, const IndexDef *b, const IndexDef *a) {
            if (b)
                c.indexBefore = *b;
            if (a)
                c.indexAfter = *a;
        },
        diff.changes);
    compareKeyed<UniqueConstraintDef>(
        after.name, before.uniqueConstraints, after.uniqueConstraints, Kind::DropUniqueConstraint,
        Kind::AddUniqueConstraint,
        [](const UniqueConstraintDef &u) { return u.columns.join(u','); },
        [](const UniqueConstraintDef &, const UniqueConstraintDef &) { return true; },
        [](SchemaChange &c, const UniqueConstraintDef *b, const UniqueConstraintDef *a) {
            if (b)
                c.uniqueBefore = *b;
            if (a)
                c.uniqueAfter = *a;
        },
        diff.changes);
    compareKeyed<ForeignKeyDef>(
        after.name, before.foreignKeys, after.foreignKeys, Kind::DropForeignKey,
        Kind::AddForeignKey, foreignKeyKey,
        [](const ForeignKeyDef &a, const ForeignKeyDef &b) {
            return a.onDelete == b.onDelete && a.onUpdate == b.onUpdate;
        },
        [](SchemaChange &c, const ForeignKeyDef *b, const ForeignKeyDef *a) {
            if (b)
                c.foreignKeyBefore = *b;
            if (a)
                c.foreignKeyAfter = *a;
        },
        diff.changes);
    compareKeyed<CheckConstraintDef>(
        after.name, before.checks, after.checks, Kind::DropCheck, Kind::AddCheck,
        [](const CheckConstraintDef &c) { return comparableExpression(c.expression); },
        [](const CheckConstraintDef &, const CheckConstraintDef &) { return true; },
        [](SchemaChange &c, const CheckConstraintDef *b, const CheckConstraintDef *a) {
            if (b)
                c.checkBefore = *b;
            if (a)
                c.checkAfter = *a;
        },
        diff.changes);
}

bool sameColumns(const TableDef &a, const TableDef &b)
{
    if (a.columns.size() != b.columns.size())
        return false;
    for (qsizetype i = 0; i < a.columns.size(); ++i) {
        if (a.columns.at(i).name != b.columns.at(i).name ||
            a.columns.at(i).normalizedType != b.columns.at(i).normalizedType)
            return false;
    }
    return true;
}

// Views, triggers, routines and sequences by key; a changed definition is one change (the
// writer decides between replacing in place and dropping and making it again).
void compareObjects(const Schema &current, const Schema &desired, SchemaDiff &diff)
{
    for (const SchemaObjectDef &o : desired.objects) {
        const SchemaObjectDef *old = current.object(o.key());
        if (old && old->comparable() == o.comparable() && old->type == o.type)
            continue;
        SchemaChange c = change(old ? changeObjectKind(o.type) : addObjectKind(o.type), o.table,
                                schemaObjectLabel(o));
        if (old)
            c.objectBefore = *old;
        c.objectAfter = o;
        diff.changes.append(c);
    }
    for (const SchemaObjectDef &o : current.objects) {
        if (desired.object(o.key()))
            continue;
        SchemaChange c = change(dropObjectKind(o.type), o.table, schemaObjectLabel(o));
        c.objectBefore = o;
        diff.changes.append(c);
    }
}

} // namespace

SchemaDiff compareSchemas(const Schema &current, const Schema &desired)
{
    SchemaDiff diff;
    for (const EnumTypeDef &e : desired.enums) {
        const auto old = std::find_if(current.enums.cbegin(), current.enums.cend(),
                                      [&](const EnumTypeDef &o) { return o.name == e.name; });
        if (old == current.enums.cend()) {
            SchemaChange c = change(Kind::AddEnum, QString(), e.name);
            c.enumAfter = e;
            diff.changes.append(c);
        } else if (old->values != e.values) {
            SchemaChange c = change(Kind::ChangeEnumValues, QString(), e.name);
            c.enumBefore = *old;
            c.enumAfter = e;
            diff.changes.append(c);
        }
    }

    QList<const TableDef *> dropped, added;
    for (const TableDef &t : current.tables) {
        if (!desired.table(t.name))
            dropped.append(&t);
    }
    for (const TableDef &t : desired.tables) {
        if (const TableDef *old = current.table(t.name))
            compareTables(*old, t, diff);
        else
            added.append(&t);
    }
    for (const TableDef *t : added) {
        SchemaChange c = change(Kind::AddTable, t->name, t->name);
        c.tableAfter = *t;
        diff.changes.append(c);
    }
    for (const TableDef *t : dropped) {
        SchemaChange c = change(Kind::DropTable, t->name, t->name);
        c.tableBefore = *t;
        diff.changes.append(c);
    }
    for (const TableDef *d : dropped) {
        for (const TableDef *a : added) {
            if (sameColumns(*d, *a)) {
                diff.renameCandidates.append({d->name, d->name, a->name});
                break;
            }
        }
    }

    for (const EnumTypeDef &e : current.enums) {
        const bool kept = std::any_of(desired.enums.cbegin(), desired.enums.cend(),
                                      [&](const EnumTypeDef &o) { return o.name == e.name; });
        if (!kept) {
            SchemaChange c = change(Kind::DropEnum, QString(), e.name);
            c.enumBefore = e;
            diff.changes.append(c);
        }
    }
    compareObjects(current, desired, diff);
    return diff;
}

} // namespace tidemark
