// destructiveEffects(): what a statement destroys, as the rollback confirmation names it.
#include "migration/statementeffects.h"

#include <QTest>

using namespace tidemark;
using Kind = StatementEffect::Kind;

class TestStatementEffects : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void effects_data();
    void effects();
};

void TestStatementEffects::effects_data()
{
    QTest::addColumn<QString>("statement");
    // "kind:object", "+cascade" after it for CASCADE, joined by spaces; empty: none
    QTest::addColumn<QString>("expected");

    QTest::newRow("drop table") << "DROP TABLE sales"
                                << "table:sales";
    QTest::newRow("if exists, quoted, schema") << "drop table if exists \"app\".\"Sales\""
                                               << "table:Sales";
    QTest::newRow("backticks") << "DROP TABLE `book_stats`"
                               << "table:book_stats";
    QTest::newRow("leading comments") << "-- gone\n/* really */ DROP VIEW sales_by_book"
                                      << "view:sales_by_book";
    QTest::newRow("materialized view") << "DROP MATERIALIZED VIEW mv"
                                       << "materialized view:mv";
    QTest::newRow("index") << "DROP INDEX ix_sales_book_id"
                           << "index:ix_sales_book_id";
    QTest::newRow("trigger") << "DROP TRIGGER trg_sales_take_stock"
                             << "trigger:trg_sales_take_stock";
    QTest::newRow("drop column") << "ALTER TABLE books DROP COLUMN isbn"
                                 << "column:books.isbn";
    QTest::newRow("two columns, MySQL form")
        << "ALTER TABLE books DROP isbn, DROP COLUMN IF EXISTS stock"
        << "column:books.isbn column:books.stock";
    QTest::newRow("constraint is no column") << "ALTER TABLE books DROP CONSTRAINT fk_author"
                                             << "";
    QTest::newRow("primary key is no column") << "ALTER TABLE books DROP PRIMARY KEY"
                                              << "";
    QTest::newRow("drop not null is no column")
        << "ALTER TABLE books ALTER COLUMN isbn DROP NOT NULL, ALTER COLUMN id DROP IDENTITY"
        << "";
    QTest::newRow("drop default is no column") << "ALTER TABLE books ALTER isbn DROP DEFAULT"
                                               << "";
    QTest::newRow("add column") << "ALTER TABLE books ADD COLUMN isbn TEXT"
                                << "";
    QTest::newRow("delete") << "DELETE FROM authors WHERE name = 'x'"
                            << "rows:authors";
    QTest::newRow("truncate") << "TRUNCATE TABLE sales"
                              << "rows:sales";
    QTest::newRow("create") << "CREATE TABLE drop_me (id INTEGER)"
                            << "";
    QTest::newRow("insert") << "INSERT INTO t SELECT * FROM drop_table"
                            << "";
    QTest::newRow("empty") << ""
                           << "";

    // Comma lists name every object.
    QTest::newRow("tables list") << "DROP TABLE a, b, c"
                                 << "table:a table:b table:c";
    QTest::newRow("MySQL if exists list") << "DROP TABLE IF EXISTS a, `b`"
                                          << "table:a table:b";
    QTest::newRow("MySQL temporary table") << "DROP TEMPORARY TABLE IF EXISTS tmp"
                                           << "table:tmp";
    QTest::newRow("views list") << "DROP VIEW v1, app.v2"
                                << "view:v1 view:v2";
    QTest::newRow("indexes list") << "DROP INDEX CONCURRENTLY IF EXISTS ix_a, ix_b"
                                  << "index:ix_a index:ix_b";
    QTest::newRow("MySQL index on table") << "DROP INDEX ix_a ON books ALGORITHM = INPLACE"
                                          << "index:ix_a";
    QTest::newRow("trigger on table") << "DROP TRIGGER trg ON sales"
                                      << "trigger:trg";
    QTest::newRow("truncate list") << "TRUNCATE a, ONLY b, c * RESTART IDENTITY"
                                   << "rows:a rows:b rows:c";

    // CASCADE: what depends on the object goes too.
    QTest::newRow("cascade") << "DROP TABLE a, b CASCADE"
                             << "table:a+cascade table:b+cascade";
    QTest::newRow("restrict") << "DROP TABLE a RESTRICT"
                              << "table:a";
    QTest::newRow("quoted cascade is no keyword") << "DROP TRIGGER trg ON \"cascade\""
                                                  << "trigger:trg";
    QTest::newRow("truncate cascade") << "TRUNCATE TABLE sales CASCADE"
                                      << "rows:sales+cascade";
    QTest::newRow("drop column cascade")
        << "ALTER TABLE books DROP COLUMN isbn CASCADE, DROP COLUMN stock"
        << "column:books.isbn+cascade column:books.stock";

    // The other kinds.
    QTest::newRow("schema") << "DROP SCHEMA IF EXISTS reporting CASCADE"
                            << "schema:reporting+cascade";
    QTest::newRow("database") << "DROP DATABASE shop"
                              << "database:shop";
    QTest::newRow("sequence") << "DROP SEQUENCE seq_a, seq_b"
                              << "sequence:seq_a sequence:seq_b";
    QTest::newRow("type") << "DROP TYPE mood"
                          << "type:mood";
    QTest::newRow("functions with arguments") << "DROP FUNCTION IF EXISTS f(int, text), g()"
                                              << "function:f function:g";
    QTest::newRow("procedure") << "DROP PROCEDURE app.refresh_stats"
                               << "procedure:refresh_stats";
    QTest::newRow("materialized view list") << "DROP MATERIALIZED VIEW IF EXISTS mv1, mv2"
                                            << "materialized view:mv1 materialized view:mv2";
    QTest::newRow("rename is no loss") << "ALTER TABLE books RENAME TO old_books"
                                       << "";
    QTest::newRow("rename column is no loss") << "ALTER TABLE books RENAME COLUMN a TO b"
                                              << "";

    // Names.
    QTest::newRow("truncate only") << "TRUNCATE ONLY t"
                                   << "rows:t";
    QTest::newRow("delete from only") << "DELETE FROM ONLY t WHERE id = 1"
                                      << "rows:t";
    QTest::newRow("quoted with spaces") << "DROP TABLE \"my table\""
                                        << "table:my table";
    QTest::newRow("three parts") << "DROP TABLE db.schema.t"
                                 << "table:t";
    QTest::newRow("blanks around dots") << "DROP TABLE app . \"Sales\" CASCADE"
                                        << "table:Sales+cascade";
    QTest::newRow("quoted keyword column") << "ALTER TABLE t DROP COLUMN \"default\""
                                           << "column:t.default";
    QTest::newRow("quoted keyword column, no COLUMN") << "ALTER TABLE t DROP \"default\""
                                                      << "column:t.default";
    QTest::newRow("quoted keyword table") << "DROP TABLE \"table\", \"if\""
                                          << "table:table table:if";
    QTest::newRow("backticks with dot") << "DROP TABLE `shop`.`order items`"
                                        << "table:order items";
    QTest::newRow("brackets") << "DROP TABLE [dbo].[Order Details]"
                              << "table:Order Details";
    QTest::newRow("doubled quotes") << "DROP TABLE \"a\"\"b\", `c``d`, [e]]f]"
                                    << "table:a\"b table:c`d table:e]f";
    QTest::newRow("string with drop is skipped")
        << "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'DROP x', DROP COLUMN \"it's\""
        << "column:t.it's";
    QTest::newRow("MySQL multi-table delete") << "DELETE s, t.* FROM s JOIN t ON s.id = t.id"
                                              << "rows:s rows:t";
    QTest::newRow("MySQL delete using") << "DELETE QUICK FROM s, t USING s JOIN t"
                                        << "rows:s rows:t";
    QTest::newRow("nested comment") << "/* a /* b */ c */ DROP TABLE x"
                                    << "table:x";

    // Destructive, but not in a recognised form: still named.
    QTest::newRow("drop domain") << "DROP DOMAIN   positive_int"
                                 << "unrecognised DROP:DROP DOMAIN positive_int";
    QTest::newRow("drop without name") << "drop table if exists"
                                       << "unrecognised DROP:drop table if exists";
    QTest::newRow("long unrecognised")
        << "-- c\nDROP EXTENSION IF EXISTS \"a very long extension name, longer than sixty\""
        << "unrecognised DROP:DROP EXTENSION IF EXISTS \"a very long extension name, longer…";
    QTest::newRow("truncate without name") << "TRUNCATE"
                                           << "unrecognised TRUNCATE:TRUNCATE";
}

