// check's rules, one file at a time: each rule fires on a file that breaks it and stays silent
// on its safe twin; allow= comments, check_disable and check_error; quoting and bodies that
// only look like the statements a rule looks for.
#include "preflight/checkinorder.h"
#include "project/configuration.h"

#include <QTest>

using namespace tidemark;

namespace {

QList<CheckFinding> check(const QByteArray &text, SqlDialect dialect,
                          MigrationKind kind = MigrationKind::Versioned,
                          const CheckSettings &settings = {})
{
    const Result<MigrationText> parsed = parseMigrationText(text);
    if (!parsed)
        return {{QStringLiteral("parse-failed"),
                 CheckSeverity::Error,
                 {},
                 0,
                 parsed.error().message,
                 {},
                 {},
                 -1}};
    return checkMigrationText(QStringLiteral("V1__test.sql"), kind, parsed.value(), dialect,
                              settings);
}

// The rules rule_data gives a case for (one entry per case).
QStringList &testedRules()
{
    static QStringList rules;
    return rules;
}

QStringList rulesOf(const QList<CheckFinding> &findings)
{
    QStringList rules;
    for (const CheckFinding &f : findings)
        rules << f.rule;
    return rules;
}

} // namespace

class TestCheckRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rule_data();
    void rule();
    void findingNamesFileLineAndAlternative();
    void messagesNameTheObjects();
    void allowComment();
    void settingsDisableAndRaise();
    void settingsRejectUnknownRule();
    void renamesMeetTheViewsOfEarlierFiles();
    void aLaterFileThatRemakesTheViewSettlesTheRename();
    void everyRuleIsExercised();
};

