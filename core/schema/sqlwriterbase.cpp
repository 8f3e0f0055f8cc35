#include "sqlwriterbase.h"

#include "schema/columnreadd.h"

#include "schema/identifiers.h"
#include "schema/objectplan.h"
#include "schema/schemaedit.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace tidemark {

namespace {

using Kind = SchemaChange::Kind;

bool isRename(const SchemaChange &c)
{
    return c.kind == Kind::RenameTable || c.kind == Kind::RenameColumn;
}

bool isColumnChange(Kind kind)
{
    return kind == Kind::ChangeColumnType || kind == Kind::ChangeColumnNullability ||
           kind == Kind::ChangeColumnDefault || kind == Kind::ChangeColumnIdentity ||
           kind == Kind::ChangeColumnComment || kind == Kind::ChangeColumnCollation ||
           kind == Kind::ChangeColumnGenerated;
}

// Tables in an order where each comes after the tables it references (among `tables`; self
// references and references to other tables do not count). A cycle is broken at the first
// table by name; its foreign keys to tables not yet placed are returned in `deferred`.
QStringList foreignKeyOrder(const QList<const TableDef *> &tables,
                            QList<QPair<QString, ForeignKeyDef>> *deferred)
{
    QHash<QString, const TableDef *> pending;
    for (const TableDef *t : tables)
        pending.insert(t->name, t);
    QStringList order;
    QStringList names = pending.keys();
    std::sort(names.begin(), names.end());
    while (!names.isEmpty()) {
        bool placed = false;
        for (qsizetype i = 0; i < names.size(); ++i) {
            const TableDef *t = pending.value(names.at(i));
            const bool ready = std::none_of(
                t->foreignKeys.cbegin(), t->foreignKeys.cend(), [&](const ForeignKeyDef &k) {
                    return k.referencedTable != t->name && pending.contains(k.referencedTable);
                });
            if (ready) {
                order.append(t->name);
                pending.remove(t->name);
                names.removeAt(i);
                placed = true;
                break;
            }
        }
        if (placed)
            continue;
        // A cycle: place the first table and close its open references afterwards.
        const TableDef *t = pending.value(names.first());
        for (const ForeignKeyDef &k : t->foreignKeys) {
            if (k.referencedTable != t->name && pending.contains(k.referencedTable))
                deferred->append({t->name, k});
        }
        order.append(t->name);
        pending.remove(t->name);
        names.removeFirst();
    }
    return order;
}

bool sameForeignKey(const ForeignKeyDef &a, const ForeignKeyDef &b)
{
    return a.columns == b.columns && a.referencedTable == b.referencedTable &&
           a.referencedColumns == b.referencedColumns;
}

} // namespace

QString SqlWriterBase::name(const QString &identifier) const
{
    return sqlName(m_dialect, identifier);
}

QString SqlWriterBase::names(const QStringList &identifiers) const
{
    QStringList quoted;
    for (const QString &i : identifiers)
        quoted.append(name(i));
    return quoted.join(QStringLiteral(", "));
}

QString SqlWriterBase::stringLiteral(const QString &text) const
{
    return sqlString(m_dialect, text);
}

QString SqlWriterBase::defaultSql(const ColumnDef &column) const
{
    return column.defaultExpression;
}

QString SqlWriterBase::columnSql(const TableDef &table, const ColumnDef &column) const
{
    Q_UNUSED(table)
    QString sql = name(column.name);
    if (const QString type = typeSql(column); !type.isEmpty())
        sql += u' ' + type;
    if (!column.collation.isEmpty())
        sql += QStringLiteral(" COLLATE ") + name(column.collation);
    if (!column.generated.isEmpty())
        sql += QStringLiteral(" GENERATED ALWAYS AS (%1) %2")
                   .arg(column.generated, column.generatedStored ? QStringLiteral("STORED")
                                                                 : QStringLiteral("VIRTUAL"));
    if (!column.nullable)
        sql += QStringLiteral(" NOT NULL");
    if (const QString d = defaultSql(column);
        !d.isEmpty() && !column.identity && column.generated.isEmpty())
        sql += QStringLiteral(" DEFAULT ") + d;
    if (column.identity)
        sql += u' ' + identitySql(column);
    return sql;
}

