#include "columnreadd.h"

#include "schema/schemaobject.h"

#include <algorithm>

namespace tidemark {

namespace {

bool sameIndex(const IndexDef &a, const IndexDef &b)
{
    return a.name == b.name && a.parts == b.parts && a.partIsExpression == b.partIsExpression &&
           a.unique == b.unique && a.where == b.where && a.partOptions == b.partOptions &&
           a.include == b.include;
}

bool mentions(const QString &text, const QStringList &columns)
{
    return !mentionedNames(text, columns).isEmpty();
}

template <typename T, typename Same>
const T *findIn(const QList<T> &items, const T &wanted, Same same)
{
    const auto it = std::find_if(items.cbegin(), items.cend(),
                                 [&](const T &item) { return same(item, wanted); });
    return it == items.cend() ? nullptr : &*it;
}

} // namespace

ColumnReadd planColumnReadd(const TableDef &before, const TableDef &after,
                            const QStringList &altered, const ReaddsColumn &readds,
                            bool retypeBreaksGenerated)
{
    ColumnReadd plan;
    QStringList touched, retyped;
    for (const QString &name : altered) {
        const ColumnDef *old = before.column(name);
        const ColumnDef *now = after.column(name);
        if (!old || !now)
            continue;
        if (readds(*old, *now))
            touched.append(name);
        else if (old->normalizedType != now->normalizedType || old->collation != now->collation)
            retyped.append(name);
    }
    if (retypeBreaksGenerated && !retyped.isEmpty()) {
        for (const ColumnDef &column : after.columns) {
            const ColumnDef *old = before.column(column.name);
            if (old && !old->generated.isEmpty() && !column.generated.isEmpty() &&
                !touched.contains(column.name) && mentions(old->generated, retyped)) {
                plan.around.append(column.name);
                touched.append(column.name);
            }
        }
    }
    if (touched.isEmpty())
        return plan;
    for (const IndexDef &index : after.indexes) {
        if (mentions(index.parts.join(u' ') + u' ' + index.include.join(u' ') + u' ' + index.where,
                     touched) &&
            findIn(before.indexes, index, sameIndex))
            plan.indexes.append(&index);
    }
    for (const UniqueConstraintDef &unique : after.uniqueConstraints) {
        if (mentions(unique.columns.join(u' '), touched) &&
            findIn(before.uniqueConstraints, unique,
                   [](const UniqueConstraintDef &a, const UniqueConstraintDef &b) {
                       return a.name == b.name && a.columns == b.columns;
                   }))
            plan.uniques.append(&unique);
    }
    for (const CheckConstraintDef &check : after.checks) {
        if (mentions(check.expression, touched) &&
            findIn(before.checks, check,
                   [](const CheckConstraintDef &a, const CheckConstraintDef &b) {
                       return a.name == b.name && a.expression == b.expression;
                   }))
            plan.checks.append(&check);
    }
    return plan;
}

} // namespace tidemark