void TestStatementEffects::effects()
{
    QFETCH(QString, statement);
    QFETCH(QString, expected);
    QStringList found;
    for (const StatementEffect &effect : destructiveEffects(statement)) {
        const char *kind = "";
        switch (effect.kind) {
        case Kind::DropTable:
            kind = "table";
            break;
        case Kind::DropView:
            kind = "view";
            break;
        case Kind::DropColumn:
            kind = "column";
            break;
        case Kind::DropIndex:
            kind = "index";
            break;
        case Kind::DropTrigger:
            kind = "trigger";
            break;
        case Kind::DropMaterializedView:
            kind = "materialized view";
            break;
        case Kind::DropSchema:
            kind = "schema";
            break;
        case Kind::DropDatabase:
            kind = "database";
            break;
        case Kind::DropSequence:
            kind = "sequence";
            break;
        case Kind::DropType:
            kind = "type";
            break;
        case Kind::DropFunction:
            kind = "function";
            break;
        case Kind::DropProcedure:
            kind = "procedure";
            break;
        case Kind::DeleteRows:
            kind = "rows";
            break;
        case Kind::Unrecognised:
            kind = "unrecognised";
            break;
        }
        QString text = QLatin1String(kind);
        if (effect.kind == Kind::Unrecognised)
            text += u' ' + effect.keyword;
        text += u':' + effect.object;
        if (effect.cascade)
            text += QStringLiteral("+cascade");
        found.append(text);
    }
    QCOMPARE(found.join(u' '), expected);
}

QTEST_GUILESS_MAIN(TestStatementEffects)
#include "tst_statementeffects.moc"
