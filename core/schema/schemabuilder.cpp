#include "schemabuilder.h"

#include <algorithm>

namespace tidemark {

TableDef *SchemaBuilder::tableFor(const QString &name)
{
    if (isToolTable(name))
        return nullptr;
    const auto found = m_index.constFind(name);
    if (found != m_index.constEnd())
        return &m_schema.tables[*found];
    m_index.insert(name, m_schema.tables.size());
    m_schema.tables.append(TableDef{});
    m_schema.tables.last().name = name;
    return &m_schema.tables.last();
}

TableDef *SchemaBuilder::find(const QString &name)
{
    const qsizetype index = indexOf(name);
    return index < 0 ? nullptr : &m_schema.tables[index];
}

void SchemaBuilder::findUsesInDefinitions(bool backslashEscapes)
{
    QStringList names;
    for (const TableDef &t : m_schema.tables)
        names.append(t.name);
    for (const SchemaObjectDef &o : m_schema.objects) {
        if (o.isViewLike() || o.type == SchemaObjectDef::Type::Routine)
            names.append(o.name);
    }
    for (SchemaObjectDef &o : m_schema.objects) {
        if (o.type == SchemaObjectDef::Type::Sequence)
            continue;
        o.uses += mentionedNames(o.definition, names, backslashEscapes); // after what it knew
        o.uses.removeDuplicates();
        o.uses.removeAll(o.name);
    }
}

Schema SchemaBuilder::finish()
{
    std::sort(m_schema.objects.begin(), m_schema.objects.end(),
              [](const SchemaObjectDef &a, const SchemaObjectDef &b) { return a.key() < b.key(); });
    std::sort(m_schema.tables.begin(), m_schema.tables.end(),
              [](const TableDef &a, const TableDef &b) { return a.name < b.name; });
    m_index.clear();
    return std::move(m_schema);
}

} // namespace tidemark
