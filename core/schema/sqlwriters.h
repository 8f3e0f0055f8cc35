#pragma once

#include "schema/sqlwriterbase.h"

namespace tidemark {

class SqliteSqlWriter final : public SqlWriterBase
{
public:
    SqliteSqlWriter()
        : SqlWriterBase(SqlDialect::Sqlite)
    {}

protected:
    QString columnSql(const TableDef &table, const ColumnDef &column) const override;
    QString defaultSql(const ColumnDef &column) const override;
    QString identitySql(const ColumnDef &) const override
    {
        return QStringLiteral("AUTOINCREMENT");
    }
    QString primaryKeyClause(const TableDef &table) const override;
    QString dropIndexSql(const QString &table, const IndexDef &index) const override;
    QStringList alterColumnSql(const TableDef &, const ColumnDef &,
                               const ColumnDef &) const override
    {
        return {}; // always rebuilt
    }
    QStringList dropPrimaryKeySql(const TableDef &) const override { return {}; }
    bool needsRebuild(const QList<const SchemaChange *> &changes) const override;
    QStringList rebuildSql(const TableDef &from, const TableDef &to) const override;
    bool inlineForwardReferences() const override { return true; }
    QStringList wrap(const QStringList &statements, bool rebuildsOrDrops) const override;
};

class PostgresSqlWriter final : public SqlWriterBase
{
public:
    PostgresSqlWriter()
        : SqlWriterBase(SqlDialect::Postgres)
    {}

protected:
    QString identitySql(const ColumnDef &column) const override;
    QString indexPartSql(const IndexDef &index, qsizetype part) const override;
    QString dropIndexSql(const QString &table, const IndexDef &index) const override;
    QStringList alterColumnSql(const TableDef &to, const ColumnDef &from,
                               const ColumnDef &column) const override;
    bool readdsColumn(const ColumnDef &from, const ColumnDef &to) const override;
    bool retypeBreaksGeneratedColumns() const override { return true; }
    QStringList dropPrimaryKeySql(const TableDef &from) const override;
    QStringList createEnumSql(const EnumTypeDef &type) const override;
    QStringList dropEnumSql(const EnumTypeDef &type) const override;
    QStringList changeEnumSql(const EnumTypeDef &from, const EnumTypeDef &to,
                              const Schema &schema) const override;
    QStringList addColumnSql(const TableDef &to, const ColumnDef &column) const override;
    QStringList tableCommentsSql(const TableDef &table) const override;
    QStringList tableCommentSql(const TableDef &table) const override;
    QStringList createObjectSql(const SchemaObjectDef &object) const override;
    QStringList dropObjectSql(const SchemaObjectDef &object) const override;
    QStringList replaceObjectSql(const SchemaObjectDef &from,
                                 const SchemaObjectDef &to) const override;
    QStringList afterTablesSql(const SchemaObjectDef *from,
                               const SchemaObjectDef &to) const override;
    QStringList releaseObjectSql(const SchemaObjectDef &object) const override;
    QStringList wrap(const QStringList &statements, bool rebuildsOrDrops) const override;

private:
    QString ownerSql(const QString &ownedBy) const;
    QString columnCommentSql(const QString &table, const ColumnDef &column) const;
    QString commentLiteral(const QString &comment) const; // NULL for none
};

class MySqlSqlWriter final : public SqlWriterBase
{
public:
    MySqlSqlWriter()
        : SqlWriterBase(SqlDialect::MySql)
    {}

protected:
    QString defaultSql(const ColumnDef &column) const override;
    QString columnSql(const TableDef &table, const ColumnDef &column) const override;
    QString createTableSql(const TableDef &table,
                           const QList<ForeignKeyDef> &inlineKeys) const override;
    QStringList tableCommentSql(const TableDef &table) const override;
    QString identitySql(const ColumnDef &) const override
    {
        return QStringLiteral("AUTO_INCREMENT");
    }
    QString primaryKeyClause(const TableDef &table) const override;
    QString dropIndexSql(const QString &table, const IndexDef &index) const override;
    QString dropTableIndexSql(const TableDef &from, const TableDef *to,
                              const IndexDef &index) const override;
    QString dropUniqueSql(const QString &table, const UniqueConstraintDef &u) const override;
    QStringList dropForeignKeySql(const TableDef &table, const ForeignKeyDef &key) const override;
    QStringList addColumnSql(const TableDef &to, const ColumnDef &column) const override;
    QStringList alterColumnSql(const TableDef &to, const ColumnDef &from,
                               const ColumnDef &column) const override;
    bool readdsColumn(const ColumnDef &from, const ColumnDef &to) const override;
    QStringList dropPrimaryKeySql(const TableDef &from) const override;
    QString renameTableSql(const QString &from, const QString &to) const override;
    QStringList replaceObjectSql(const SchemaObjectDef &from,
                                 const SchemaObjectDef &to) const override;
    QStringList dialectNotes() const override;
};

} // namespace tidemark
