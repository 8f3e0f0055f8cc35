#pragma once

#include "schema/schemachange.h"

#include <QSet>

#include <functional>

namespace tidemark {

// When a migration drops, makes and changes its views, triggers, routines and sequences,
// around the table statements (issue #12):
//   first:   triggers and views that go or are made again (dependents before what they use),
//            and routines that are dropped to be made again;
//   before the tables: sequences, the routines that table expressions call, and in-place
//            changes of both (a column default may call nextval() or a function);
//   after the tables: sequence ownership, the other routines, then views (each after what it
//            uses), then triggers;
//   last:    routines and sequences that go (their tables may have used them until now).
// A view or trigger that reads a table the migration drops, rebuilds or changes a column of
// is dropped first and made again afterwards even when its own definition stays the same:
// PostgreSQL refuses the table change otherwise, and SQLite's DROP TABLE takes triggers along.
struct ObjectStep
{
    const SchemaObjectDef *from = nullptr; // before the change; null when it is new
    const SchemaObjectDef *to = nullptr;   // after it; null when it goes
    bool inPlace = false;                  // changed by replaceObjectSql()
};

struct ObjectPlan
{
    QList<const SchemaObjectDef *> dropFirst;
    QList<const SchemaObjectDef *> releaseFirst; // dropped last, but let go of their tables first
    QList<ObjectStep> beforeTables;
    QList<ObjectStep> afterTables;
    QList<const SchemaObjectDef *> dropLast;
    QStringList remade; // "view v", for the notes: made again unchanged around a table change
};

using CanReplace = std::function<bool(const SchemaObjectDef &, const SchemaObjectDef &)>;

// breakingTables: tables dropped, rebuilt, or with a column dropped or changed in type.
// remadeTypes: PostgreSQL enum types made anew (they lose or reorder values); the routines,
// views and triggers that name them are dropped first and made again afterwards, because the
// old type is renamed and then dropped.
ObjectPlan planObjects(const QList<SchemaChange> &changes, const Schema &from, const Schema &to,
                       const QSet<QString> &breakingTables, const QStringList &remadeTypes,
                       const CanReplace &canReplace);

} // namespace tidemark
