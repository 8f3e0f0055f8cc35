#include "preflight/checkrules.h"

namespace tidemark {

QString checkSeverityName(CheckSeverity severity)
{
    switch (severity) {
    case CheckSeverity::Error:
        return QStringLiteral("error");
    case CheckSeverity::Warning:
        return QStringLiteral("warning");
    case CheckSeverity::Note:
        return QStringLiteral("note");
    }
    return {};
}

const QList<CheckRule> &checkRules()
{
    using S = CheckSeverity;
    const QList<SqlDialect> pg{SqlDialect::Postgres};
    const QList<SqlDialect> mysql{SqlDialect::MySql};
    const QList<SqlDialect> sqlite{SqlDialect::Sqlite};
    static const QList<CheckRule> rules = {
        // Files.
        {QStringLiteral("missing-rollback"),
         S::Warning,
         QStringLiteral("a versioned file without a rollback section"),
         {}},
        {QStringLiteral("rollback-misses-object"),
         S::Warning,
         QStringLiteral("the rollback never names a table, view, index or sequence the upgrade "
                        "creates"),
         {}},
        {QStringLiteral("near-miss-rollback-marker"),
         S::Warning,
         QStringLiteral("a comment that looks like the rollback marker but is not"),
         {}},
        {QStringLiteral("transaction-control"),
         S::Error,
         QStringLiteral("BEGIN/COMMIT/ROLLBACK in a file that runs in a transaction"),
         {}},
        {QStringLiteral("transaction-off-could-be-atomic"),
         S::Note,
         QStringLiteral("a transaction=off file whose statements could run in one transaction"),
         {SqlDialect::Sqlite, SqlDialect::Postgres}},
        {QStringLiteral("unknown-allow"),
         S::Warning,
         QStringLiteral("an allow= comment that names no rule (a typo allows nothing)"),
         {}},
        {QStringLiteral("unreadable"),
         S::Error,
         QStringLiteral("a file that cannot be read or split into statements"),
         {}},
        // Destructive statements.
        {QStringLiteral("drop-table"), S::Warning, QStringLiteral("DROP TABLE"), {}},
        {QStringLiteral("drop-column"),
         S::Warning,
         QStringLiteral("ALTER TABLE ... DROP COLUMN"),
         {}},
        {QStringLiteral("drop-schema"), S::Warning, QStringLiteral("DROP SCHEMA or DATABASE"), {}},
        {QStringLiteral("truncate"), S::Warning, QStringLiteral("TRUNCATE"), {}},
        {QStringLiteral("delete-without-where"),
         S::Warning,
         QStringLiteral("DELETE without WHERE"),
         {}},
        {QStringLiteral("update-without-where"),
         S::Warning,
         QStringLiteral("UPDATE without WHERE"),
         {}},
        {QStringLiteral("rename-used-by-view"),
         S::Warning,
         QStringLiteral("a table or column renamed while a view still reads it"),
         {SqlDialect::Sqlite, SqlDialect::Postgres, SqlDialect::MySql}},
        // PostgreSQL locks.
        {QStringLiteral("pg-index-without-concurrently"), S::Warning,
         QStringLiteral("CREATE INDEX on an existing table without CONCURRENTLY"), pg},
        {QStringLiteral("pg-concurrently-in-transaction"), S::Error,
         QStringLiteral("CONCURRENTLY in a file that runs in a transaction (fails)"), pg},
        {QStringLiteral("pg-volatile-default"), S::Warning,
         QStringLiteral("ADD COLUMN with a volatile default on an existing table (rewrite)"), pg},
        {QStringLiteral("pg-alter-column-type"), S::Warning,
         QStringLiteral("ALTER COLUMN ... TYPE on an existing table (rewrite)"), pg},
        {QStringLiteral("pg-foreign-key-not-valid"), S::Warning,
         QStringLiteral("ADD FOREIGN KEY without NOT VALID on an existing table"), pg},
        {QStringLiteral("pg-check-not-valid"), S::Warning,
         QStringLiteral("ADD CHECK without NOT VALID on an existing table"), pg},
        {QStringLiteral("pg-set-not-null"), S::Warning,
         QStringLiteral("SET NOT NULL without a validated check first (full scan under lock)"), pg},
        // MariaDB / MySQL.
        {QStringLiteral("mysql-ddl-with-data"), S::Warning,
         QStringLiteral("DDL and data changes in one file (DDL commits at once: not atomic)"),
         mysql},
        {QStringLiteral("mysql-table-copy"), S::Warning,
         QStringLiteral("ALTER TABLE that copies the table, without ALGORITHM="), mysql},
        // SQLite.
        {QStringLiteral("sqlite-rebuild-without-foreign-keys-off"), S::Warning,
         QStringLiteral("a hand-written table rebuild without PRAGMA foreign_keys=OFF"), sqlite},
    };
    return rules;
}

const CheckRule *findCheckRule(const QString &id)
{
    for (const CheckRule &rule : checkRules()) {
        if (rule.id == id)
            return &rule;
    }
    return nullptr;
}

} // namespace tidemark
