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

Schema SchemaBuilder::finish()
{
    std::sort(m_schema.tables.begin(), m_schema.tables.end(),
              [](const TableDef &a, const TableDef &b) { return a.name < b.name; });
    m_index.clear();
    return std::move(m_schema);
}

} // namespace tidemark
