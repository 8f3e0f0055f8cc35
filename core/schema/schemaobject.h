#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tidemark {

// A view, trigger, routine or sequence (issue #12). Unlike a table it is compared and written
// as a whole: its definition is the complete CREATE statement as the database prints it back
// (pg_get_viewdef, information_schema, sqlite_master), so two definitions that the database
// normalises alike compare equal, and the statement recreates exactly what was read.
struct SchemaObjectDef
{
    enum class Type { View, MaterializedView, Trigger, Routine, Sequence };
    Type type = Type::View;
    QString name;
    QString table;       // Trigger: the table it fires on; empty otherwise
    QString arguments;   // Routine: the argument types that tell overloads apart ("integer, text")
    QString routineKind; // Routine: FUNCTION or PROCEDURE
    QString returns;     // Routine: the result type (a change of it cannot be replaced in place)
    // The complete statement that makes the object, without a trailing ';'. Sequence: the
    // options after the name ("AS bigint INCREMENT BY 1 ... NO CYCLE"), which CREATE SEQUENCE
    // and ALTER SEQUENCE both take.
    QString definition;
    QStringList indexes; // MaterializedView: its CREATE INDEX statements, by index name
    QString ownedBy;     // Sequence: "table.column" it belongs to, or empty
    // Tables, views and routines it reads or calls (by name), for the order of statements: a
    // view is dropped before a table change it depends on and made again afterwards.
    QStringList uses;
    // PostgreSQL views: the GRANT statements that give others access ("GRANT SELECT ON v TO
    // reporting"). Not compared (the desired side rarely states them); made again with the
    // view when it is dropped and made again, so that a migration does not take them away.
    QStringList grants;

    // What identifies it in a comparison: type, table (triggers), name and arguments (routines).
    QString key() const;
    // What a comparison looks at: the definition, plus indexes and ownership where they apply.
    QString comparable() const;
    bool isViewLike() const { return type == Type::View || type == Type::MaterializedView; }

    bool operator==(const SchemaObjectDef &) const = default;
};

// "view", "materialized view", "trigger", "function"/"procedure", "sequence".
QString schemaObjectTypeName(const SchemaObjectDef &object);
// "v", "t.trg" (trigger on table t), "f(integer, text)".
QString schemaObjectLabel(const SchemaObjectDef &object);

// The names among `candidates` that `text` mentions as a word or quoted identifier ("x", `x`,
// [x]), for the dependencies of views and triggers that the database does not record
// (SQLite, MariaDB). A false match only orders statements more carefully than needed.
// backslashEscapes: a backslash escapes the next character in a string (MariaDB, MySQL).
QStringList mentionedNames(const QString &text, const QStringList &candidates,
                           bool backslashEscapes = false);

// Objects in an order where each comes after the objects it uses (among `objects`); a cycle
// is broken by name. Used for creation; the reverse order drops.
QList<const SchemaObjectDef *> dependencyOrder(const QList<const SchemaObjectDef *> &objects);

} // namespace tidemark