void TestCheckRules::rule_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("rule");
    QTest::addColumn<bool>("fires");
    const auto pair = [](const char *name, SqlDialect dialect, const QByteArray &breaks,
                         const QByteArray &safe, const char *rule) {
        testedRules() << QString::fromLatin1(rule);
        QTest::newRow(QByteArray(QByteArray(name) + " breaks").constData())
            << dialect << breaks << QString::fromLatin1(rule) << true;
        QTest::newRow(QByteArray(QByteArray(name) + " safe twin").constData())
            << dialect << safe << QString::fromLatin1(rule) << false;
    };
    const SqlDialect pg = SqlDialect::Postgres;
    const SqlDialect my = SqlDialect::MySql;
    const SqlDialect lite = SqlDialect::Sqlite;
    const QByteArray rb = "\n-- rollback\nSELECT 1;\n";

    pair("drop table", lite, "DROP TABLE books;" + rb,
         "CREATE TABLE t (id INT);\n-- rollback\nDROP TABLE t;\n", "drop-table");
    pair("drop table in a string", lite, "DROP TABLE books;" + rb,
         "INSERT INTO notes VALUES ('DROP TABLE books');" + rb, "drop-table");
    pair("drop column", pg, "ALTER TABLE books DROP COLUMN isbn;" + rb,
         "ALTER TABLE books ADD COLUMN isbn TEXT;\n-- rollback\nALTER TABLE books DROP COLUMN "
         "isbn;\n",
         "drop-column");
    pair("drop schema", pg, "DROP SCHEMA old CASCADE;" + rb,
         "CREATE SCHEMA old;\n-- rollback\nDROP SCHEMA old;\n", "drop-schema");
    pair("truncate", my, "TRUNCATE TABLE log;" + rb, "DELETE FROM log WHERE id < 10;" + rb,
         "truncate");
    pair("delete without where", lite, "DELETE FROM log;" + rb,
         "DELETE FROM log WHERE created < '2020-01-01';" + rb, "delete-without-where");
    pair("delete in a function body", pg, "DELETE FROM log;" + rb,
         "CREATE FUNCTION purge() RETURNS void AS $$ DELETE FROM log; $$ LANGUAGE sql;\n"
         "-- rollback\nDROP FUNCTION purge();\n",
         "delete-without-where");
    pair("update without where", my, "UPDATE books SET price = 0;" + rb,
         "UPDATE books SET price = 0 WHERE price IS NULL;" + rb, "update-without-where");
    pair("index without concurrently", pg, "CREATE INDEX ix_title ON books (title);" + rb,
         "CREATE TABLE n (id INT);\nCREATE INDEX ix_n ON n (id);\n-- rollback\nDROP TABLE n;\n",
         "pg-index-without-concurrently");
    pair("index concurrently", pg, "CREATE INDEX ix_title ON books (title);" + rb,
         "-- tidemark: transaction=off\nCREATE INDEX CONCURRENTLY ix_title ON books (title);\n"
         "-- rollback\nDROP INDEX ix_title;\n",
         "pg-index-without-concurrently");
    pair("concurrently in a transaction", pg,
         "CREATE INDEX CONCURRENTLY ix_title ON books (title);\n-- rollback\nDROP INDEX "
         "ix_title;\n",
         "-- tidemark: transaction=off\nCREATE INDEX CONCURRENTLY ix_title ON books (title);\n"
         "-- rollback\nDROP INDEX ix_title;\n",
         "pg-concurrently-in-transaction");
    pair("volatile default", pg,
         "ALTER TABLE books ADD COLUMN token UUID DEFAULT gen_random_uuid();" + rb,
         "ALTER TABLE books ADD COLUMN added TIMESTAMPTZ DEFAULT now();" + rb,
         "pg-volatile-default");
    pair("column type", pg, "ALTER TABLE books ALTER COLUMN title TYPE VARCHAR(500);" + rb,
         "ALTER TABLE books ALTER COLUMN title SET DEFAULT 'untitled';" + rb,
         "pg-alter-column-type");
    pair("set data type", pg, "ALTER TABLE books ALTER title SET DATA TYPE TEXT;" + rb,
         "CREATE TABLE b2 (title VARCHAR(5));\nALTER TABLE b2 ALTER title TYPE TEXT;\n"
         "-- rollback\nDROP TABLE b2;\n",
         "pg-alter-column-type");
    pair("foreign key", pg,
         "ALTER TABLE books ADD CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES "
         "authors (id);" +
             rb,
         "ALTER TABLE books ADD CONSTRAINT fk_author FOREIGN KEY (author_id) REFERENCES "
         "authors (id) NOT VALID;" +
             rb,
         "pg-foreign-key-not-valid");
    pair("check", pg, "ALTER TABLE books ADD CONSTRAINT ck_price CHECK (price >= 0);" + rb,
         "ALTER TABLE books ADD CONSTRAINT ck_price CHECK (price >= 0) NOT VALID;" + rb,
         "pg-check-not-valid");
    pair("set not null", pg, "ALTER TABLE books ALTER COLUMN title SET NOT NULL;" + rb,
         "ALTER TABLE books VALIDATE CONSTRAINT ck_title;\n"
         "ALTER TABLE books ALTER COLUMN title SET NOT NULL;" +
             rb,
         "pg-set-not-null");
    pair("ddl with data", my, "CREATE TABLE t (id INT);\nINSERT INTO t VALUES (1);" + rb,
         "CREATE TABLE t (id INT);\nCREATE INDEX ix_t ON t (id);" + rb, "mysql-ddl-with-data");
    pair("table copy", my, "ALTER TABLE books MODIFY title VARCHAR(500);" + rb,
         "ALTER TABLE books MODIFY title VARCHAR(500), ALGORITHM=INPLACE, LOCK=NONE;" + rb,
         "mysql-table-copy");
    const QByteArray rebuild = "CREATE TABLE books_new (id INTEGER PRIMARY KEY, title TEXT);\n"
                               "INSERT INTO books_new SELECT id, title FROM books;\n"
                               "DROP TABLE books;\n"
                               "ALTER TABLE books_new RENAME TO books;\n";
    pair("sqlite rebuild", lite, rebuild + rb,
         "PRAGMA foreign_keys=OFF;\n" + rebuild + "PRAGMA foreign_keys=ON;\n" + rb,
         "sqlite-rebuild-without-foreign-keys-off");
    pair("missing rollback", lite, "CREATE TABLE t (id INT);\n",
         "CREATE TABLE t (id INT);\n-- rollback\nDROP TABLE t;\n", "missing-rollback");
    pair("rollback misses object", lite,
         "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n-- rollback\nDROP TABLE a;\n",
         "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n-- rollback\nDROP TABLE b;\nDROP "
         "TABLE a;\n",
         "rollback-misses-object");
    pair("near-miss marker", lite, "CREATE TABLE t (id INT);\n-- rollback:\nDROP TABLE t;\n",
         "CREATE TABLE t (id INT);\n-- rollback\nDROP TABLE t;\n", "near-miss-rollback-marker");
    pair("transaction control", pg,
         "CREATE TABLE t (id INT);\nCOMMIT;\n-- rollback\nDROP "
         "TABLE t;\n",
         "-- tidemark: transaction=off\nCREATE TABLE t (id INT);\nCOMMIT;\nVACUUM t;\n"
         "-- rollback\nDROP TABLE t;\n",
         "transaction-control");
    pair("transaction off without need", pg,
         "-- tidemark: transaction=off\nCREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n"
         "-- rollback\nDROP TABLE b;\nDROP TABLE a;\n",
         "-- tidemark: transaction=off\nCREATE TABLE a (id INT);\nCREATE INDEX CONCURRENTLY "
         "ix_a ON a (id);\n-- rollback\nDROP TABLE a;\n",
         "transaction-off-could-be-atomic");
    // A PostgreSQL rule says nothing about another database's file.
    QTest::newRow("dialect safe twin (sqlite)")
        << lite << QByteArray("CREATE INDEX ix_title ON books (title);" + rb)
        << QStringLiteral("pg-index-without-concurrently") << false;
    // Shapes a first version of the rules got wrong.
    const auto single = [](const char *name, SqlDialect dialect, const QByteArray &text,
                           const char *rule, bool fires) {
        QTest::newRow(name) << dialect << text << QString::fromLatin1(rule) << fires;
    };
    single("a column named type", pg, "ALTER TABLE orders ALTER COLUMN type SET DEFAULT 'x';" + rb,
           "pg-alter-column-type", false);
    single("a column named type changes type", pg,
           "ALTER TABLE orders ALTER type TYPE BIGINT;" + rb, "pg-alter-column-type", true);
    single("an index goes with its table", pg,
           "CREATE TABLE n (id INT);\nCREATE INDEX ix_n ON n (id);\n-- rollback\nDROP TABLE n;\n",
           "rollback-misses-object", false);
    single("an index on a materialized view the file makes", pg,
           "CREATE MATERIALIZED VIEW mv AS SELECT 1 AS id;\nCREATE INDEX ix_mv ON mv (id);\n"
           "-- rollback\nDROP MATERIALIZED VIEW mv;\n",
           "pg-index-without-concurrently", false);
    single("refresh concurrently is fine in a transaction", pg,
           "REFRESH MATERIALIZED VIEW CONCURRENTLY stats;" + rb, "pg-concurrently-in-transaction",
           false);
    single("drop index concurrently in a transaction", pg, "DROP INDEX CONCURRENTLY ix_t;" + rb,
           "pg-concurrently-in-transaction", true);
    single("a WHERE in a subquery only", pg,
           "UPDATE books SET author_name = (SELECT name FROM authors WHERE authors.id = "
           "books.author_id);" +
               rb,
           "update-without-where", true);
    single("WITH ... DELETE", pg, "WITH old AS (SELECT 1) DELETE FROM log;" + rb,
           "delete-without-where", true);
    single("MySQL double-quoted string with a backslash", my,
           "UPDATE u SET bio = \"5\\\" tall\" WHERE id = 1;" + rb, "update-without-where", false);
    single("MySQL --x is not a comment", my, "UPDATE t SET a = 1--1\nWHERE id = 2;" + rb,
           "update-without-where", false);
    single("a rebuild drops no rows", lite,
           "PRAGMA foreign_keys=OFF;\n" + rebuild + "PRAGMA foreign_keys=ON;\n" + rb, "drop-table",
           false);
    single("PRAGMA in the middle does nothing", lite, rebuild + "PRAGMA foreign_keys=OFF;\n" + rb,
           "sqlite-rebuild-without-foreign-keys-off", true);
    single("ALGORITHM=COPY copies", my, "ALTER TABLE books MODIFY title TEXT, ALGORITHM=COPY;" + rb,
           "mysql-table-copy", true);
    single("a temporary staging table is not DDL", my,
           "CREATE TEMPORARY TABLE stage (id INT);\nINSERT INTO stage VALUES (1);" + rb,
           "mysql-ddl-with-data", false);
    pair("unreadable", lite, "SELECT 'unterminated;\n", "SELECT 'terminated';" + rb, "unreadable");
    single("COMMIT in the rollback section", lite,
           "CREATE TABLE t (id INT);\n-- rollback\nDROP TABLE t;\nCOMMIT;\n", "transaction-control",
           true);
    single("DROP INDEX CONCURRENTLY in a transactional rollback", pg,
           "CREATE TABLE t (id INT);\n-- rollback\nDROP INDEX CONCURRENTLY ix;\nDROP TABLE t;\n",
           "pg-concurrently-in-transaction", true);
    single("DROP INDEX CONCURRENTLY in a transaction=off rollback", pg,
           "-- tidemark: transaction=off\nCREATE INDEX CONCURRENTLY ix ON t (id);\n-- rollback\n"
           "DROP INDEX CONCURRENTLY ix;\n",
           "pg-concurrently-in-transaction", false);
    // Renames of what a view reads, with the view made in the same file (the database's own
    // views come from a context: renamesMeetTheViewsOfEarlierFiles, tst_upgradecheck).
    pair("rename a column a view reads", pg,
         "CREATE VIEW v AS SELECT title FROM books;\n"
         "ALTER TABLE books RENAME COLUMN title TO name;" +
             rb,
         "CREATE VIEW v AS SELECT title FROM books;\n"
         "ALTER TABLE books RENAME COLUMN title TO name;\n"
         "CREATE OR REPLACE VIEW v AS SELECT name AS title FROM books;" +
             rb,
         "rename-used-by-view");
    single("rename a column no view reads", pg,
           "CREATE VIEW v AS SELECT title FROM books;\n"
           "ALTER TABLE books RENAME COLUMN isbn TO code;" +
               rb,
           "rename-used-by-view", false);
    single("MariaDB CHANGE renames", my,
           "CREATE VIEW v AS SELECT b.title FROM books b;\n"
           "ALTER TABLE books CHANGE title name VARCHAR(200);" +
               rb,
           "rename-used-by-view", true);
    single("MariaDB CHANGE that keeps the name", my,
           "CREATE VIEW v AS SELECT b.title FROM books b;\n"
           "ALTER TABLE books CHANGE title title VARCHAR(300);" +
               rb,
           "rename-used-by-view", false);
    single("MariaDB RENAME TABLE", my,
           "CREATE VIEW v AS SELECT 1 AS one FROM authors, books;\n"
           "RENAME TABLE books TO titles;" +
               rb,
           "rename-used-by-view", true);
    single("SQLite table rename under a joined view", lite,
           "CREATE VIEW v AS SELECT a.name FROM authors a JOIN books b ON b.author_id = a.id;\n"
           "ALTER TABLE books RENAME TO titles;" +
               rb,
           "rename-used-by-view", true);
    single("MariaDB full-form view, then a rename", my,
           "CREATE ALGORITHM=MERGE DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW v AS "
           "SELECT b.title FROM books b;\n"
           "ALTER TABLE books CHANGE title name VARCHAR(200);" +
               rb,
           "rename-used-by-view", true);
    single("MariaDB full-form view recreated after the rename", my,
           "CREATE VIEW v AS SELECT b.title FROM books b;\n"
           "ALTER TABLE books CHANGE title name VARCHAR(200);\n"
           "CREATE OR REPLACE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY "
           "DEFINER VIEW v AS SELECT b.name AS title FROM books b;" +
               rb,
           "rename-used-by-view", false);
    single("a column named view is no view", pg,
           "CREATE TABLE t (view INT);\nCREATE VIEW v AS SELECT view FROM t;\n"
           "ALTER TABLE t RENAME COLUMN view TO seen;" +
               rb,
           "rename-used-by-view", true);
    single("a view dropped before the rename", lite,
           "CREATE VIEW v AS SELECT title FROM books;\nDROP VIEW v;\n"
           "ALTER TABLE books RENAME TO titles;" +
               rb,
           "rename-used-by-view", false);
    pair("misspelt allow", lite,
         "-- tidemark: allow=delete-without-wher\nDELETE FROM log WHERE id = 1;" + rb,
         "-- tidemark: allow=delete-without-where\nDELETE FROM log;" + rb, "unknown-allow");
}

