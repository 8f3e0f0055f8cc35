#include "schemamodel.h"

namespace tidemark {

const ColumnDef *TableDef::column(const QString &name) const
{
    for (const ColumnDef &c : columns) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

const TableDef *Schema::table(const QString &name) const
{
    for (const TableDef &t : tables) {
        if (t.name == name)
            return &t;
    }
    return nullptr;
}

const SchemaObjectDef *Schema::object(const QString &key) const
{
    for (const SchemaObjectDef &o : objects) {
        if (o.key() == key)
            return &o;
    }
    return nullptr;
}

bool isToolTable(const QString &tableName)
{
    const QString lower = tableName.toLower();
    return lower.startsWith(u"jetbase_") || lower.startsWith(u"tidemark_");
}

namespace {

QString list(const QStringList &items)
{
    return u'(' + items.join(QStringLiteral(", ")) + u')';
}

} // namespace

QString describeSchema(const Schema &schema)
{
    QStringList lines;
    for (const EnumTypeDef &e : schema.enums)
        lines.append(QStringLiteral("enum %1 %2").arg(e.name, list(e.values)));
    for (const TableDef &t : schema.tables) {
        lines.append(QStringLiteral("table %1").arg(t.name));
        if (!t.comment.isEmpty())
            lines.append(QStringLiteral("  comment '%1'").arg(t.comment));
        for (const ColumnDef &c : t.columns) {
            QString line = QStringLiteral("  column %1 %2").arg(c.name, c.normalizedType);
            if (!c.nullable)
                line += QStringLiteral(" not null");
            if (!c.defaultExpression.isEmpty())
                line += QStringLiteral(" default ") + c.defaultExpression;
            if (c.identity)
                line += c.identityAlways ? QStringLiteral(" identity always")
                                         : QStringLiteral(" identity");
            if (!c.identityOptions.isEmpty())
                line += QStringLiteral(" (%1)").arg(c.identityOptions);
            if (!c.collation.isEmpty())
                line += QStringLiteral(" collate ") + c.collation;
            if (!c.generated.isEmpty())
                line += QStringLiteral(" generated (%1) %2")
                            .arg(c.generated, c.generatedStored ? QStringLiteral("stored")
                                                                : QStringLiteral("virtual"));
            if (!c.enumType.isEmpty())
                line += QStringLiteral(" enum ") + c.enumType;
            if (!c.comment.isEmpty())
                line += QStringLiteral(" comment '%1'").arg(c.comment);
            lines.append(line);
        }
        if (!t.primaryKey.isEmpty())
            lines.append(QStringLiteral("  primary key %1").arg(list(t.primaryKey.columns)));
        QStringList rest;
        for (const UniqueConstraintDef &u : t.uniqueConstraints)
            rest.append(QStringLiteral("  unique %1").arg(list(u.columns)));
        for (const IndexDef &i : t.indexes) {
            QStringList parts;
            for (qsizetype p = 0; p < i.parts.size(); ++p)
                parts.append(i.partOption(p).isEmpty() ? i.parts.at(p)
                                                       : i.parts.at(p) + u' ' + i.partOption(p));
            QString line =
                QStringLiteral("  %1index %2 %3")
                    .arg(i.unique ? QStringLiteral("unique ") : QString(), i.name, list(parts));
            if (!i.include.isEmpty())
                line += QStringLiteral(" include ") + list(i.include);
            if (!i.where.isEmpty())
                line += QStringLiteral(" where ") + i.where;
            rest.append(line);
        }
        for (const ForeignKeyDef &f : t.foreignKeys)
            rest.append(
                QStringLiteral("  foreign key %1 references %2 %3 on delete %4 on update %5")
                    .arg(list(f.columns), f.referencedTable, list(f.referencedColumns), f.onDelete,
                         f.onUpdate));
        for (const CheckConstraintDef &c : t.checks)
            rest.append(QStringLiteral("  check %1").arg(c.expression));
        rest.sort();
        lines.append(rest);
    }
    for (const SchemaObjectDef &o : schema.objects) {
        lines.append(QStringLiteral("%1 %2").arg(schemaObjectTypeName(o), schemaObjectLabel(o)));
        for (const QString &line : o.comparable().split(u'\n'))
            lines.append(QStringLiteral("    ") + line);
    }
    return lines.join(u'\n') + u'\n';
}

} // namespace tidemark
