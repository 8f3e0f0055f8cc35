#include "identifiers.h"

#include "db/dialect.h"

#include <QRegularExpression>
#include <QSet>

namespace tidemark {

namespace {

// The union of the reserved words of PostgreSQL 15 (reserved and "requires AS" column of the
// keyword appendix), MariaDB 10.11 and SQLite 3.40 that a schema is likely to use as a name.
// Quoting a word that did not need it is harmless; missing one breaks the migration.
const char *const kReserved[] = {
    "add",
    "all",
    "alter",
    "analyse",
    "analyze",
    "and",
    "any",
    "array",
    "as",
    "asc",
    "asymmetric",
    "authorization",
    "before",
    "between",
    "bigint",
    "binary",
    "blob",
    "both",
    "by",
    "call",
    "cascade",
    "case",
    "cast",
    "change",
    "char",
    "character",
    "check",
    "collate",
    "column",
    "concurrently",
    "condition",
    "constraint",
    "continue",
    "convert",
    "create",
    "cross",
    "current_catalog",
    "current_date",
    "current_role",
    "current_schema",
    "current_time",
    "current_timestamp",
    "current_user",
    "cursor",
    "database",
    "databases",
    "day_hour",
    "decimal",
    "declare",
    "default",
    "deferrable",
    "delete",
    "desc",
    "describe",
    "distinct",
    "div",
    "do",
    "double",
    "drop",
    "each",
    "else",
    "elseif",
    "enclosed",
    "end",
    "escape",
    "except",
    "exists",
    "exit",
    "explain",
    "false",
    "fetch",
    "float",
    "for",
    "force",
    "foreign",
    "freeze",
    "from",
    "full",
    "fulltext",
    "function",
    "glob",
    "grant",
    "group",
    "having",
    "if",
    "ignore",
    "ilike",
    "in",
    "index",
    "indexed",
    "initially",
    "inner",
    "inout",
    "insert",
    "int",
    "integer",
    "intersect",
    "interval",
    "into",
    "is",
    "isnull",
    "join",
    "key",
    "keys",
    "kill",
    "lateral",
    "leading",
    "leave",
    "left",
    "like",
    "limit",
    "lines",
    "load",
    "localtime",
    "localtimestamp",
    "lock",
    "long",
    "loop",
    "match",
    "natural",
    "not",
    "notnull",
    "null",
    "numeric",
    "of",
    "offset",
    "on",
    "only",
    "option",
    "or",
    "order",
    "out",
    "outer",
    "over",
    "partition",
    "placing",
    "pragma",
    "precision",
    "primary",
    "procedure",
    "range",
    "read",
    "real",
    "references",
    "regexp",
    "reindex",
    "release",
    "rename",
    "repeat",
    "replace",
    "require",
    "restrict",
    "return",
    "returning",
    "revoke",
    "right",
    "rlike",
    "row",
    "rows",
    "schema",
    "select",
    "session_user",
    "set",
    "show",
    "similar",
    "smallint",
    "some",
    "spatial",
    "sql",
    "symmetric",
    "table",
    "temporary",
    "then",
    "to",
    "trailing",
    "transaction",
    "trigger",
    "true",
    "union",
    "unique",
    "unlock",
    "unsigned",
    "update",
    "usage",
    "use",
    "user",
    "using",
    "vacuum",
    "values",
    "varchar",
    "variadic",
    "verbose",
    "view",
    "when",
    "where",
    "while",
    "window",
    "with",
    "write",
    "xor",
    "year_month",
    "zerofill",
};

} // namespace

bool isReservedWord(const QString &word)
{
    static const QSet<QString> reserved = [] {
        QSet<QString> set;
        for (const char *w : kReserved)
            set.insert(QString::fromLatin1(w));
        return set;
    }();
    return reserved.contains(word.toLower());
}

QString sqlName(SqlDialect dialect, const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (plain.match(name).hasMatch() && !isReservedWord(name))
        return name;
    // The dialects' own quoting, one instance each for the life of the program.
    static const std::unique_ptr<Dialect> dialects[] = {
        Dialect::create(SqlDialect::Sqlite), Dialect::create(SqlDialect::Postgres),
        Dialect::create(SqlDialect::MySql), Dialect::create(SqlDialect::Snowflake),
        Dialect::create(SqlDialect::Databricks)};
    return dialects[int(dialect)]->quoteIdentifier(name);
}

QString sqlString(SqlDialect dialect, const QString &text)
{
    QString escaped = text;
    if (dialect == SqlDialect::MySql)
        escaped.replace(QStringLiteral("\\"), QStringLiteral("\\\\"));
    escaped.replace(QStringLiteral("'"), QStringLiteral("''"));
    return u'\'' + escaped + u'\'';
}

} // namespace tidemark
