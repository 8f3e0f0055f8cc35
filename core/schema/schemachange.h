#pragma once

#include "schema/schemamodel.h"

#include <QList>
#include <QString>

#include <optional>

namespace tidemark {

// One difference between the current and the desired schema. The definitions before and after
// are kept, so that the SQL writers can produce the upgrade and an exact rollback.
struct SchemaChange
{
    enum class Kind {
        AddTable,
        DropTable,
        AddColumn,
        DropColumn,
        ChangeColumnType,
        ChangeColumnNullability,
        ChangeColumnDefault,
        ChangeColumnIdentity,
        ChangePrimaryKey,
        AddIndex,
        DropIndex,
        AddUniqueConstraint,
        DropUniqueConstraint,
        AddForeignKey,
        DropForeignKey,
        AddCheck,
        DropCheck,
        AddEnum,
        DropEnum,
        ChangeEnumValues,
        // Views (materialized ones too), triggers, routines and sequences: object is the
        // object's label, table the trigger's table; objectBefore/objectAfter.
        AddView,
        DropView,
        ChangeView,
        AddTrigger,
        DropTrigger,
        ChangeTrigger,
        AddRoutine,
        DropRoutine,
        ChangeRoutine,
        AddSequence,
        DropSequence,
        ChangeSequence,
        // Comments (PostgreSQL, MariaDB): the table's in tableBefore/tableAfter (name and
        // comment), a column's in columnBefore/columnAfter.
        ChangeTableComment,
        ChangeColumnComment,
        ChangeColumnCollation, // columnBefore/columnAfter
        ChangeColumnGenerated, // expression or STORED/VIRTUAL; columnBefore/columnAfter
        RenameTable,           // table: the old name; tableBefore/tableAfter; only through --rename
        RenameColumn,          // object: the old name; columnBefore/columnAfter
    };
    Kind kind = Kind::AddTable;
    QString table;  // empty for enum changes
    QString object; // column, index, constraint or enum name (may be empty for unnamed ones)

    std::optional<TableDef> tableBefore, tableAfter; // AddTable / DropTable
    std::optional<ColumnDef> columnBefore, columnAfter;
    std::optional<PrimaryKeyDef> primaryKeyBefore, primaryKeyAfter;
    std::optional<IndexDef> indexBefore, indexAfter;
    std::optional<UniqueConstraintDef> uniqueBefore, uniqueAfter;
    std::optional<ForeignKeyDef> foreignKeyBefore, foreignKeyAfter;
    std::optional<CheckConstraintDef> checkBefore, checkAfter;
    std::optional<EnumTypeDef> enumBefore, enumAfter;
    std::optional<SchemaObjectDef> objectBefore, objectAfter;

    bool isObjectChange() const { return objectBefore || objectAfter; }

    // One line for people: "add column users.email varchar(200) not null".
    QString summary() const;
    // The same change in the other direction: add <-> drop, before <-> after.
    SchemaChange reversed() const;
};

QString schemaChangeKindName(SchemaChange::Kind kind); // "add_table", "drop_column", ...

// The change that adds, drops or changes an object of this type.
SchemaChange::Kind addObjectKind(SchemaObjectDef::Type type);
SchemaChange::Kind dropObjectKind(SchemaObjectDef::Type type);
SchemaChange::Kind changeObjectKind(SchemaObjectDef::Type type);

// A dropped and an added column of the same type in one table, or a dropped and an added table
// with the same columns: possibly a rename. Never applied unless the user asks (--rename).
struct RenameCandidate
{
    QString table;   // for a column rename; for a table rename the old table name
    QString oldName; // column or table
    QString newName;
    bool isTable() const { return table == oldName; }
    QString summary() const;
};

struct SchemaDiff
{
    QList<SchemaChange> changes;
    QList<RenameCandidate> renameCandidates;
    bool isEmpty() const { return changes.isEmpty(); }
};

} // namespace tidemark
