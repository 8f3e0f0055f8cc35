#pragma once

#include "schema/sqlwriter.h"

#include <QSet>

namespace tidemark {

// The dialect-independent part of SQL writing: which statements run in which order. Dialects
// supply the text of each statement.
//
// Order of one direction (the rollback is the same procedure on the reversed changes, from the
// applied schema back to the current one, with renames after the tables instead of first):
//   renames; triggers and views dropped (see ObjectPlan); new and widened enum types;
//   sequences and the routines table expressions call; foreign keys dropped; indexes, unique
//   and check constraints dropped; tables dropped (referencing tables first); tables created
//   (referenced tables first, cycles closed later); column changes per table (or a table
//   rebuild where the dialect needs one); unique and check constraints and indexes added;
//   foreign keys added; sequence ownership; [the rollback's renames]; routines, views and
//   triggers made; routines and sequences dropped; enum types dropped.
class SqlWriterBase : public SqlWriter
{
public:
    MigrationSql write(const QList<SchemaChange> &changes, const Schema &current,
                       const Schema &desired) const override;

protected:
    explicit SqlWriterBase(SqlDialect dialect)
        : m_dialect(dialect)
    {}

    SqlDialect dialect() const { return m_dialect; }
    QString name(const QString &identifier) const; // quoted where needed
    QString names(const QStringList &identifiers) const;
    QString stringLiteral(const QString &text) const; // sqlString() of the dialect

    // One column as CREATE TABLE and ADD COLUMN write it.
    virtual QString columnSql(const TableDef &table, const ColumnDef &column) const;
    virtual QString typeSql(const ColumnDef &column) const { return column.declaredType; }
    virtual QString defaultSql(const ColumnDef &column) const;
    virtual QString identitySql(const ColumnDef &column) const = 0;
    // CREATE TABLE with the given foreign keys inline (the others are added later).
    virtual QString createTableSql(const TableDef &table,
                                   const QList<ForeignKeyDef> &inlineKeys) const;
    QString foreignKeyClause(const ForeignKeyDef &key) const;
    virtual QString primaryKeyClause(const TableDef &table) const;
    virtual QString dropTableSql(const QString &table) const;

    virtual QString createIndexSql(const QString &table, const IndexDef &index) const;
    virtual QString indexPartSql(const IndexDef &index, qsizetype part) const;
    virtual QString dropIndexSql(const QString &table, const IndexDef &index) const = 0;
    // Dropping an index of a table that stays: `to` is the table afterwards, null when it
    // goes. MariaDB cannot drop the only index a foreign key can use.
    virtual QString dropTableIndexSql(const TableDef &from, const TableDef *to,
                                      const IndexDef &index) const
    {
        Q_UNUSED(to)
        return dropIndexSql(from.name, index);
    }
    virtual QString addUniqueSql(const QString &table, const UniqueConstraintDef &u) const;
    virtual QString dropUniqueSql(const QString &table, const UniqueConstraintDef &u) const;
    virtual QString addCheckSql(const QString &table, const CheckConstraintDef &c) const;
    virtual QString dropCheckSql(const QString &table, const CheckConstraintDef &c) const;
    virtual QString addForeignKeySql(const QString &table, const ForeignKeyDef &key) const;
    virtual QStringList dropForeignKeySql(const TableDef &table, const ForeignKeyDef &key) const;

    virtual QStringList addColumnSql(const TableDef &to, const ColumnDef &column) const;
    virtual QString dropColumnSql(const QString &table, const QString &column) const;
    // Type, nullability, default or identity of one column, from `from` to `to`.
    virtual QStringList alterColumnSql(const TableDef &to, const ColumnDef &from,
                                       const ColumnDef &column) const = 0;
    virtual QStringList dropPrimaryKeySql(const TableDef &from) const = 0;
    virtual QStringList addPrimaryKeySql(const TableDef &to) const;

