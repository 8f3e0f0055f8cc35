#include "preflight/migrationcheck.h"

#include "migration/migrationset.h"
#include "migration/sqllexer.h"
#include "migration/statementeffects.h"
#include "migration/transactioncontrol.h"
#include "preflight/checkinorder.h"
#include "preflight/sqltokens.h"
#include "preflight/statementshapes.h"
#include "project/configuration.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace tidemark {

namespace {

struct Statement
{
    SqlStatement sql;
    QList<SqlToken> tokens;
};

// The file's lines by number, for the allow= comments above a statement.
QHash<int, QString> linesOf(const MigrationText &text)
{
    QHash<int, QString> lines;
    const auto add = [&lines](const QString &section, int first) {
        const QStringList parts = section.split(u'\n');
        for (qsizetype i = 0; i < parts.size(); ++i)
            lines.insert(first + int(i), parts.at(i));
    };
    add(text.upgradeSql, text.upgradeFirstLine);
    if (text.hasRollbackSection())
        add(text.rollbackSql, text.rollbackFirstLine);
    return lines;
}

const QRegularExpression &allowPattern()
{
    static const QRegularExpression allow(QStringLiteral("\\ballow=([A-Za-z0-9_-]+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    return allow;
}

// The rules allowed for the statement that starts on line: "-- tidemark: allow=RULE" in the
// comment lines right above it.
QSet<QString> allowedAt(const QHash<int, QString> &lines, int line)
{
    const QRegularExpression &allow = allowPattern();
    QSet<QString> rules;
    for (int l = line - 1; l >= 1 && lines.contains(l); --l) {
        const QString trimmed = lines.value(l).trimmed();
        if (!trimmed.startsWith(u"--"))
            break;
        if (!trimmed.contains(u"tidemark:", Qt::CaseInsensitive))
            continue;
        for (auto it = allow.globalMatch(trimmed); it.hasNext();)
            rules.insert(it.next().captured(1).toLower());
    }
    return rules;
}

// allow= ids in tidemark comments that name no rule: (line, id), so a typo does not silently
// leave the statement below it flagged.
QList<std::pair<int, QString>> unknownAllows(const QHash<int, QString> &lines)
{
    const QRegularExpression &allow = allowPattern();
    QList<std::pair<int, QString>> unknown;
    for (auto line = lines.constBegin(); line != lines.constEnd(); ++line) {
        const QString trimmed = line.value().trimmed();
        if (!trimmed.startsWith(u"--") || !trimmed.contains(u"tidemark:", Qt::CaseInsensitive))
            continue;
        for (auto it = allow.globalMatch(trimmed); it.hasNext();) {
            const QString id = it.next().captured(1).toLower();
            if (!findCheckRule(id))
                unknown.append({line.key(), id});
        }
    }
    return unknown;
}

class FileChecker
{
public:
    FileChecker(QString file, MigrationKind kind, const MigrationText &text, SqlDialect dialect,
                QList<ViewUse> *views, QSet<QString> remadeLater = {})
        : m_file(std::move(file))
        , m_kind(kind)
        , m_text(text)
        , m_dialect(dialect)
        , m_lines(linesOf(text))
        , m_views(views ? views : &m_ownViews)
        , m_remadeLater(std::move(remadeLater))
    {}

    QList<CheckFinding> run()
    {
        if (!m_text.directives.error.isEmpty()) {
            add(QStringLiteral("unreadable"), m_text.directives.errorLine, m_text.directives.error,
                QStringLiteral("Fix the tidemark: directive."));
            return m_findings;
        }
        const std::optional<QList<Statement>> upgrade =
            split(m_text.upgradeSql, m_text.upgradeFirstLine, QStringLiteral("upgrade"));
        std::optional<QList<Statement>> rollback =
            m_text.hasRollbackSection()
                ? split(m_text.rollbackSql, m_text.rollbackFirstLine, QStringLiteral("rollback"))
                : QList<Statement>();
        if (!upgrade)
            return m_findings;
        if (!rollback)
            rollback = QList<Statement>(); // reported; the upgrade is still checked
        for (const TextWarning &warning : m_text.warnings)
            add(QStringLiteral("near-miss-rollback-marker"), warning.line, warning.message,
                QStringLiteral("Write the marker as a line of its own: -- rollback"));
        collectCreated(*upgrade);
        for (const Statement &s : *upgrade)
            checkStatement(s);
        // The rollback runs in the same kind of transaction: what would make it fail there.
        for (const Statement &s : *rollback)
            checkRollbackStatement(s);
        checkFile(*upgrade, *rollback);
        return m_findings;
    }

private:
    std::optional<QList<Statement>> split(const QString &sql, int firstLine, const QString &command)
    {
        Result<QList<SqlStatement>> statements =
            splitStatements(sql, {m_dialect, m_text.delimiter, firstLine});
        if (!statements) {
            add(QStringLiteral("unreadable"), statements.error().line, statements.error().message,
                QStringLiteral("Fix the quoting; %1 would refuse the file too.").arg(command));
            return std::nullopt;
        }
        QList<Statement> result;
        for (const SqlStatement &s : statements.value())
            result.append({s, tokenizeStatement(s.text, m_dialect)});
        return result;
    }

    void add(const QString &rule, int line, const QString &message, const QString &alternative,
             const QStringList &tables = {})
    {
        m_findings.append(
            {rule, CheckSeverity::Warning, m_file, line, message, alternative, tables, -1});
    }

    void collectCreated(const QList<Statement> &statements)
    {
        // The runner honours PRAGMA foreign_keys=OFF as the file's first statement (it runs it
        // before the transaction; see foreignkeypragmas.h); anywhere else it does nothing.
        if (!statements.isEmpty()) {
            const TokenView first(statements.first().tokens);
            // PRAGMA [schema.]foreign_keys = OFF|FALSE|0
            const qsizetype i = first.word(2) == u"FOREIGN_KEYS" ? 2 : 1;
            const qsizetype value = i + 2;
            m_foreignKeysOff = first.word(0) == u"PRAGMA" && first.word(i) == u"FOREIGN_KEYS" &&
                               value < first.size() &&
                               (first.word(value) == u"OFF" || first.word(value) == u"FALSE" ||
                                first.at(value).text == u"0");
        }
        for (const Statement &s : statements) {
            const TokenView v(s.tokens);
            const auto [kind, name] = createdObject(v);
            // Made by this file, so empty and unused: tables and (materialized) views.
            if ((kind == u"TABLE" || kind == u"VIEW") && !name.isEmpty())
                m_createdTables.insert(name.toLower());
            if (v.contains({QStringLiteral("VALIDATE"), QStringLiteral("CONSTRAINT")}))
                m_validatesConstraint = true;
            qsizetype after = 0;
            if (!alteredTable(v, &after).isEmpty() &&
                v.wordsAt(after, {QStringLiteral("RENAME"), QStringLiteral("TO")}))
                m_renamedTo.insert(v.nameAt(after + 2).toLower());
            for (const QString &view : viewsMadeOrDropped(s.sql.text, TokenView(s.tokens)))
                m_viewTouched[view].append(s.sql.line);
        }
    }

    // A table or column renamed while a view reads it, unless this file recreates or drops the
    // view afterwards. Then the views follow the statement.
    void checkRenames(const Statement &s, const TokenView &v)
    {
        const int line = s.sql.line;
        for (const TableRename &rename : renamesOf(v)) {
            const QString table = rename.table.toLower();
            const QString column = rename.column.toLower();
            QStringList readers;
            for (ViewUse &use : *m_views) {
                if (use.table != table || (!column.isEmpty() && !use.columns.contains(column)))
                    continue;
                const QList<int> touched = m_viewTouched.value(use.view.toLower());
                const bool redone = m_remadeLater.contains(use.view.toLower()) ||
                                    std::any_of(touched.cbegin(), touched.cend(),
                                                [line](int at) { return at > line; });
                if (!redone && !readers.contains(use.view))
                    readers << use.view;
                // PostgreSQL and SQLite rewrite the view to the new name; MariaDB/MySQL's view
                // keeps the old one (and fails).
                if (m_dialect == SqlDialect::MySql)
                    continue;
                if (column.isEmpty())
                    use.table = rename.to.toLower();
                else if (use.columns.remove(column))
                    use.columns.insert(rename.to.toLower());
            }
            if (readers.isEmpty())
                continue;
            const QString what =
                column.isEmpty() ? QStringLiteral("table %1").arg(rename.table)
                                 : QStringLiteral("column %1.%2").arg(rename.table, rename.column);
            add(QStringLiteral("rename-used-by-view"), line,
                QStringLiteral("Renames %1, which view(s) %2 read. %3")
                    .arg(what, readers.join(QStringLiteral(", ")), renameConsequence()),
                QStringLiteral("Recreate the view(s) after the rename in the same file (or "
                               "alias the column there), and rename in steps (add, copy, switch "
                               "readers, drop) while running code still uses the old name."));
        }
    }

    QString renameConsequence() const
    {
        switch (m_dialect) {
        case SqlDialect::MySql:
            return QStringLiteral("MariaDB/MySQL keep the old name in the view, so it fails "
                                  "from then on.");
        case SqlDialect::Postgres:
            return QStringLiteral("PostgreSQL rewrites the view to the new name but keeps its "
                                  "output column names, so its readers see no change while "
                                  "the table's readers break.");
        default:
            return QStringLiteral("SQLite rewrites the view's text to the new name, so a column "
                                  "the view passes through unaliased changes its name for the "
                                  "view's readers too.");
        }
    }

    // The views as they are after the statement: (re)created ones read what their SELECT
    // names, dropped ones are gone.
    void followViews(const Statement &s, const TokenView &v)
    {
        const QStringList touched = viewsMadeOrDropped(s.sql.text, TokenView(s.tokens));
        if (touched.isEmpty())
            return;
        m_views->removeIf(
            [&touched](const ViewUse &use) { return touched.contains(use.view.toLower()); });
        *m_views += viewUsesOf(v);
    }

    bool existingTable(const QString &name) const
    {
        return !name.isEmpty() && !m_createdTables.contains(name.toLower());
    }

    void checkStatement(const Statement &s)
    {
        const TokenView v(s.tokens);
        const int line = s.sql.line;
        if (m_text.directives.transaction) {
            const TransactionControlStatement control = transactionControl(s.sql.text, m_dialect);
            if (control.kind != TransactionControl::None)
                add(QStringLiteral("transaction-control"), line,
                    QStringLiteral("%1 ends or splits the transaction Tidemark runs the file in; "
                                   "upgrade refuses the file.")
                        .arg(control.keywords),
                    QStringLiteral("Remove it, or start the file with -- tidemark: "
                                   "transaction=off."));
        }
        // Every rule looks; checkMigrationText keeps the findings of the rules that apply to the
        // file's database (checkRules() says which).
        checkDestructive(s, v);
        checkPostgres(s, v);
        checkMySql(v, line);
        checkRenames(s, v);
        followViews(s, v);
    }

    void checkRollbackStatement(const Statement &s)
    {
        if (!m_text.directives.transaction)
            return;
        const TokenView v(s.tokens);
        const TransactionControlStatement control = transactionControl(s.sql.text, m_dialect);
        if (control.kind != TransactionControl::None)
            add(QStringLiteral("transaction-control"), s.sql.line,
                QStringLiteral("%1 in the rollback section ends or splits the transaction "
                               "Tidemark runs it in; rollback refuses the file.")
                    .arg(control.keywords),
                QStringLiteral("Remove it, or start the file with -- tidemark: "
                               "transaction=off."));
        if (concurrentlyOutsideTransaction(v))
            add(QStringLiteral("pg-concurrently-in-transaction"), s.sql.line,
                QStringLiteral("CONCURRENTLY cannot run inside a transaction block; this "
                               "rollback statement fails."),
                QStringLiteral("Drop it without CONCURRENTLY, or give the file -- tidemark: "
                               "transaction=off."));
    }

    void checkDestructive(const Statement &s, const TokenView &v)
    {
        const int line = s.sql.line;
        const QList<StatementEffect> effects = destructiveEffects(s.sql.text);
        for (const StatementEffect &effect : effects) {
            switch (effect.kind) {
            case StatementEffect::Kind::DropTable:
                // A table this file made, or one it rebuilds (a copy is renamed to its name
                // later), loses no rows that were there before.
                if (m_createdTables.contains(effect.object.toLower()) ||
                    m_renamedTo.contains(effect.object.toLower()))
                    break;
                add(QStringLiteral("drop-table"), line,
                    QStringLiteral("Drops table %1 and all its rows.").arg(effect.object),
                    QStringLiteral("Stop using the table first and drop it in a later release; "
                                   "keep a backup if its rows matter."),
                    {effect.object});
                break;
            case StatementEffect::Kind::DropColumn:
                add(QStringLiteral("drop-column"), line,
                    QStringLiteral("Drops column %1 and its data.").arg(effect.object),
                    QStringLiteral("Stop reading and writing the column in a release before, "
                                   "then drop it; deploys that still use it fail."),
                    {effect.object.section(u'.', 0, -2)});
                break;
            case StatementEffect::Kind::DropSchema:
            case StatementEffect::Kind::DropDatabase:
                add(QStringLiteral("drop-schema"), line,
                    QStringLiteral("Drops %1 with everything in it.").arg(effect.object),
                    QStringLiteral("Drop the objects one by one, so the file says what goes."));
                break;
            default:
                break;
            }
        }
        if (v.word(0) == u"TRUNCATE") {
            QStringList tables;
            for (const StatementEffect &effect : effects) {
                if (effect.kind == StatementEffect::Kind::DeleteRows)
                    tables << effect.object;
            }
            add(QStringLiteral("truncate"), line,
                QStringLiteral("Deletes every row of %1.").arg(tables.join(QStringLiteral(", "))),
                QStringLiteral("Delete only the rows you mean, with a WHERE clause."), tables);
        }
        qsizetype from = 0;
        const QString first = dmlVerb(v, &from);
        if (first == u"DELETE" && !hasTopLevelWhere(v, from)) {
            QStringList tables;
            for (const StatementEffect &effect : effects)
                if (effect.kind == StatementEffect::Kind::DeleteRows)
                    tables << effect.object;
            add(QStringLiteral("delete-without-where"), line,
                QStringLiteral("DELETE without WHERE deletes every row."),
                QStringLiteral("Add a WHERE clause naming the rows to delete."), tables);
        }
        if (first == u"UPDATE" && !hasTopLevelWhere(v, from)) {
            // UPDATE [LOW_PRIORITY] [IGNORE] [ONLY] table
            qsizetype at = from;
            while (v.word(at) == u"LOW_PRIORITY" || v.word(at) == u"IGNORE" ||
                   v.word(at) == u"ONLY")
                ++at;
            const QString table = v.nameAt(at);
            add(QStringLiteral("update-without-where"), line,
                QStringLiteral("UPDATE without WHERE changes every row."),
                QStringLiteral("Add a WHERE clause; for a backfill of a big table, update in "
                               "batches."),
                table.isEmpty() ? QStringList() : QStringList{table});
        }
    }

    void checkPostgres(const Statement &s, const TokenView &v)
    {
        const int line = s.sql.line;
        const bool concurrently = v.contains({QStringLiteral("CONCURRENTLY")});
        if (concurrentlyOutsideTransaction(v) && m_text.directives.transaction)
            add(QStringLiteral("pg-concurrently-in-transaction"), line,
                QStringLiteral("CONCURRENTLY cannot run inside a transaction block; this "
                               "statement fails."),
                QStringLiteral("Move it to a file of its own that starts with -- tidemark: "
                               "transaction=off."));
        const auto [created, name] = createdObject(v);
        if (created == u"INDEX" && !concurrently && existingTable(indexedTable(v)))
            add(QStringLiteral("pg-index-without-concurrently"), line,
                QStringLiteral("Builds an index on %1 while blocking writes to it for the whole "
                               "build.")
                    .arg(indexedTable(v)),
                QStringLiteral("CREATE INDEX CONCURRENTLY, in a file of its own with -- "
                               "tidemark: transaction=off."),
                {indexedTable(v)});
        qsizetype after = 0;
        const QString table = alteredTable(v, &after);
        if (!existingTable(table))
            return;
        for (qsizetype i = after; i < v.size(); ++i) {
            if (v.word(i) == u"ADD") {
                const qsizetype j = v.word(i + 1) == u"CONSTRAINT" ? i + 3 : i + 1;
                if (v.word(j) == u"FOREIGN" &&
                    !v.contains({QStringLiteral("NOT"), QStringLiteral("VALID")}))
                    add(QStringLiteral("pg-foreign-key-not-valid"), line,
                        QStringLiteral("Adding a foreign key to %1 checks every row while "
                                       "blocking writes to both tables.")
                            .arg(table),
                        QStringLiteral("ADD ... NOT VALID, then ALTER TABLE ... VALIDATE "
                                       "CONSTRAINT in a later statement (a weaker lock)."),
                        {table});
                if (v.word(j) == u"CHECK" &&
                    !v.contains({QStringLiteral("NOT"), QStringLiteral("VALID")}))
                    add(QStringLiteral("pg-check-not-valid"), line,
                        QStringLiteral("Adding a check to %1 scans every row while blocking "
                                       "reads and writes.")
                            .arg(table),
                        QStringLiteral("ADD ... NOT VALID, then ALTER TABLE ... VALIDATE "
                                       "CONSTRAINT in a later statement (a weaker lock)."),
                        {table});
                if (volatileDefaultAfter(v, j))
                    add(QStringLiteral("pg-volatile-default"), line,
                        QStringLiteral("A volatile default makes PostgreSQL rewrite all of %1 "
                                       "under an exclusive lock.")
                            .arg(table),
                        QStringLiteral("Add the column without a default, set the default "
                                       "afterwards, and backfill existing rows in batches."),
                        {table});
            }
            // ALTER [COLUMN] c [SET DATA] TYPE t; not a column named "type".
            const bool typeChange = v.word(i) == u"TYPE" &&
                                    ((v.word(i - 1) == u"DATA" && v.word(i - 2) == u"SET") ||
                                     (v.word(i - 2) == u"ALTER" && v.word(i - 1) != u"COLUMN") ||
                                     (v.word(i - 3) == u"ALTER" && v.word(i - 2) == u"COLUMN"));
            if (typeChange)
                add(QStringLiteral("pg-alter-column-type"), line,
                    QStringLiteral("Changing a column's type can rewrite all of %1 under an "
                                   "exclusive lock.")
                        .arg(table),
                    QStringLiteral("Add a column of the new type, backfill it in batches, switch "
                                   "readers over, then drop the old column."),
                    {table});
            if (v.wordsAt(i,
                          {QStringLiteral("SET"), QStringLiteral("NOT"), QStringLiteral("NULL")}) &&
                !m_validatesConstraint)
                add(QStringLiteral("pg-set-not-null"), line,
                    QStringLiteral("SET NOT NULL scans all of %1 under an exclusive lock.")
                        .arg(table),
                    QStringLiteral("First ADD CONSTRAINT ... CHECK (column IS NOT NULL) NOT "
                                   "VALID and VALIDATE it; SET NOT NULL then skips the scan "
                                   "(PostgreSQL 12+)."),
                    {table});
        }
    }

    // "ADD [COLUMN] [IF NOT EXISTS] name type ... DEFAULT f(...)" with a volatile f, up to the
    // next top-level comma.
    static bool volatileDefaultAfter(const TokenView &v, qsizetype i)
    {
        int depth = 0;
        for (; i < v.size(); ++i) {
            const SqlToken &t = v.at(i);
            if (t.isPunctuation(u'('))
                ++depth;
            else if (t.isPunctuation(u')'))
                --depth;
            else if (depth == 0 && t.isPunctuation(u','))
                return false;
            else if (t.isWord(u"DEFAULT")) {
                for (qsizetype k = i + 1; k < v.size() && !(v.at(k).isPunctuation(u',')); ++k) {
                    if (isVolatileFunction(v.word(k)))
                        return true;
                }
                return false;
            }
        }
        return false;
    }

    void checkMySql(const TokenView &v, int line)
    {
        qsizetype after = 0;
        const QString table = alteredTable(v, &after);
        const qsizetype algorithm = v.find({QStringLiteral("ALGORITHM")});
        qsizetype value = algorithm + 1; // ALGORITHM [=] INPLACE
        if (algorithm >= 0 && value < v.size() && v.at(value).isPunctuation(u'='))
            ++value;
        const QString chosen = algorithm < 0 ? QString() : v.word(value);
        if (!existingTable(table) ||
            QStringList{QStringLiteral("INPLACE"), QStringLiteral("INSTANT"),
                        QStringLiteral("NOCOPY")}
                .contains(chosen))
            return;
        for (qsizetype i = after; i < v.size(); ++i) {
            const bool copies = v.word(i) == u"MODIFY" || v.word(i) == u"CHANGE" ||
                                v.wordsAt(i, {QStringLiteral("CONVERT"), QStringLiteral("TO")}) ||
                                v.wordsAt(i, {QStringLiteral("PRIMARY"), QStringLiteral("KEY")});
            if (copies) {
                add(QStringLiteral("mysql-table-copy"), line,
                    QStringLiteral("This ALTER TABLE may copy all of %1, blocking writes while it "
                                   "does.")
                        .arg(table),
                    QStringLiteral("Add ALGORITHM=INPLACE (or INSTANT), LOCK=NONE, so the server "
                                   "refuses instead of copying; for big tables use an online "
                                   "schema change tool."),
                    {table});
                return;
            }
        }
    }

    void checkFile(const QList<Statement> &upgrade, const QList<Statement> &rollback)
    {
        if (m_kind == MigrationKind::Versioned && !m_text.hasRollbackSection())
            add(QStringLiteral("missing-rollback"), 1,
                QStringLiteral("There is no -- rollback section: rollback refuses this file."),
                QStringLiteral("Add a -- rollback line and the SQL that undoes the upgrade."));
        if (m_kind == MigrationKind::Versioned && m_text.hasRollbackSection()) {
            QSet<QString> named;
            for (const Statement &s : rollback) {
                for (const SqlToken &t : s.tokens) {
                    if (t.isName())
                        named.insert(t.text.toLower());
                }
            }
            for (const Statement &s : upgrade) {
                const TokenView v(s.tokens);
                const auto [kind, name] = createdObject(v);
                // Dropping a table drops its indexes too.
                if (kind == u"INDEX" && named.contains(indexedTable(v).toLower()))
                    continue;
                if (!name.isEmpty() && kind != u"TRIGGER" && !named.contains(name.toLower()))
                    add(QStringLiteral("rollback-misses-object"), s.sql.line,
                        QStringLiteral("The upgrade creates %1 %2, but the rollback never names "
                                       "it.")
                            .arg(kind.toLower(), name),
                        QStringLiteral("Drop %1 in the rollback section.").arg(name));
            }
        }
        if (!m_text.directives.transaction && upgrade.size() > 1) {
            const bool needsIt = std::any_of(
                upgrade.cbegin(), upgrade.cend(), [dialect = m_dialect](const Statement &s) {
                    const TokenView v(s.tokens);
                    return concurrentlyOutsideTransaction(v) ||
                           v.startsWith({QStringLiteral("VACUUM")}) ||
                           v.startsWith({QStringLiteral("CREATE"), QStringLiteral("DATABASE")}) ||
                           v.startsWith({QStringLiteral("DROP"), QStringLiteral("DATABASE")}) ||
                           v.wordsAt(0, {QStringLiteral("ALTER"), QStringLiteral("TYPE")}) ||
                           v.wordsAt(0, {QStringLiteral("ALTER"), QStringLiteral("SYSTEM")}) ||
                           transactionControl(s.sql.text, dialect).kind != TransactionControl::None;
                });
            if (!needsIt)
                add(QStringLiteral("transaction-off-could-be-atomic"),
                    m_text.directives.transactionLine,
                    QStringLiteral("transaction=off, yet none of the %1 statements needs it: a "
                                   "failure would leave the file partly applied.")
                        .arg(upgrade.size()),
                    QStringLiteral("Drop the directive so the file runs in one transaction, or "
                                   "keep only the statement that needs it in this file."));
        }
        checkMixedDdlAndData(upgrade);
        if (!m_foreignKeysOff)
            checkSqliteRebuild(upgrade);
    }

    void checkMixedDdlAndData(const QList<Statement> &upgrade)
    {
        int ddlLine = 0;
        int dmlLine = 0;
        for (const Statement &s : upgrade) {
            const TokenView v(s.tokens);
            if (isDdl(v) && ddlLine == 0)
                ddlLine = s.sql.line;
            if (isDml(v) && dmlLine == 0)
                dmlLine = s.sql.line;
        }
        if (ddlLine > 0 && dmlLine > 0)
            add(QStringLiteral("mysql-ddl-with-data"), std::max(ddlLine, dmlLine),
                QStringLiteral("Schema changes (line %1) and data changes (line %2) in one file: "
                               "each DDL statement commits at once, so a failure leaves the file "
                               "partly applied.")
                    .arg(ddlLine)
                    .arg(dmlLine),
                QStringLiteral("Put the schema changes and the data changes in separate files."));
    }

    // CREATE TABLE t_new ...; INSERT ... SELECT ...; DROP TABLE t; ALTER TABLE t_new RENAME TO t
    void checkSqliteRebuild(const QList<Statement> &upgrade)
    {
        QHash<QString, int> dropped; // table -> line
        for (const Statement &s : upgrade) {
            const TokenView v(s.tokens);
            if (v.startsWith({QStringLiteral("DROP"), QStringLiteral("TABLE")})) {
                const qsizetype i =
                    v.wordsAt(2, {QStringLiteral("IF"), QStringLiteral("EXISTS")}) ? 4 : 2;
                dropped.insert(v.nameAt(i).toLower(), s.sql.line);
            }
            qsizetype after = 0;
            const QString table = alteredTable(v, &after);
            if (!table.isEmpty() &&
                v.wordsAt(after, {QStringLiteral("RENAME"), QStringLiteral("TO")})) {
                const QString target = v.nameAt(after + 2).toLower();
                if (dropped.contains(target)) {
                    add(QStringLiteral("sqlite-rebuild-without-foreign-keys-off"),
                        dropped.value(target),
                        QStringLiteral("Rebuilds table %1 with foreign keys enforced: dropping "
                                       "it deletes or blocks the rows that reference it.")
                            .arg(target),
                        QStringLiteral("Start the file with PRAGMA foreign_keys=OFF and end it "
                                       "with PRAGMA foreign_keys=ON (Tidemark runs them around "
                                       "the transaction), or let make-migrations write the "
                                       "rebuild."));
                    return;
                }
            }
        }
    }

    QString m_file;
    MigrationKind m_kind;
    const MigrationText &m_text;
    SqlDialect m_dialect;
    QHash<int, QString> m_lines;
    QSet<QString> m_createdTables; // lower-case
    bool m_validatesConstraint = false;
    bool m_foreignKeysOff = false;            // the file starts with PRAGMA foreign_keys=OFF
    QSet<QString> m_renamedTo;                // lower-case targets of ALTER TABLE ... RENAME TO
    QList<ViewUse> m_ownViews;                // without a context: the views this file makes
    QList<ViewUse> *m_views;                  // the context's views, or m_ownViews
    QSet<QString> m_remadeLater;              // views later files make or drop, lower-case
    QHash<QString, QList<int>> m_viewTouched; // lower-case view -> lines that make or drop it
    QList<CheckFinding> m_findings;

public:
    const QHash<int, QString> &lines() const { return m_lines; }
};

} // namespace

Result<CheckSettings> checkSettings(const Configuration &config)
{
    CheckSettings settings;
    for (const auto &[key, target] :
         {std::pair{QStringLiteral("check_disable"), &settings.disabled},
          std::pair{QStringLiteral("check_error"), &settings.errors}}) {
        for (const QString &id : config.list(key)) {
            const QString rule = id.trimmed().toLower();
            if (rule.isEmpty())
                continue;
            if (!findCheckRule(rule)) {
                QStringList known;
                for (const CheckRule &r : checkRules())
                    known << r.id;
                Error e = Error::make(Error::Code::Config,
                                      QStringLiteral("%1 (from %2) names an unknown check rule "
                                                     "'%3'.")
                                          .arg(key, config.entry(key).source, rule),
                                      QStringLiteral("Known rules: %1.").arg(known.join(u", ")));
                return e;
            }
            target->insert(rule);
        }
    }
    return settings;
}

QList<CheckFinding> checkMigrationText(const QString &file, MigrationKind kind,
                                       const MigrationText &text, SqlDialect dialect,
                                       const CheckSettings &settings, CheckContext *context)
{
    FileChecker checker(file, kind, text, dialect, context ? &context->views : nullptr,
                        context ? context->viewsRemadeLater : QSet<QString>());
    QList<CheckFinding> raw = checker.run();
    QList<CheckFinding> findings;
    for (CheckFinding &finding : raw) {
        const CheckRule *rule = findCheckRule(finding.rule);
        // What upgrade refuses anyway stays an error: no setting or comment hides it.
        const bool refused =
            finding.rule == u"unreadable" || finding.rule == u"transaction-control";
        if (!rule || !rule->appliesTo(dialect) ||
            (!refused && (settings.disabled.contains(finding.rule) ||
                          allowedAt(checker.lines(), finding.line).contains(finding.rule))))
            continue;
        finding.severity =
            settings.errors.contains(finding.rule) ? CheckSeverity::Error : rule->severity;
        findings.append(std::move(finding));
    }
    if (!settings.disabled.contains(QStringLiteral("unknown-allow"))) {
        for (const auto &[line, rule] : unknownAllows(checker.lines()))
            findings.append(
                {QStringLiteral("unknown-allow"),
                 settings.errors.contains(QStringLiteral("unknown-allow")) ? CheckSeverity::Error
                                                                           : CheckSeverity::Warning,
                 file,
                 line,
                 QStringLiteral("allow=%1 names no check rule, so it allows nothing.").arg(rule),
                 QStringLiteral("Use a rule id from docs/preflight.md (check prints it in "
                                "brackets after each finding)."),
                 {},
                 -1});
    }
    std::stable_sort(findings.begin(), findings.end(),
                     [](const CheckFinding &a, const CheckFinding &b) { return a.line < b.line; });
    if (context)
        addRowCounts(*context, findings);
    return findings;
}

QList<CheckFinding> checkMigration(const Migration &migration, SqlDialect dialect,
                                   const CheckSettings &settings, CheckContext *context)
{
    return checkMigrationText(migration.relativePath, migration.kind(), migration.text, dialect,
                              settings, context);
}

QString checkFindingText(const CheckFinding &finding)
{
    return QStringLiteral("%1:%2: %3 [%4] %5\n    %6")
        .arg(finding.file)
        .arg(finding.line)
        .arg(checkSeverityName(finding.severity), finding.rule, finding.message,
             finding.alternative);
}

} // namespace tidemark
