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
    QTest::addColumn<QString>("expected"); // "kind:object" joined by spaces; empty: none

    QTest::newRow("drop table") << "DROP TABLE sales"
                                << "table:sales";
    QTest::newRow("if exists, quoted, schema") << "drop table if exists \"app\".\"Sales\""
                                               << "table:Sales";
    QTest::newRow("backticks") << "DROP TABLE `book_stats`"
                               << "table:book_stats";
    QTest::newRow("leading comments") << "-- gone\n/* really */ DROP VIEW sales_by_book"
                                      << "view:sales_by_book";
    QTest::newRow("materialized view") << "DROP MATERIALIZED VIEW mv"
                                       << "view:mv";
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
        case Kind::DeleteRows:
            kind = "rows";
            break;
        }
        found.append(QLatin1String(kind) + u':' + effect.object);
    }
    QCOMPARE(found.join(u' '), expected);
}

QTEST_GUILESS_MAIN(TestStatementEffects)
#include "tst_statementeffects.moc"