void TestCheckRules::rule()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QByteArray, text);
    QFETCH(QString, rule);
    QFETCH(bool, fires);
    const QList<CheckFinding> findings = check(text, dialect);
    QVERIFY2(rulesOf(findings).contains(rule) == fires,
             qPrintable(rulesOf(findings).join(u", ") + u" | " + QString::fromUtf8(text)));
    for (const CheckFinding &f : findings) {
        if (f.rule != rule)
            continue;
        QCOMPARE(f.severity, findCheckRule(rule)->severity);
        QVERIFY(f.line > 0);
        QVERIFY(!f.message.isEmpty());
        QVERIFY(!f.alternative.isEmpty());
    }
}

void TestCheckRules::findingNamesFileLineAndAlternative()
{
    const QList<CheckFinding> findings =
        check("-- a comment\nCREATE TABLE t (id INT);\n\nDELETE FROM log;\n-- rollback\nDROP "
              "TABLE t;\n",
              SqlDialect::Postgres);
    QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("delete-without-where")});
    QCOMPARE(findings.first().file, QStringLiteral("V1__test.sql"));
    QCOMPARE(findings.first().line, 4);
    QCOMPARE(findings.first().severity, CheckSeverity::Warning);
    QVERIFY(findings.first().alternative.contains(QStringLiteral("WHERE")));
}

