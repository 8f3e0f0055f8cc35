#pragma once

#include "schema/schemaobject.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tidemark {

// One normalised model of a database schema, whichever database or file it was read from
// (issue #3, make-migrations). The catalog readers fill it; the comparer and the SQL writers
// work on it. Names are as the database stores them (case kept); lists keep catalog order.

struct ColumnDef
{
    QString name;
    QString declaredType; // as the catalog shows it: "character varying(50)", "varchar(50)"
    QString
        normalizedType; // lower case, spacing and synonyms normalised per dialect, for comparing
    bool nullable = true;
    QString defaultExpression; // as the catalog returns it; empty when there is none
    bool identity = false; // IDENTITY, SERIAL-owned sequence, AUTO_INCREMENT, SQLite AUTOINCREMENT
    QString enumType;      // PostgreSQL: the enum type the column uses, else empty
    QString comment;       // PostgreSQL, MariaDB: COMMENT; empty when there is none
    // PostgreSQL identity: GENERATED ALWAYS rather than BY DEFAULT, and the sequence options
    // that are not the defaults ("START WITH 100 INCREMENT BY 5"), empty when there are none.
    bool identityAlways = false;
    QString identityOptions;
    // A collation other than the column's default: its type's (PostgreSQL), its table's
    // (MariaDB), BINARY (SQLite, where the built-in names are kept in lower case).
    QString collation;
    // A generated column: GENERATED ALWAYS AS (generated), as the database prints the
    // expression; STORED or VIRTUAL (PostgreSQL 15 has STORED only). Empty for a plain column.
    QString generated;
    bool generatedStored = false;
    // PostgreSQL: identity through SERIAL (a sequence the column owns and its nextval()
    // default), not GENERATED ... AS IDENTITY. It compares as an identity; its ALWAYS and
    // options are not compared (a SERIAL column has neither).
    bool serial = false;

    bool operator==(const ColumnDef &) const = default;
};

struct PrimaryKeyDef
{
    QString name; // constraint name where the database has one
    QStringList columns;
    bool isEmpty() const { return columns.isEmpty(); }

    bool operator==(const PrimaryKeyDef &) const = default;
};

struct IndexDef
{
    QString name;
    // Per key part: a column name, or the expression text when it is an expression.
    QStringList parts;
    QList<bool> partIsExpression; // same length as parts
    bool unique = false;
    QString where; // partial index predicate (PostgreSQL, SQLite), empty otherwise
    // Per key part, what follows it in CREATE INDEX: a PostgreSQL operator class that is not
    // the type's default, DESC, and NULLS FIRST/LAST where it is not the default for the
    // direction ("text_pattern_ops DESC NULLS LAST"); empty for a plain ascending part. Same
    // length as parts, or empty when no part has any.
    QStringList partOptions;
    QStringList include; // PostgreSQL: INCLUDE columns
    QString partOption(qsizetype part) const { return partOptions.value(part); }

    bool operator==(const IndexDef &) const = default;
};

struct UniqueConstraintDef
{
    QString name;
    QStringList columns;

    bool operator==(const UniqueConstraintDef &) const = default;
};

struct ForeignKeyDef
{
    QString name;
    QStringList columns;
    QString referencedTable;
    QStringList referencedColumns;
    QString onDelete = QStringLiteral("NO ACTION"); // upper case: NO ACTION, RESTRICT, CASCADE,
    QString onUpdate = QStringLiteral("NO ACTION"); // SET NULL, SET DEFAULT
    // MariaDB: the index InnoDB made for the key (named after the key or its first column),
    // which the reader hides; empty elsewhere. Not compared.
    QString backingIndex;

    bool operator==(const ForeignKeyDef &) const = default;
};

struct CheckConstraintDef
{
    QString name;       // empty when unnamed (SQLite)
    QString expression; // the condition without the CHECK keyword and outer parentheses

    bool operator==(const CheckConstraintDef &) const = default;
};

struct TableDef
{
    QString name;
    QList<ColumnDef> columns;
    PrimaryKeyDef primaryKey;
    QList<IndexDef> indexes; // not the ones that back the primary key or a unique constraint
    QList<UniqueConstraintDef> uniqueConstraints;
    QList<ForeignKeyDef> foreignKeys;
    QList<CheckConstraintDef> checks;
    QString comment; // PostgreSQL, MariaDB: the table's COMMENT; empty when there is none

    const ColumnDef *column(const QString &name) const;

    bool operator==(const TableDef &) const = default;
};

struct EnumTypeDef
{
    QString name;
    QStringList values; // in their sort order

    bool operator==(const EnumTypeDef &) const = default;
};

struct Schema
{
    QList<TableDef> tables; // sorted by name
    QList<EnumTypeDef> enums;
    QList<SchemaObjectDef> objects; // views, triggers, routines, sequences; sorted by key()

    const TableDef *table(const QString &name) const;
    const SchemaObjectDef *object(const QString &key) const;

    bool operator==(const Schema &) const = default;
};

// True for Jetbase's and Tidemark's own tables, which are never part of a comparison.
bool isToolTable(const QString &tableName);

// A stable, human-readable text of the schema (one line per column, key, index and constraint,
// sorted), for golden files, test failures and the window's side-by-side view.
QString describeSchema(const Schema &schema);

} // namespace tidemark
