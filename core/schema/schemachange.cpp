#include "schemachange.h"

#include <utility>

namespace tidemark {

namespace {

QString identityText(const ColumnDef &c)
{
    return c.identityAlways ? QStringLiteral("identity always") : QStringLiteral("identity");
}

QString identityOptionsText(const ColumnDef &c)
{
    return c.identityOptions.isEmpty() ? QString()
                                       : QStringLiteral(" (%1)").arg(c.identityOptions.toLower());
}

QString collationText(const ColumnDef &c)
{
    return c.collation.isEmpty() ? QStringLiteral("default") : c.collation;
}

QString generatedText(const ColumnDef &c)
{
    if (c.generated.isEmpty())
        return QStringLiteral("none");
    return QStringLiteral("(%1) %2").arg(
        c.generated, c.generatedStored ? QStringLiteral("stored") : QStringLiteral("virtual"));
}

QString columnText(const ColumnDef &c)
{
    QString text = c.normalizedType;
    if (!c.nullable)
        text += QStringLiteral(" not null");
    if (!c.defaultExpression.isEmpty())
        text += QStringLiteral(" default ") + c.defaultExpression;
    if (!c.collation.isEmpty())
        text += QStringLiteral(" collate ") + c.collation;
    if (!c.generated.isEmpty())
        text += QStringLiteral(" generated as %1 %2")
                    .arg(c.generated,
                         c.generatedStored ? QStringLiteral("stored") : QStringLiteral("virtual"));
    if (c.identity)
        text += u' ' + identityText(c) + identityOptionsText(c);
    return text;
}

QString commentText(const QString &comment)
{
    return comment.isEmpty() ? QStringLiteral("none") : QString(u'\'' + comment + u'\'');
}

QString list(const QStringList &items)
{
    return u'(' + items.join(QStringLiteral(", ")) + u')';
}

QString indexText(const IndexDef &i)
{
    QStringList parts;
    for (qsizetype p = 0; p < i.parts.size(); ++p)
        parts.append(i.partOption(p).isEmpty() ? i.parts.at(p)
                                               : i.parts.at(p) + u' ' + i.partOption(p));
    QString text = (i.unique ? QStringLiteral("unique index ") : QStringLiteral("index ")) +
                   (i.name.isEmpty() ? QString() : i.name + u' ') + list(parts);
    if (!i.include.isEmpty())
        text += QStringLiteral(" include ") + list(i.include);
    if (!i.where.isEmpty())
        text += QStringLiteral(" where ") + i.where;
    return text;
}

QString foreignKeyText(const ForeignKeyDef &f)
{
    return QStringLiteral("%1 -> %2 %3 on delete %4 on update %5")
        .arg(list(f.columns), f.referencedTable, list(f.referencedColumns), f.onDelete, f.onUpdate);
}

} // namespace

QString schemaChangeKindName(SchemaChange::Kind kind)
{
    using Kind = SchemaChange::Kind;
    switch (kind) {
    case Kind::AddTable:
        return QStringLiteral("add_table");
    case Kind::DropTable:
        return QStringLiteral("drop_table");
    case Kind::AddColumn:
        return QStringLiteral("add_column");
    case Kind::DropColumn:
        return QStringLiteral("drop_column");
    case Kind::ChangeColumnType:
        return QStringLiteral("change_column_type");
    case Kind::ChangeColumnNullability:
        return QStringLiteral("change_column_nullability");
    case Kind::ChangeColumnDefault:
        return QStringLiteral("change_column_default");
    case Kind::ChangeColumnIdentity:
        return QStringLiteral("change_column_identity");
    case Kind::ChangePrimaryKey:
        return QStringLiteral("change_primary_key");
    case Kind::AddIndex:
        return QStringLiteral("add_index");
    case Kind::DropIndex:
        return QStringLiteral("drop_index");
    case Kind::AddUniqueConstraint:
        return QStringLiteral("add_unique");
    case Kind::DropUniqueConstraint:
        return QStringLiteral("drop_unique");
    case Kind::AddForeignKey:
        return QStringLiteral("add_foreign_key");
    case Kind::DropForeignKey:
        return QStringLiteral("drop_foreign_key");
    case Kind::AddCheck:
        return QStringLiteral("add_check");
    case Kind::DropCheck:
        return QStringLiteral("drop_check");
    case Kind::AddEnum:
        return QStringLiteral("add_enum");
    case Kind::DropEnum:
        return QStringLiteral("drop_enum");
    case Kind::ChangeEnumValues:
        return QStringLiteral("change_enum_values");
    case Kind::AddView:
        return QStringLiteral("add_view");
    case Kind::DropView:
        return QStringLiteral("drop_view");
    case Kind::ChangeView:
        return QStringLiteral("change_view");
    case Kind::AddTrigger:
        return QStringLiteral("add_trigger");
    case Kind::DropTrigger:
        return QStringLiteral("drop_trigger");
    case Kind::ChangeTrigger:
        return QStringLiteral("change_trigger");
    case Kind::AddRoutine:
        return QStringLiteral("add_routine");
    case Kind::DropRoutine:
        return QStringLiteral("drop_routine");
    case Kind::ChangeRoutine:
        return QStringLiteral("change_routine");
    case Kind::AddSequence:
        return QStringLiteral("add_sequence");
    case Kind::DropSequence:
        return QStringLiteral("drop_sequence");
    case Kind::ChangeSequence:
        return QStringLiteral("change_sequence");
    case Kind::ChangeTableComment:
        return QStringLiteral("change_table_comment");
    case Kind::ChangeColumnComment:
        return QStringLiteral("change_column_comment");
    case Kind::ChangeColumnCollation:
        return QStringLiteral("change_column_collation");
    case Kind::ChangeColumnGenerated:
        return QStringLiteral("change_column_generated");
    case Kind::RenameTable:
        return QStringLiteral("rename_table");
    case Kind::RenameColumn:
        return QStringLiteral("rename_column");
    }
    return {};
}

namespace {

using Type = SchemaObjectDef::Type;

SchemaChange::Kind objectKind(Type type, SchemaChange::Kind view, SchemaChange::Kind trigger,
                              SchemaChange::Kind routine, SchemaChange::Kind sequence)
{
    switch (type) {
    case Type::View:
    case Type::MaterializedView:
        return view;
    case Type::Trigger:
        return trigger;
    case Type::Routine:
        return routine;
    case Type::Sequence:
        return sequence;
    }
    return view;
}

} // namespace

SchemaChange::Kind addObjectKind(SchemaObjectDef::Type type)
{
    using Kind = SchemaChange::Kind;
    return objectKind(type, Kind::AddView, Kind::AddTrigger, Kind::AddRoutine, Kind::AddSequence);
}

SchemaChange::Kind dropObjectKind(SchemaObjectDef::Type type)
{
    using Kind = SchemaChange::Kind;
    return objectKind(type, Kind::DropView, Kind::DropTrigger, Kind::DropRoutine,
                      Kind::DropSequence);
}

SchemaChange::Kind changeObjectKind(SchemaObjectDef::Type type)
{
    using Kind = SchemaChange::Kind;
    return objectKind(type, Kind::ChangeView, Kind::ChangeTrigger, Kind::ChangeRoutine,
                      Kind::ChangeSequence);
}

QString SchemaChange::summary() const
{
    const QString column = table + u'.' + object;
    if (isObjectChange()) {
        const SchemaObjectDef &o = objectAfter ? *objectAfter : *objectBefore;
        const QString what = schemaObjectTypeName(o) + u' ' + schemaObjectLabel(o);
        if (!objectBefore)
            return QStringLiteral("add ") + what;
        if (!objectAfter)
            return QStringLiteral("drop ") + what;
        if (objectBefore->type != objectAfter->type)
            return QStringLiteral("change %1 %2 into a %3")
                .arg(schemaObjectTypeName(*objectBefore), schemaObjectLabel(o),
                     schemaObjectTypeName(*objectAfter));
        return QStringLiteral("change ") + what;
    }
    switch (kind) {
    case Kind::AddTable:
        return QStringLiteral("add table %1 (%2 %3)")
            .arg(table)
            .arg(tableAfter->columns.size())
            .arg(tableAfter->columns.size() == 1 ? QStringLiteral("column")
                                                 : QStringLiteral("columns"));
    case Kind::DropTable:
        return QStringLiteral("drop table %1").arg(table);
    case Kind::AddColumn:
        return QStringLiteral("add column %1 %2").arg(column, columnText(*columnAfter));
    case Kind::DropColumn:
        return QStringLiteral("drop column %1").arg(column);
    case Kind::ChangeColumnType:
        return QStringLiteral("change type of %1 from %2 to %3")
            .arg(column, columnBefore->normalizedType, columnAfter->normalizedType);
    case Kind::ChangeColumnNullability:
        return columnAfter->nullable ? QStringLiteral("make %1 nullable").arg(column)
                                     : QStringLiteral("make %1 not null").arg(column);
    case Kind::ChangeColumnDefault:
        return QStringLiteral("change default of %1 from %2 to %3")
            .arg(column,
                 columnBefore->defaultExpression.isEmpty() ? QStringLiteral("none")
                                                           : columnBefore->defaultExpression,
                 columnAfter->defaultExpression.isEmpty() ? QStringLiteral("none")
                                                          : columnAfter->defaultExpression);
    case Kind::ChangeColumnIdentity:
        if (columnBefore->identity && columnAfter->identity)
            return QStringLiteral("change identity of %1 from %2%3 to %4%5")
                .arg(column, identityText(*columnBefore), identityOptionsText(*columnBefore),
                     identityText(*columnAfter), identityOptionsText(*columnAfter));
        return columnAfter->identity
                   ? QStringLiteral("make %1 an %2 column%3")
                         .arg(column, identityText(*columnAfter), identityOptionsText(*columnAfter))
                   : QStringLiteral("make %1 a plain column").arg(column);
    case Kind::ChangePrimaryKey:
        return QStringLiteral("change primary key of %1 from %2 to %3")
            .arg(table, list(primaryKeyBefore->columns), list(primaryKeyAfter->columns));
    case Kind::AddIndex:
        return QStringLiteral("add %1 on %2").arg(indexText(*indexAfter), table);
    case Kind::DropIndex:
        return QStringLiteral("drop %1 on %2").arg(indexText(*indexBefore), table);
    case Kind::AddUniqueConstraint:
        return QStringLiteral("add unique constraint %1 on %2")
            .arg(list(uniqueAfter->columns), table);
    case Kind::DropUniqueConstraint:
        return QStringLiteral("drop unique constraint %1 on %2")
            .arg(list(uniqueBefore->columns), table);
    case Kind::AddForeignKey:
        return QStringLiteral("add foreign key %1 on %2")
            .arg(foreignKeyText(*foreignKeyAfter), table);
    case Kind::DropForeignKey:
        return QStringLiteral("drop foreign key %1 on %2")
            .arg(foreignKeyText(*foreignKeyBefore), table);
    case Kind::AddCheck:
        return QStringLiteral("add check (%1) on %2").arg(checkAfter->expression, table);
    case Kind::DropCheck:
        return QStringLiteral("drop check (%1) on %2").arg(checkBefore->expression, table);
    case Kind::AddEnum:
        return QStringLiteral("add enum type %1 %2").arg(object, list(enumAfter->values));
    case Kind::DropEnum:
        return QStringLiteral("drop enum type %1").arg(object);
    case Kind::ChangeEnumValues:
        return QStringLiteral("change values of enum type %1 from %2 to %3")
            .arg(object, list(enumBefore->values), list(enumAfter->values));
    case Kind::AddView:
    case Kind::DropView:
    case Kind::ChangeView:
    case Kind::AddTrigger:
    case Kind::DropTrigger:
    case Kind::ChangeTrigger:
    case Kind::AddRoutine:
    case Kind::DropRoutine:
    case Kind::ChangeRoutine:
    case Kind::AddSequence:
    case Kind::DropSequence:
    case Kind::ChangeSequence:
        break; // described above, from the objects
    case Kind::ChangeTableComment:
        return QStringLiteral("change comment of table %1 from %2 to %3")
            .arg(table, commentText(tableBefore->comment), commentText(tableAfter->comment));
    case Kind::ChangeColumnComment:
        return QStringLiteral("change comment of %1 from %2 to %3")
            .arg(column, commentText(columnBefore->comment), commentText(columnAfter->comment));
    case Kind::ChangeColumnCollation:
        return QStringLiteral("change collation of %1 from %2 to %3")
            .arg(column, collationText(*columnBefore), collationText(*columnAfter));
    case Kind::ChangeColumnGenerated:
        return QStringLiteral("change generated expression of %1 from %2 to %3")
            .arg(column, generatedText(*columnBefore), generatedText(*columnAfter));
    case Kind::RenameTable:
        return QStringLiteral("rename table %1 to %2").arg(tableBefore->name, tableAfter->name);
    case Kind::RenameColumn:
        return QStringLiteral("rename column %1.%2 to %3")
            .arg(table, columnBefore->name, columnAfter->name);
    }
    return {};
}

SchemaChange SchemaChange::reversed() const
{
    SchemaChange r = *this;
    std::swap(r.tableBefore, r.tableAfter);
    std::swap(r.columnBefore, r.columnAfter);
    std::swap(r.primaryKeyBefore, r.primaryKeyAfter);
    std::swap(r.indexBefore, r.indexAfter);
    std::swap(r.uniqueBefore, r.uniqueAfter);
    std::swap(r.foreignKeyBefore, r.foreignKeyAfter);
    std::swap(r.checkBefore, r.checkAfter);
    std::swap(r.enumBefore, r.enumAfter);
    std::swap(r.objectBefore, r.objectAfter);
    const auto swapKind = [&](Kind a, Kind b) {
        if (kind == a)
            r.kind = b;
        else if (kind == b)
            r.kind = a;
    };
    swapKind(Kind::AddTable, Kind::DropTable);
    swapKind(Kind::AddColumn, Kind::DropColumn);
    swapKind(Kind::AddIndex, Kind::DropIndex);
    swapKind(Kind::AddUniqueConstraint, Kind::DropUniqueConstraint);
    swapKind(Kind::AddForeignKey, Kind::DropForeignKey);
    swapKind(Kind::AddCheck, Kind::DropCheck);
    swapKind(Kind::AddEnum, Kind::DropEnum);
    swapKind(Kind::AddView, Kind::DropView);
    swapKind(Kind::AddTrigger, Kind::DropTrigger);
    swapKind(Kind::AddRoutine, Kind::DropRoutine);
    swapKind(Kind::AddSequence, Kind::DropSequence);
    if (kind == Kind::RenameTable)
        r.table = tableAfter->name;
    if (kind == Kind::RenameColumn)
        r.object = columnAfter->name;
    return r;
}

QString RenameCandidate::summary() const
{
    return isTable() ? QStringLiteral("table %1 may have been renamed to %2").arg(oldName, newName)
                     : QStringLiteral("column %1.%2 may have been renamed to %3")
                           .arg(table, oldName, newName);
}

} // namespace tidemark