void TestCheckRules::messagesNameTheObjects()
{
    const QList<CheckFinding> truncate = check("TRUNCATE TABLE ONLY a, b;"
                                               "\n-- rollback\nSELECT 1;\n",
                                               SqlDialect::Postgres);
    QCOMPARE(rulesOf(truncate), QStringList{QStringLiteral("truncate")});
    QCOMPARE(truncate.first().message, QStringLiteral("Deletes every row of a, b."));
    // What upgrade refuses stays an error, whatever the settings say.
    CheckSettings off;
    off.disabled.insert(QStringLiteral("transaction-control"));
    const QList<CheckFinding> commit =
        check("-- tidemark: allow=transaction-control\nCOMMIT;\n-- rollback\nSELECT 1;\n",
              SqlDialect::Sqlite, MigrationKind::Versioned, off);
    QCOMPARE(rulesOf(commit), QStringList{QStringLiteral("transaction-control")});
    QCOMPARE(commit.first().severity, CheckSeverity::Error);
    // A bad quote in the rollback does not hide the upgrade's findings.
    const QList<CheckFinding> both =
        check("DELETE FROM log;\n-- rollback\nSELECT 'x;\n", SqlDialect::Sqlite);
    QCOMPARE(rulesOf(both),
             (QStringList{QStringLiteral("delete-without-where"), QStringLiteral("unreadable")}));
    QVERIFY(both.last().alternative.contains(QStringLiteral("rollback would refuse")));
}

