#include "schemaobject.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace tidemark {

QString SchemaObjectDef::key() const
{
    switch (type) {
    case Type::View:
    case Type::MaterializedView:
        return u"view:" + name; // a view that becomes materialized is a change, not two objects
    case Type::Trigger:
        return u"trigger:" + table + u'.' + name;
    case Type::Routine:
        return u"routine:" + routineKind + u':' + name + u'(' + arguments + u')';
    case Type::Sequence:
        return u"sequence:" + name;
    }
    return name;
}

QString SchemaObjectDef::comparable() const
{
    QString text = definition.trimmed();
    for (const QString &index : indexes)
        text += u'\n' + index;
    if (!ownedBy.isEmpty())
        text += QStringLiteral("\nowned by ") + ownedBy;
    return text;
}

QString schemaObjectTypeName(const SchemaObjectDef &object)
{
    using Type = SchemaObjectDef::Type;
    switch (object.type) {
    case Type::View:
        return QStringLiteral("view");
    case Type::MaterializedView:
        return QStringLiteral("materialized view");
    case Type::Trigger:
        return QStringLiteral("trigger");
    case Type::Routine:
        return object.routineKind.toLower();
    case Type::Sequence:
        return QStringLiteral("sequence");
    }
    return {};
}

QString schemaObjectLabel(const SchemaObjectDef &object)
{
    if (object.type == SchemaObjectDef::Type::Trigger)
        return object.table + u'.' + object.name;
    if (object.type == SchemaObjectDef::Type::Routine)
        return object.name + u'(' + object.arguments + u')';
    return object.name;
}

namespace {

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'$';
}

} // namespace

QStringList mentionedNames(const QString &text, const QStringList &candidates,
                           bool backslashEscapes)
{
    QHash<QString, QString> byLowerName;
    for (const QString &c : candidates)
        byLowerName.insert(c.toLower(), c);
    QSet<QString> found;
    const auto consider = [&](const QString &word, bool quoted) {
        // Quoted names keep their case; bare words fold (all three databases compare table
        // names case-insensitively for bare words, or store them as written).
        if (quoted && candidates.contains(word))
            found.insert(word);
        else if (const QString name = byLowerName.value(word.toLower()); !name.isEmpty())
            found.insert(name);
    };
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = text[i];
        if (c == u'\'') { // a string: skip it, its words are no names
            for (++i; i < n; ++i) {
                if (backslashEscapes && text[i] == u'\\') {
                    ++i;
                    continue;
                }
                if (text[i] == u'\'') {
                    if (i + 1 < n && text[i + 1] == u'\'') {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
            ++i;
        } else if (c == u'"' || c == u'`' || c == u'[') {
            const QChar close = c == u'[' ? QChar(u']') : c;
            QString word;
            for (++i; i < n; ++i) {
                if (text[i] == close) {
                    if (close != u']' && i + 1 < n && text[i + 1] == close) {
                        word += close;
                        ++i;
                        continue;
                    }
                    break;
                }
                word += text[i];
            }
            ++i;
            consider(word, true);
        } else if (isWordChar(c)) {
            const qsizetype begin = i;
            while (i < n && isWordChar(text[i]))
                ++i;
            consider(text.mid(begin, i - begin), false);
        } else {
            ++i;
        }
    }
    QStringList names(found.cbegin(), found.cend());
    std::sort(names.begin(), names.end());
    return names;
}

QList<const SchemaObjectDef *> dependencyOrder(const QList<const SchemaObjectDef *> &objects)
{
    QList<const SchemaObjectDef *> pending = objects;
    std::sort(
        pending.begin(), pending.end(),
        [](const SchemaObjectDef *a, const SchemaObjectDef *b) { return a->key() < b->key(); });
    QList<const SchemaObjectDef *> order;
    while (!pending.isEmpty()) {
        QSet<QString> waiting;
        for (const SchemaObjectDef *o : std::as_const(pending))
            waiting.insert(o->name);
        qsizetype ready = 0;
        for (; ready < pending.size(); ++ready) {
            const SchemaObjectDef *o = pending.at(ready);
            const bool blocked =
                std::any_of(o->uses.cbegin(), o->uses.cend(),
                            [&](const QString &u) { return u != o->name && waiting.contains(u); });
            if (!blocked)
                break;
        }
        if (ready == pending.size())
            ready = 0; // a cycle: take the first by name
        order.append(pending.takeAt(ready));
    }
    return order;
}

} // namespace tidemark