    virtual QString renameTableSql(const QString &from, const QString &to) const;
    virtual QString renameColumnSql(const QString &table, const QString &from,
                                    const QString &to) const;

    // Comments (PostgreSQL: COMMENT ON statements after CREATE TABLE; MariaDB writes them into
    // the table and column definitions). tableCommentSql sets the table's comment as `table`
    // has it (empty: none).
    virtual QStringList tableCommentsSql(const TableDef &table) const
    {
        Q_UNUSED(table)
        return {};
    }
    virtual QStringList tableCommentSql(const TableDef &table) const
    {
        Q_UNUSED(table)
        return {};
    }

    // Enum types (PostgreSQL); the others have none.
    virtual QStringList createEnumSql(const EnumTypeDef &) const { return {}; }
    virtual QStringList dropEnumSql(const EnumTypeDef &) const { return {}; }
    virtual QStringList changeEnumSql(const EnumTypeDef &, const EnumTypeDef &,
                                      const Schema &) const
    {
        return {};
    }

    // Views, triggers, routines and sequences. Made from their definition (and a materialized
    // view's indexes); dropped by type and name.
    virtual QStringList createObjectSql(const SchemaObjectDef &object) const;
    virtual QStringList dropObjectSql(const SchemaObjectDef &object) const;
    // A changed object changed in place (CREATE OR REPLACE, ALTER SEQUENCE), or nothing when it
    // has to be dropped and made again.
    virtual QStringList replaceObjectSql(const SchemaObjectDef &from,
                                         const SchemaObjectDef &to) const
    {
        Q_UNUSED(from)
        Q_UNUSED(to)
        return {};
    }
    // What must happen once the tables are there (a sequence OWNED BY a column), and what must
    // happen before its tables go for an object that is dropped after them (OWNED BY NONE).
    virtual QStringList afterTablesSql(const SchemaObjectDef *from, const SchemaObjectDef &to) const
    {
        Q_UNUSED(from)
        Q_UNUSED(to)
        return {};
    }
    virtual QStringList releaseObjectSql(const SchemaObjectDef &object) const
    {
        Q_UNUSED(object)
        return {};
    }

    // Whether alterColumnSql() drops and adds the column instead of altering it (generated
    // columns); its indexes and constraints are then made again (see ColumnReadd).
    virtual bool readdsColumn(const ColumnDef &, const ColumnDef &) const { return false; }
    // PostgreSQL: a column's type or collation cannot change while a generated column reads it.
    virtual bool retypeBreaksGeneratedColumns() const { return false; }
    // SQLite: a table whose changes ALTER TABLE cannot make is rebuilt.
    virtual bool needsRebuild(const QList<const SchemaChange *> &) const { return false; }
    virtual QStringList rebuildSql(const TableDef &, const TableDef &) const { return {}; }
    // Foreign keys created with their table even when the referenced table comes later
    // (SQLite checks them only when rows change).
    virtual bool inlineForwardReferences() const { return false; }
    // SQLite: the statements around a file that rebuilds or drops tables.
    virtual QStringList wrap(const QStringList &statements, bool rebuildsOrDrops) const
    {
        Q_UNUSED(rebuildsOrDrops)
        return statements;
    }
    // Notes for the file header (MariaDB: DDL is not transactional).
    virtual QStringList dialectNotes() const { return {}; }

private:
    // One direction: `from` (the schema the statements start on) to `to`.
    // rebuildsOrDrops: set when a table is rebuilt or dropped (see wrap()). objectsAt: where
    // the views, triggers and routines start being made (a rollback renames tables back before
    // them, as their definitions name the tables by their old names).
    QStringList statements(const QList<SchemaChange> &changes, const Schema &from, const Schema &to,
                           QStringList *notes, bool *rebuildsOrDrops, qsizetype *objectsAt) const;
    QString renameSql(const SchemaChange &rename) const;

    SqlDialect m_dialect;
};

} // namespace tidemark