void TestCheckRules::allowComment()
{
    const QByteArray allowed = "-- tidemark: allow=delete-without-where\n"
                               "-- the log is rebuilt from scratch\n"
                               "DELETE FROM log;\n"
                               "DELETE FROM audit;\n"
                               "-- rollback\nSELECT 1;\n";
    const QList<CheckFinding> findings = check(allowed, SqlDialect::Sqlite);
    // Only the statement right below the comments is allowed; the next one is still reported.
    QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("delete-without-where")});
    QCOMPARE(findings.first().line, 4);
    // Two rules for one statement.
    const QList<CheckFinding> two =
        check("-- tidemark: allow=pg-index-without-concurrently allow=rollback-misses-object\n"
              "CREATE INDEX ix_t ON books (title);\n-- rollback\nSELECT 1;\n",
              SqlDialect::Postgres);
    QVERIFY2(two.isEmpty(), qPrintable(rulesOf(two).join(u", ")));
}

void TestCheckRules::settingsDisableAndRaise()
{
    const QByteArray text = "DROP TABLE books;\nDELETE FROM log;\n-- rollback\nSELECT 1;\n";
    CheckSettings settings;
    settings.disabled.insert(QStringLiteral("drop-table"));
    settings.errors.insert(QStringLiteral("delete-without-where"));
    const QList<CheckFinding> findings =
        check(text, SqlDialect::Sqlite, MigrationKind::Versioned, settings);
    QCOMPARE(rulesOf(findings), QStringList{QStringLiteral("delete-without-where")});
    QCOMPARE(findings.first().severity, CheckSeverity::Error);
    // Repeatable files need no rollback section.
    QVERIFY(!rulesOf(check("CREATE VIEW v AS SELECT 1;\n", SqlDialect::Sqlite,
                           MigrationKind::RunsOnChange))
                 .contains(QStringLiteral("missing-rollback")));
}

