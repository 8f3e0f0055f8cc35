#include "objectplan.h"

#include <QHash>

#include <algorithm>

namespace tidemark {

namespace {

using Type = SchemaObjectDef::Type;

// The text of everything in the tables that can call a routine: defaults, generated columns,
// checks and index expressions and predicates.
QString tableExpressions(const Schema &schema)
{
    QStringList parts;
    for (const TableDef &t : schema.tables) {
        for (const ColumnDef &c : t.columns)
            parts += QStringList{c.defaultExpression, c.generated};
        for (const CheckConstraintDef &c : t.checks)
            parts.append(c.expression);
        for (const IndexDef &i : t.indexes) {
            parts += i.parts;
            parts.append(i.where);
        }
    }
    return parts.join(u' ');
}

bool readsSomethingGone(const SchemaObjectDef &o, const QSet<QString> &breakingTables,
                        const QSet<QString> &goneNames, const QStringList &remadeTypes)
{
    if (o.type == Type::Sequence)
        return false;
    // A routine is bound to the types of its signature only (its body names a type by name
    // when it runs); a view or trigger to every type it mentions.
    const QString boundText =
        o.type == Type::Routine ? o.arguments + u' ' + o.returns : o.definition;
    if (!remadeTypes.isEmpty() && !mentionedNames(boundText, remadeTypes).isEmpty())
        return true;
    // A routine's body is not bound to the tables and views it reads (PostgreSQL checks it
    // when it runs, MariaDB too), so only its types hold it.
    if (o.type == Type::Routine)
        return false;
    if (o.type == Type::Trigger && breakingTables.contains(o.table))
        return true;
    return std::any_of(o.uses.cbegin(), o.uses.cend(),
                       [&](const QString &u) { return u != o.name && goneNames.contains(u); });
}

QList<const SchemaObjectDef *> ofType(const QHash<QString, const SchemaObjectDef *> &objects,
                                      bool (*wanted)(const SchemaObjectDef &))
{
    QList<const SchemaObjectDef *> found;
    for (const SchemaObjectDef *o : objects) {
        if (wanted(*o))
            found.append(o);
    }
    std::sort(found.begin(), found.end(), [](const SchemaObjectDef *a, const SchemaObjectDef *b) {
        return a->key() < b->key();
    });
    return found;
}

bool isView(const SchemaObjectDef &o)
{
    return o.isViewLike();
}
bool isTrigger(const SchemaObjectDef &o)
{
    return o.type == Type::Trigger;
}
bool isRoutine(const SchemaObjectDef &o)
{
    return o.type == Type::Routine;
}
bool isSequence(const SchemaObjectDef &o)
{
    return o.type == Type::Sequence;
}

} // namespace

ObjectPlan planObjects(const QList<SchemaChange> &changes, const Schema &from, const Schema &to,
                       const QSet<QString> &breakingTables, const QStringList &remadeTypes,
                       const CanReplace &canReplace)
{
    QHash<QString, const SchemaObjectDef *> dropping, making;
    QHash<QString, ObjectStep> replacing;
    for (const SchemaChange &c : changes) {
        if (!c.isObjectChange())
            continue;
        const SchemaObjectDef *before = c.objectBefore ? &*c.objectBefore : nullptr;
        const SchemaObjectDef *after = c.objectAfter ? &*c.objectAfter : nullptr;
        if (before && after && before->type == after->type && canReplace(*before, *after)) {
            replacing.insert(after->key(), ObjectStep{before, after, true});
            continue;
        }
        if (before)
            dropping.insert(before->key(), before);
        if (after)
            making.insert(after->key(), after);
    }

    ObjectPlan plan;
    // Views and triggers that read what goes or breaks go first too, and come back after; so do
    // routines that name a type made anew, even when they go for good.
    QSet<QString> goneNames = breakingTables;
    for (const SchemaObjectDef *o : std::as_const(dropping))
        goneNames.insert(o->name);
    QSet<QString> goFirst;
    for (bool grew = true; grew;) {
        grew = false;
        for (const SchemaObjectDef &o : from.objects) {
            const QString key = o.key();
            if (goFirst.contains(key) ||
                !readsSomethingGone(o, breakingTables, goneNames, remadeTypes))
                continue;
            goFirst.insert(key);
            if (dropping.contains(key))
                continue;
            dropping.insert(key, &o);
            goneNames.insert(o.name);
            grew = true;
            if (replacing.contains(key)) {
                making.insert(key, replacing.take(key).to);
            } else if (const SchemaObjectDef *again = to.object(key);
                       again && !making.contains(key)) {
                making.insert(key, again);
                plan.remade.append(schemaObjectTypeName(o) + u' ' + schemaObjectLabel(o));
            }
        }
    }

    // First: triggers, then views with those that use others before them, then what is made
    // again.
    plan.dropFirst = ofType(dropping, isTrigger);
    QList<const SchemaObjectDef *> views = dependencyOrder(ofType(dropping, isView));
    std::reverse(views.begin(), views.end());
    plan.dropFirst += views;
    for (const SchemaObjectDef *o : ofType(dropping, isRoutine) + ofType(dropping, isSequence)) {
        if (making.contains(o->key()) || goFirst.contains(o->key()))
            plan.dropFirst.append(o);
        else
            plan.dropLast.append(o);
    }
    plan.releaseFirst = plan.dropLast;
    // A sequence that keeps living but leaves its owner: its table or column may go below, and
    // would take the sequence along.
    for (const ObjectStep &r : std::as_const(replacing)) {
        if (r.from->type == Type::Sequence && !r.from->ownedBy.isEmpty() &&
            r.from->ownedBy != r.to->ownedBy)
            plan.releaseFirst.append(r.from);
    }

    // What is made or changed in place, by type.
    const auto steps = [&](bool (*wanted)(const SchemaObjectDef &)) {
        QList<ObjectStep> out;
        QList<const SchemaObjectDef *> targets = ofType(making, wanted);
        for (const ObjectStep &r : std::as_const(replacing)) {
            if (wanted(*r.to))
                targets.append(r.to);
        }
        for (const SchemaObjectDef *o : dependencyOrder(targets)) {
            if (replacing.contains(o->key()))
                out.append(replacing.value(o->key()));
            else
                out.append(ObjectStep{dropping.value(o->key()), o, false});
        }
        return out;
    };
    plan.beforeTables = steps(isSequence);
    const QStringList routineNames = [&] {
        QStringList names;
        for (const SchemaObjectDef &o : to.objects) {
            if (o.type == Type::Routine)
                names.append(o.name);
        }
        return names;
    }();
    const QStringList calledByTables = mentionedNames(tableExpressions(to), routineNames);
    for (const ObjectStep &step : steps(isRoutine))
        (calledByTables.contains(step.to->name) ? plan.beforeTables : plan.afterTables)
            .append(step);
    plan.afterTables += steps(isView);
    plan.afterTables += steps(isTrigger);
    return plan;
}

} // namespace tidemark