QString SqlWriterBase::primaryKeyClause(const TableDef &table) const
{
    QString clause;
    if (!table.primaryKey.name.isEmpty())
        clause = QStringLiteral("CONSTRAINT %1 ").arg(name(table.primaryKey.name));
    return clause + QStringLiteral("PRIMARY KEY (%1)").arg(names(table.primaryKey.columns));
}

QString SqlWriterBase::foreignKeyClause(const ForeignKeyDef &key) const
{
    QString clause;
    if (!key.name.isEmpty())
        clause = QStringLiteral("CONSTRAINT %1 ").arg(name(key.name));
    clause += QStringLiteral("FOREIGN KEY (%1) REFERENCES %2 (%3)")
                  .arg(names(key.columns), name(key.referencedTable), names(key.referencedColumns));
    if (key.onDelete != u"NO ACTION")
        clause += QStringLiteral(" ON DELETE ") + key.onDelete;
    if (key.onUpdate != u"NO ACTION")
        clause += QStringLiteral(" ON UPDATE ") + key.onUpdate;
    return clause;
}

QString SqlWriterBase::createTableSql(const TableDef &table,
                                      const QList<ForeignKeyDef> &inlineKeys) const
{
    QStringList lines;
    for (const ColumnDef &c : table.columns)
        lines.append(columnSql(table, c));
    if (const QString pk = table.primaryKey.isEmpty() ? QString() : primaryKeyClause(table);
        !pk.isEmpty())
        lines.append(pk);
    for (const UniqueConstraintDef &u : table.uniqueConstraints) {
        lines.append(
            (u.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT %1 ").arg(name(u.name))) +
            QStringLiteral("UNIQUE (%1)").arg(names(u.columns)));
    }
    for (const ForeignKeyDef &k : inlineKeys)
        lines.append(foreignKeyClause(k));
    for (const CheckConstraintDef &c : table.checks) {
        lines.append(
            (c.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT %1 ").arg(name(c.name))) +
            QStringLiteral("CHECK (%1)").arg(c.expression));
    }
    return QStringLiteral("CREATE TABLE %1 (\n    %2\n)")
        .arg(name(table.name), lines.join(QStringLiteral(",\n    ")));
}

QString SqlWriterBase::dropTableSql(const QString &table) const
{
    return QStringLiteral("DROP TABLE %1").arg(name(table));
}

QString SqlWriterBase::indexPartSql(const IndexDef &index, qsizetype part) const
{
    return index.partIsExpression.value(part) ? index.parts.at(part) : name(index.parts.at(part));
}

QString SqlWriterBase::createIndexSql(const QString &table, const IndexDef &index) const
{
    QStringList parts;
    for (qsizetype i = 0; i < index.parts.size(); ++i) {
        const QString option = index.partOption(i);
        parts.append(option.isEmpty() ? indexPartSql(index, i)
                                      : indexPartSql(index, i) + u' ' + option);
    }
    QString sql = QStringLiteral("CREATE %1INDEX %2 ON %3 (%4)")
                      .arg(index.unique ? QStringLiteral("UNIQUE ") : QString(), name(index.name),
                           name(table), parts.join(QStringLiteral(", ")));
    if (!index.include.isEmpty())
        sql += QStringLiteral(" INCLUDE (%1)").arg(names(index.include));
    if (!index.where.isEmpty())
        sql += QStringLiteral(" WHERE ") + index.where;
    return sql;
}

QString SqlWriterBase::addUniqueSql(const QString &table, const UniqueConstraintDef &u) const
{
    return QStringLiteral("ALTER TABLE %1 ADD %2UNIQUE (%3)")
        .arg(name(table),
             u.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT %1 ").arg(name(u.name)),
             names(u.columns));
}

QString SqlWriterBase::dropUniqueSql(const QString &table, const UniqueConstraintDef &u) const
{
    return QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(name(table), name(u.name));
}

QString SqlWriterBase::addCheckSql(const QString &table, const CheckConstraintDef &c) const
{
    return QStringLiteral("ALTER TABLE %1 ADD %2CHECK (%3)")
        .arg(name(table),
             c.name.isEmpty() ? QString() : QStringLiteral("CONSTRAINT %1 ").arg(name(c.name)),
             c.expression);
}

QString SqlWriterBase::dropCheckSql(const QString &table, const CheckConstraintDef &c) const
{
    return QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(name(table), name(c.name));
}

QString SqlWriterBase::addForeignKeySql(const QString &table, const ForeignKeyDef &key) const
{
    return QStringLiteral("ALTER TABLE %1 ADD %2").arg(name(table), foreignKeyClause(key));
}

QStringList SqlWriterBase::dropForeignKeySql(const TableDef &table, const ForeignKeyDef &key) const
{
    return {
        QStringLiteral("ALTER TABLE %1 DROP CONSTRAINT %2").arg(name(table.name), name(key.name))};
}

QStringList SqlWriterBase::addColumnSql(const TableDef &to, const ColumnDef &column) const
{
    return {
        QStringLiteral("ALTER TABLE %1 ADD COLUMN %2").arg(name(to.name), columnSql(to, column))};
}

QString SqlWriterBase::dropColumnSql(const QString &table, const QString &column) const
{
    return QStringLiteral("ALTER TABLE %1 DROP COLUMN %2").arg(name(table), name(column));
}

QStringList SqlWriterBase::addPrimaryKeySql(const TableDef &to) const
{
    return {QStringLiteral("ALTER TABLE %1 ADD %2").arg(name(to.name), primaryKeyClause(to))};
}

QString SqlWriterBase::renameTableSql(const QString &from, const QString &to) const
{
    return QStringLiteral("ALTER TABLE %1 RENAME TO %2").arg(name(from), name(to));
}

QString SqlWriterBase::renameColumnSql(const QString &table, const QString &from,
                                       const QString &to) const
{
    return QStringLiteral("ALTER TABLE %1 RENAME COLUMN %2 TO %3")
        .arg(name(table), name(from), name(to));
}

QString SqlWriterBase::renameSql(const SchemaChange &rename) const
{
    return rename.kind == Kind::RenameTable
               ? renameTableSql(rename.tableBefore->name, rename.tableAfter->name)
               : renameColumnSql(rename.table, rename.columnBefore->name, rename.columnAfter->name);
}

QStringList SqlWriterBase::createObjectSql(const SchemaObjectDef &object) const
{
    return QStringList{object.definition} + object.indexes;
}

QStringList SqlWriterBase::dropObjectSql(const SchemaObjectDef &object) const
{
    using Type = SchemaObjectDef::Type;
    switch (object.type) {
    case Type::View:
        return {QStringLiteral("DROP VIEW ") + name(object.name)};
    case Type::MaterializedView:
        return {QStringLiteral("DROP MATERIALIZED VIEW ") + name(object.name)};
    case Type::Trigger:
        return {QStringLiteral("DROP TRIGGER ") + name(object.name)};
    case Type::Routine:
        return {QStringLiteral("DROP %1 %2").arg(object.routineKind, name(object.name))};
    case Type::Sequence:
        return {QStringLiteral("DROP SEQUENCE ") + name(object.name)};
    }
    return {};
}

MigrationSql SqlWriterBase::write(const QList<SchemaChange> &changes, const Schema &current,
                                  const Schema &desired) const
{
    Q_UNUSED(desired) // the target of the chosen changes is computed: they may be a subset
    QList<SchemaChange> renames, others;
    for (const SchemaChange &c : changes)
        (isRename(c) ? renames : others).append(c);
    const Schema renamed = applyChanges(current, renames);
    const Schema applied = applyChanges(renamed, others);

    MigrationSql sql;
    bool upgradeWrap = false, rollbackWrap = false;
    for (const SchemaChange &c : renames)
        sql.upgrade.append(renameSql(c));
    qsizetype objectsAt = 0;
    sql.upgrade += statements(others, renamed, applied, &sql.notes, &upgradeWrap, &objectsAt);
    sql.upgrade = wrap(sql.upgrade, upgradeWrap);

    QList<SchemaChange> reversed;
    for (auto it = others.crbegin(); it != others.crend(); ++it)
        reversed.append(it->reversed());
    QStringList ignoredNotes;
    sql.rollback = statements(reversed, applied, renamed, &ignoredNotes, &rollbackWrap, &objectsAt);
    // The tables get their old names back before the views, triggers and routines of the
    // schema before are made: their definitions name the tables so.
    QStringList renamesBack;
    for (auto it = renames.crbegin(); it != renames.crend(); ++it)
        renamesBack.append(renameSql(it->reversed()));
    sql.rollback = sql.rollback.mid(0, objectsAt) + renamesBack + sql.rollback.mid(objectsAt);
    sql.rollback = wrap(sql.rollback, rollbackWrap);
    if (!sql.upgrade.isEmpty())
        sql.notes += dialectNotes();
    return sql;
}

QStringList SqlWriterBase::statements(const QList<SchemaChange> &changes, const Schema &from,
                                      const Schema &to, QStringList *notes, bool *rebuildsOrDrops,
                                      qsizetype *objectsAt) const
{
    // Changes by table; tables that the dialect rebuilds take all their changes along.
    QHash<QString, QList<const SchemaChange *>> byTable;
    for (const SchemaChange &c : changes) {
        if (!c.table.isEmpty() && c.kind != Kind::AddTable && c.kind != Kind::DropTable)
            byTable[c.table].append(&c);
    }
    QSet<QString> rebuilt;
    for (auto it = byTable.cbegin(); it != byTable.cend(); ++it) {
        if (needsRebuild(it.value()))
            rebuilt.insert(it.key());
    }
    const auto handledByRebuild = [&](const SchemaChange &c) { return rebuilt.contains(c.table); };

    // Tables whose views and triggers must go first and come back afterwards.
    QSet<QString> breakingTables = rebuilt;
    QStringList remadeTypes;
    for (const SchemaChange &c : changes) {
        if (c.kind == Kind::DropTable || c.kind == Kind::DropColumn ||
            c.kind == Kind::ChangeColumnType || c.kind == Kind::ChangeColumnCollation ||
            c.kind == Kind::ChangeColumnGenerated)
            breakingTables.insert(c.table);
        // An enum that loses or reorders values is made anew and its columns retyped.
        if (c.kind == Kind::ChangeEnumValues &&
            c.enumAfter->values.mid(0, c.enumBefore->values.size()) != c.enumBefore->values) {
            remadeTypes.append(c.object);
            for (const TableDef &t : from.tables) {
                if (std::any_of(t.columns.cbegin(), t.columns.cend(),
                                [&](const ColumnDef &col) { return col.enumType == c.object; }))
                    breakingTables.insert(t.name);
            }
        }
    }
    const ObjectPlan objects =
        planObjects(changes, from, to, breakingTables, remadeTypes,
                    [this](const SchemaObjectDef &a, const SchemaObjectDef &b) {
                        return !replaceObjectSql(a, b).isEmpty();
                    });
    const auto objectStep = [this](const ObjectStep &step) {
        if (step.inPlace)
            return replaceObjectSql(*step.from, *step.to);
        // A view made (again) gets the grants it had and the ones it is meant to have.
        QStringList out = createObjectSql(*step.to);
        QStringList grants = step.from ? step.from->grants : QStringList();
        grants += step.to->grants;
        grants.removeDuplicates();
        return out + grants;
    };
    for (const QString &remade : objects.remade)
        notes->append(QStringLiteral("%1 is dropped and made again around the change of the "
                                     "tables it reads")
                          .arg(remade));

    QStringList out;
    bool drops = false;

    // 0. Triggers and views that go or are made again; what dropped routines let go of.
    for (const SchemaObjectDef *o : objects.dropFirst)
        out += dropObjectSql(*o);
    for (const SchemaObjectDef *o : objects.releaseFirst)
        out += releaseObjectSql(*o);

    // 1. Enum types that tables will use.
    for (const SchemaChange &c : changes) {
        if (c.kind == Kind::AddEnum)
            out += createEnumSql(*c.enumAfter);
        else if (c.kind == Kind::ChangeEnumValues)
            out += changeEnumSql(*c.enumBefore, *c.enumAfter, from);
    }
    // Sequences, and routines that table expressions call.
    for (const ObjectStep &step : objects.beforeTables)
        out += objectStep(step);

    // Tables dropped and created, each in foreign-key order.
    QList<const TableDef *> droppedTables, createdTables;
    for (const SchemaChange &c : changes) {
        if (c.kind == Kind::DropTable)
            droppedTables.append(&*c.tableBefore);
        else if (c.kind == Kind::AddTable)
            createdTables.append(&*c.tableAfter);
    }
    QList<QPair<QString, ForeignKeyDef>> dropCycle, createCycle;
    QStringList dropOrder = foreignKeyOrder(droppedTables, &dropCycle);
    std::reverse(dropOrder.begin(), dropOrder.end());
    const QStringList createOrder = foreignKeyOrder(createdTables, &createCycle);
    if (inlineForwardReferences())
        dropCycle.clear();

    // 2. Foreign keys that go, so that the tables and columns they hold on to can go too.
    for (const auto &[table, key] : std::as_const(dropCycle))
        out += dropForeignKeySql(*from.table(table), key);
    for (const SchemaChange &c : changes) {
        if (c.kind == Kind::DropForeignKey && !handledByRebuild(c))
            out += dropForeignKeySql(*from.table(c.table), *c.foreignKeyBefore);
    }
    // 3. Indexes, unique and check constraints that go.
    for (const SchemaChange &c : changes) {
        if (handledByRebuild(c))
            continue;
        if (c.kind == Kind::DropIndex)
            out.append(dropTableIndexSql(*from.table(c.table), to.table(c.table), *c.indexBefore));
        else if (c.kind == Kind::DropUniqueConstraint)
            out.append(dropUniqueSql(c.table, *c.uniqueBefore));
        else if (c.kind == Kind::DropCheck)
            out.append(dropCheckSql(c.table, *c.checkBefore));
    }
    // 4. Tables that go, referencing ones first.
    for (const QString &table : std::as_const(dropOrder)) {
        out.append(dropTableSql(table));
        drops = true;
    }
    // 5. New tables, referenced ones first; indexes with their table.
    for (const QString &tableName : createOrder) {
        const TableDef &table = *to.table(tableName);
        QList<ForeignKeyDef> inlineKeys;
        for (const ForeignKeyDef &k : table.foreignKeys) {
            const bool deferred =
                std::any_of(createCycle.cbegin(), createCycle.cend(), [&](const auto &entry) {
                    return entry.first == tableName && sameForeignKey(entry.second, k);
                });
            if (!deferred || inlineForwardReferences())
                inlineKeys.append(k);
        }
        out.append(createTableSql(table, inlineKeys));
        out += tableCommentsSql(table);
        for (const IndexDef &i : table.indexes)
            out.append(createIndexSql(tableName, i));
    }
    if (inlineForwardReferences())
        createCycle.clear();

    // 6. Column and primary-key changes, per table in name order; rebuilds.
    QStringList changedTables = byTable.keys();
    std::sort(changedTables.begin(), changedTables.end());
    for (const QString &tableName : std::as_const(changedTables)) {
        const TableDef *before = from.table(tableName);
        const TableDef *after = to.table(tableName);
        if (!before || !after)
            continue;
        if (rebuilt.contains(tableName)) {
            out += rebuildSql(*before, *after);
            notes->append(QStringLiteral("%1 is rebuilt (created anew, rows copied, swapped): "
                                         "SQLite's ALTER TABLE cannot make these changes")
                              .arg(tableName));
            continue;
        }
        const QList<const SchemaChange *> &tableChanges = byTable.value(tableName);
        const auto has = [&](Kind kind) {
            return std::any_of(tableChanges.cbegin(), tableChanges.cend(),
                               [&](const SchemaChange *c) { return c->kind == kind; });
        };
        if (has(Kind::ChangePrimaryKey) && !before->primaryKey.isEmpty())
            out += dropPrimaryKeySql(*before);
        // Added columns in the order of the final table.
        for (const ColumnDef &column : after->columns) {
            const bool added =
                std::any_of(tableChanges.cbegin(), tableChanges.cend(), [&](const SchemaChange *c) {
                    return c->kind == Kind::AddColumn && c->object == column.name;
                });
            if (added)
                out += addColumnSql(*after, column);
        }
        QStringList altered; // each column once, with all its changes
        for (const SchemaChange *c : tableChanges) {
            if (isColumnChange(c->kind) && !altered.contains(c->object))
                altered.append(c->object);
        }
        // Columns dropped and added again: what stays of their indexes and constraints goes
        // first and comes back after them.
        const ColumnReadd readd = planColumnReadd(
            *before, *after, altered,
            [this](const ColumnDef &from, const ColumnDef &to) { return readdsColumn(from, to); },
            retypeBreaksGeneratedColumns());
        for (const IndexDef *i : readd.indexes)
            out.append(dropTableIndexSql(*before, after, *i));
        for (const UniqueConstraintDef *u : readd.uniques)
            out.append(dropUniqueSql(tableName, *u));
        for (const CheckConstraintDef *c : readd.checks)
            out.append(dropCheckSql(tableName, *c));
        for (const QString &columnName : readd.around) {
            out.append(dropColumnSql(tableName, columnName));
            notes->append(QStringLiteral("%1.%2 is dropped and added again around the change of "
                                         "a column its expression reads")
                              .arg(tableName, columnName));
        }
        for (const QString &columnName : std::as_const(altered)) {
            const ColumnDef *old = before->column(columnName);
            const ColumnDef *now = after->column(columnName);
            if (old && now && !readd.around.contains(columnName))
                out += alterColumnSql(*after, *old, *now);
        }
        for (const QString &columnName : readd.around)
            out += addColumnSql(*after, *after->column(columnName));
        for (const IndexDef *i : readd.indexes)
            out.append(createIndexSql(tableName, *i));
        for (const UniqueConstraintDef *u : readd.uniques)
            out.append(addUniqueSql(tableName, *u));
        for (const CheckConstraintDef *c : readd.checks)
            out.append(addCheckSql(tableName, *c));
        for (const SchemaChange *c : tableChanges) {
            if (c->kind == Kind::DropColumn)
                out.append(dropColumnSql(tableName, c->object));
        }
        if (has(Kind::ChangePrimaryKey) && !after->primaryKey.isEmpty())
            out += addPrimaryKeySql(*after);
        if (has(Kind::ChangeTableComment))
            out += tableCommentSql(*after);
    }

    // 7. Unique and check constraints and indexes that come.
    for (const SchemaChange &c : changes) {
        if (handledByRebuild(c))
            continue;
        if (c.kind == Kind::AddUniqueConstraint)
            out.append(addUniqueSql(c.table, *c.uniqueAfter));
        else if (c.kind == Kind::AddCheck)
            out.append(addCheckSql(c.table, *c.checkAfter));
        else if (c.kind == Kind::AddIndex)
            out.append(createIndexSql(c.table, *c.indexAfter));
    }
    // 8. Foreign keys that come, and the ones that close a cycle of new tables.
    for (const SchemaChange &c : changes) {
        if (c.kind == Kind::AddForeignKey && !handledByRebuild(c))
            out.append(addForeignKeySql(c.table, *c.foreignKeyAfter));
    }
    for (const auto &[table, key] : std::as_const(createCycle))
        out.append(addForeignKeySql(table, key));
    // 9. Sequence ownership; the other routines, views and triggers; then the routines and
    // sequences that go.
    for (const ObjectStep &step : objects.beforeTables)
        out += afterTablesSql(step.from, *step.to);
    *objectsAt = out.size();
    for (const ObjectStep &step : objects.afterTables)
        out += objectStep(step) + afterTablesSql(step.from, *step.to);
    for (const SchemaObjectDef *o : objects.dropLast)
        out += dropObjectSql(*o);
    // 10. Enum types no table uses any more.
    for (const SchemaChange &c : changes) {
        if (c.kind == Kind::DropEnum)
            out += dropEnumSql(*c.enumBefore);
    }
    *rebuildsOrDrops = !rebuilt.isEmpty() || drops;
    return out;
}

} // namespace tidemark