void TestCheckRules::settingsRejectUnknownRule()
{
    Configuration config;
    config.set(QStringLiteral("check_disable"),
               {QStringLiteral("drop-table, drop-tabel"), QStringLiteral("jetbase.toml")});
    const Result<CheckSettings> settings = checkSettings(config);
    QVERIFY(!settings);
    QCOMPARE(settings.error().code, Error::Code::Config);
    QVERIFY2(settings.error().message.contains(QStringLiteral("'drop-tabel'")),
             qPrintable(settings.error().message));
    QVERIFY(settings.error().message.contains(QStringLiteral("jetbase.toml")));
    config.set(QStringLiteral("check_disable"),
               {QStringLiteral("drop-table, DROP-COLUMN"), QStringLiteral("jetbase.toml")});
    const Result<CheckSettings> good = checkSettings(config);
    QVERIFY(good);
    QCOMPARE(good->disabled,
             (QSet<QString>{QStringLiteral("drop-table"), QStringLiteral("drop-column")}));
}

void TestCheckRules::renamesMeetTheViewsOfEarlierFiles()
{
    // A view the database has (the context), one an earlier file makes, and one an earlier file
    // drops: only the views still there when the rename runs count.
    const auto parsed = [](const QByteArray &text) { return parseMigrationText(text).value(); };
    const MigrationText first = parsed("CREATE VIEW recent AS SELECT id, title FROM books;\n"
                                       "DROP VIEW old_titles;\n-- rollback\nSELECT 1;\n");
    const MigrationText second = parsed("ALTER TABLE books RENAME COLUMN title TO name;\n"
                                        "ALTER TABLE authors RENAME COLUMN name TO full_name;\n"
                                        "ALTER TABLE loans RENAME COLUMN due TO due_on;\n"
                                        "-- rollback\nSELECT 1;\n");
    CheckContext context;
    context.views = {
        {QStringLiteral("old_titles"), QStringLiteral("loans"), {QStringLiteral("due")}},
        {QStringLiteral("by_author"),
         QStringLiteral("authors"),
         {QStringLiteral("name"), QStringLiteral("id")}}};
    checkMigrationText(QStringLiteral("V1__a.sql"), MigrationKind::Versioned, first,
                       SqlDialect::Postgres, {}, &context);
    const QList<CheckFinding> findings =
        checkMigrationText(QStringLiteral("V2__b.sql"), MigrationKind::Versioned, second,
                           SqlDialect::Postgres, {}, &context);
    QStringList messages;
    for (const CheckFinding &f : findings) {
        if (f.rule == u"rename-used-by-view")
            messages << QStringLiteral("%1: %2").arg(f.line).arg(f.message);
    }
    QCOMPARE(messages.size(), 2);
    QVERIFY2(messages.at(0).startsWith(u"1: Renames column books.title, which view(s) recent"),
             qPrintable(messages.at(0)));
    QVERIFY2(messages.at(1).startsWith(u"2: Renames column authors.name, which view(s) by_author"),
             qPrintable(messages.at(1)));
    // A view whose definition the server hides (MariaDB without SHOW VIEW) reads nothing.
    const QList<SqlToken> none;
    QVERIFY(viewUsesOf(TokenView(none), QStringLiteral("hidden")).isEmpty());
    // PostgreSQL's views follow the rename: a later file renaming name again still meets them.
    const MigrationText third = parsed("ALTER TABLE books RENAME COLUMN name TO label;\n"
                                       "-- rollback\nSELECT 1;\n");
    QCOMPARE(rulesOf(checkMigrationText(QStringLiteral("V3__c.sql"), MigrationKind::Versioned,
                                        third, SqlDialect::Postgres, {}, &context))
                 .count(QStringLiteral("rename-used-by-view")),
             1);
}

void TestCheckRules::aLaterFileThatRemakesTheViewSettlesTheRename()
{
    // The demo's shape: a runs-on-change file recreates the view, and runs after the versioned
    // files of the same upgrade.
    const MigrationText view =
        parseMigrationText("DROP VIEW IF EXISTS shelf;\nCREATE VIEW shelf AS SELECT title FROM "
                           "books;\n")
            .value();
    const MigrationText rename = parseMigrationText("ALTER TABLE books RENAME COLUMN title TO "
                                                    "name;\n-- rollback\nALTER TABLE books "
                                                    "RENAME COLUMN name TO title;\n")
                                     .value();
    const auto renameFindings = [](const QList<QList<CheckFinding>> &perFile) {
        int count = 0;
        for (const QList<CheckFinding> &findings : perFile)
            count += int(rulesOf(findings).count(QStringLiteral("rename-used-by-view")));
        return count;
    };
    // View first (an earlier file), then the rename: flagged.
    QCOMPARE(renameFindings(checkInOrder(
                 {{QStringLiteral("R__view.sql"), MigrationKind::RunsOnChange, &view},
                  {QStringLiteral("V2__rename.sql"), MigrationKind::Versioned, &rename}},
                 SqlDialect::MySql, {}, nullptr)),
             1);
    // The rename, then a file that makes the view again: settled.
    QCOMPARE(renameFindings(checkInOrder(
                 {{QStringLiteral("R__view.sql"), MigrationKind::RunsOnChange, &view},
                  {QStringLiteral("V2__rename.sql"), MigrationKind::Versioned, &rename},
                  {QStringLiteral("R__view.sql"), MigrationKind::RunsOnChange, &view}},
                 SqlDialect::MySql, {}, nullptr)),
             0);
}

void TestCheckRules::everyRuleIsExercised()
{
    // rule_data (run before this) names every rule, so a rule nobody tests cannot hide.
    QStringList ids;
    for (const CheckRule &rule : checkRules())
        ids << rule.id;
    QStringList untested;
    for (const QString &id : std::as_const(ids)) {
        if (!testedRules().contains(id))
            untested << id;
    }
    QVERIFY2(untested.isEmpty(), qPrintable(untested.join(u", ")));
    QVERIFY(testedRules().size() * 2 >= 30); // each: a file that breaks it and its safe twin
}

QTEST_GUILESS_MAIN(TestCheckRules)
#include "tst_checkrules.moc"
