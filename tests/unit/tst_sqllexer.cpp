#include "migration/sqllexer.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace tidemark;
using namespace Qt::StringLiterals;

namespace {

const QStringList allDialects = {u"sqlite"_s, u"postgres"_s, u"mysql"_s, u"snowflake"_s,
                                 u"databricks"_s};

SqlDialect dialectFrom(const QString &name)
{
    if (name == u"postgres")
        return SqlDialect::Postgres;
    if (name == u"mysql")
        return SqlDialect::MySql;
    if (name == u"snowflake")
        return SqlDialect::Snowflake;
    if (name == u"databricks")
        return SqlDialect::Databricks;
    return SqlDialect::Sqlite;
}

// Rows take UTF-8 C strings so that the SQL reads as it would in a migration file.
void splitRow(const QString &name, const QString &dialect, const char *sql,
              const QStringList &texts, const QList<int> &lines, const char *delimiter = ";",
              int firstLine = 1)
{
    QTest::newRow(qPrintable(name)) << dialect << QString::fromUtf8(delimiter) << firstLine
                                    << QString::fromUtf8(sql) << texts << lines;
}

void splitRowAll(const QString &name, const char *sql, const QStringList &texts,
                 const QList<int> &lines)
{
    for (const QString &dialect : allDialects)
        splitRow(dialect + u": " + name, dialect, sql, texts, lines);
}

void errorRow(const char *name, const QString &dialect, const char *sql, int line,
              const char *messagePart, const char *hintPart, const char *delimiter = ";",
              int firstLine = 1)
{
    QTest::newRow(name) << dialect << QString::fromUtf8(delimiter) << firstLine
                        << QString::fromUtf8(sql) << line << QString::fromUtf8(messagePart)
                        << QString::fromUtf8(hintPart);
}

SplitOptions options(const QString &dialect, const QString &delimiter = u";"_s, int firstLine = 1)
{
    SplitOptions o;
    o.dialect = dialectFrom(dialect);
    o.delimiter = delimiter;
    o.firstLine = firstLine;
    return o;
}

} // namespace

class TestSqlLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void split_data();
    void split();
    void errors_data();
    void errors();
    void largeInputIsSplitInOnePass();
    void statementsNeverEndWithDelimiterOrBlank();
};

void TestSqlLexer::split_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<QStringList>("texts");
    QTest::addColumn<QList<int>>("lines");

    // --- every dialect ---
    splitRowAll(u"basic"_s, "CREATE TABLE a (id INTEGER);\nINSERT INTO a VALUES (1);\n",
                {u"CREATE TABLE a (id INTEGER)"_s, u"INSERT INTO a VALUES (1)"_s}, {1, 2});
    splitRowAll(u"two statements on one line"_s, "SELECT 1; SELECT 2;",
                {u"SELECT 1"_s, u"SELECT 2"_s}, {1, 1});
    splitRowAll(u"multi-line statement"_s,
                "CREATE TABLE t (\n  id INT,\n  name TEXT\n);\nSELECT 1;",
                {u"CREATE TABLE t (\n  id INT,\n  name TEXT\n)"_s, u"SELECT 1"_s}, {1, 5});
    splitRowAll(u"semicolon in string at end of line"_s,
                "INSERT INTO t VALUES ('a;\nb;');\nSELECT 2;",
                {u"INSERT INTO t VALUES ('a;\nb;')"_s, u"SELECT 2"_s}, {1, 3});
    splitRowAll(u"doubled single quotes"_s, "SELECT 'it''s; fine';SELECT 'x'''",
                {u"SELECT 'it''s; fine'"_s, u"SELECT 'x'''"_s}, {1, 1});
    splitRowAll(u"doubled double quotes"_s, "SELECT \"a\"\";b\" FROM t; SELECT 2",
                {u"SELECT \"a\"\";b\" FROM t"_s, u"SELECT 2"_s}, {1, 1});
    splitRowAll(u"inline comment inside statement kept"_s,
                "INSERT INTO t (a, -- first; column\n  b) VALUES (1, 2);\nSELECT 1;",
                {u"INSERT INTO t (a, -- first; column\n  b) VALUES (1, 2)"_s, u"SELECT 1"_s},
                {1, 3});
    splitRowAll(u"block comment inside statement kept"_s, "SELECT /* a; b */ 1;",
                {u"SELECT /* a; b */ 1"_s}, {1});
    splitRowAll(u"leading and trailing comments dropped"_s,
                "-- header\n/* block; */\nSELECT 1; -- trailing; note\n-- more\nSELECT 2 -- x\n;",
                {u"SELECT 1"_s, u"SELECT 2"_s}, {3, 5});
    splitRowAll(u"last statement without delimiter kept"_s, "SELECT 1;\nSELECT 2",
                {u"SELECT 1"_s, u"SELECT 2"_s}, {1, 2});
    splitRowAll(u"consecutive delimiters"_s, "SELECT 1;;\n\tSELECT   2 ;  \n",
                {u"SELECT 1"_s, u"SELECT   2"_s}, {1, 2});
    splitRowAll(u"delimiter on its own line"_s, "SELECT 1\n;\n", {u"SELECT 1"_s}, {1});
    splitRowAll(u"empty input"_s, "", {}, {});
    splitRowAll(u"whitespace only"_s, "  \n\t\r\n ", {}, {});
    splitRowAll(u"comments only"_s, "-- a;\n/* b; */\n  -- c\n", {}, {});
    splitRowAll(u"delimiters only"_s, ";;\n ; ", {}, {});
    splitRowAll(u"CRLF line numbers"_s, "SELECT 1;\r\n\r\nSELECT\r\n 2;\r\nSELECT 3;",
                {u"SELECT 1"_s, u"SELECT\r\n 2"_s, u"SELECT 3"_s}, {1, 3, 5});
    splitRowAll(u"CR line numbers"_s, "SELECT 1;\r\rSELECT 2;\rSELECT 3;",
                {u"SELECT 1"_s, u"SELECT 2"_s, u"SELECT 3"_s}, {1, 3, 4});
    splitRowAll(u"mixed line breaks"_s, "SELECT 1;\n\r\n\rSELECT 2;\r\n\nSELECT 3;",
                {u"SELECT 1"_s, u"SELECT 2"_s, u"SELECT 3"_s}, {1, 4, 6});
    splitRowAll(u"line after multi-line string"_s, "SELECT 'a\nb\r\nc'; SELECT 2;",
                {u"SELECT 'a\nb\r\nc'"_s, u"SELECT 2"_s}, {1, 3});
    splitRowAll(u"line after multi-line comment"_s, "/* a\nb\n*/ SELECT 1;", {u"SELECT 1"_s}, {3});
    splitRowAll(u"byte-order mark is a blank"_s,
                "\xEF\xBB\xBF"
                "SELECT 1;",
                {u"SELECT 1"_s}, {1});
    splitRowAll(
        u"standalone transaction"_s,
        "BEGIN;\nCREATE TABLE a (id INT);\nINSERT INTO a VALUES (1);\nCOMMIT;",
        {u"BEGIN"_s, u"CREATE TABLE a (id INT)"_s, u"INSERT INTO a VALUES (1)"_s, u"COMMIT"_s},
        {1, 2, 3, 4});
    splitRowAll(u"begin transaction"_s, "BEGIN TRANSACTION;\nSELECT 1;\nEND TRANSACTION;",
                {u"BEGIN TRANSACTION"_s, u"SELECT 1"_s, u"END TRANSACTION"_s}, {1, 2, 3});
    splitRowAll(u"begin and end as column names"_s,
                "CREATE TABLE t (begin INT, \"end\" INT);\nSELECT 1;",
                {u"CREATE TABLE t (begin INT, \"end\" INT)"_s, u"SELECT 1"_s}, {1, 2});
    splitRowAll(u"non-ASCII text"_s, "SELECT 'ä;ö' AS größe; SELECT '😀'",
                {u"SELECT 'ä;ö' AS größe"_s, u"SELECT '😀'"_s}, {1, 1});
    splitRow(u"firstLine offset"_s, u"sqlite"_s, "SELECT 1;\n\nSELECT 2;",
             {u"SELECT 1"_s, u"SELECT 2"_s}, {10, 12}, ";", 10);
    splitRow(u"firstLine offset with leading blank lines"_s, u"postgres"_s, "\r\n-- c\r\nSELECT 1;",
             {u"SELECT 1"_s}, {7}, ";", 5);

    // --- SQLite ---
    splitRow(u"sqlite trigger body"_s, u"sqlite"_s,
             "CREATE TRIGGER trg AFTER INSERT ON a\nBEGIN\n  UPDATE b SET n = n + 1;\n  INSERT "
             "INTO log VALUES (new.id);\nEND;\nINSERT INTO a VALUES (1);",
             {u"CREATE TRIGGER trg AFTER INSERT ON a\nBEGIN\n  UPDATE b SET n = n + 1;\n  INSERT "
              "INTO log VALUES (new.id);\nEND"_s,
              u"INSERT INTO a VALUES (1)"_s},
             {1, 6});
    splitRow(u"sqlite trigger with CASE in body"_s, u"sqlite"_s,
             "CREATE TEMP TRIGGER IF NOT EXISTS trg AFTER UPDATE ON a\nBEGIN\n  UPDATE b SET f = "
             "CASE WHEN new.x > 0 THEN 1 ELSE 0 END;\n  SELECT CASE new.x WHEN 1 THEN 'one' "
             "END;\nEND;\nSELECT 1;",
             {u"CREATE TEMP TRIGGER IF NOT EXISTS trg AFTER UPDATE ON a\nBEGIN\n  UPDATE b SET f "
              "= CASE WHEN new.x > 0 THEN 1 ELSE 0 END;\n  SELECT CASE new.x WHEN 1 THEN 'one' "
              "END;\nEND"_s,
              u"SELECT 1"_s},
             {1, 6});
    splitRow(u"sqlite trigger with CASE in WHEN clause"_s, u"sqlite"_s,
             "CREATE TRIGGER trg AFTER UPDATE ON a WHEN CASE WHEN new.x THEN 1 END\nBEGIN\n  "
             "SELECT 1;\nEND;\nSELECT 2;",
             {u"CREATE TRIGGER trg AFTER UPDATE ON a WHEN CASE WHEN new.x THEN 1 END\nBEGIN\n  "
              "SELECT 1;\nEND"_s,
              u"SELECT 2"_s},
             {1, 5});
    splitRow(u"sqlite trigger lower case on one line"_s, u"sqlite"_s,
             "create trigger trg after insert on a begin select 1; end;select 2;",
             {u"create trigger trg after insert on a begin select 1; end"_s, u"select 2"_s},
             {1, 1});
    splitRow(u"sqlite trigger keywords in strings and comments"_s, u"sqlite"_s,
             "CREATE TRIGGER trg AFTER INSERT ON a\nBEGIN\n  -- END;\n  INSERT INTO log VALUES "
             "('end; begin');\n  /* end; */ INSERT INTO \"end\" VALUES (new.end);\nEND;\nSELECT "
             "2;",
             {u"CREATE TRIGGER trg AFTER INSERT ON a\nBEGIN\n  -- END;\n  INSERT INTO log VALUES "
              "('end; begin');\n  /* end; */ INSERT INTO \"end\" VALUES (new.end);\nEND"_s,
              u"SELECT 2"_s},
             {1, 7});
    splitRow(u"sqlite trigger name containing begin"_s, u"sqlite"_s,
             "CREATE TRIGGER begin_end AFTER INSERT ON a BEGIN SELECT 1; END;\nSELECT 2;",
             {u"CREATE TRIGGER begin_end AFTER INSERT ON a BEGIN SELECT 1; END"_s, u"SELECT 2"_s},
             {1, 2});
    splitRow(
        u"sqlite unterminated trigger body kept"_s, u"sqlite"_s,
        "SELECT 0;\nCREATE TRIGGER trg AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;\n",
        {u"SELECT 0"_s, u"CREATE TRIGGER trg AFTER INSERT ON a BEGIN\n  SELECT 1;\n  SELECT 2;"_s},
        {1, 2});
    splitRow(u"sqlite non-nested block comment"_s, u"sqlite"_s, "SELECT /* a /* b */ 1;\nSELECT 2;",
             {u"SELECT /* a /* b */ 1"_s, u"SELECT 2"_s}, {1, 2});
    splitRow(u"sqlite bracket and backquote identifiers"_s, u"sqlite"_s,
             "SELECT [a;b], `c;d` FROM t;SELECT 2;",
             {u"SELECT [a;b], `c;d` FROM t"_s, u"SELECT 2"_s}, {1, 1});
    splitRow(u"sqlite backslash is literal"_s, u"sqlite"_s, "SELECT 'C:\\';SELECT 2;",
             {u"SELECT 'C:\\'"_s, u"SELECT 2"_s}, {1, 1});

    // --- PostgreSQL ---
    splitRow(u"pg E-string with escaped quote"_s, u"postgres"_s,
             "SELECT E'it\\'s; here';\nSELECT 2;", {u"SELECT E'it\\'s; here'"_s, u"SELECT 2"_s},
             {1, 2});
    splitRow(u"pg lower-case e-string with escaped backslash"_s, u"postgres"_s,
             "SELECT e'a\\\\';SELECT 'b''';", {u"SELECT e'a\\\\'"_s, u"SELECT 'b'''"_s}, {1, 1});
    splitRow(u"pg backslash is literal in standard strings"_s, u"postgres"_s,
             "SELECT 'C:\\';SELECT 2;", {u"SELECT 'C:\\'"_s, u"SELECT 2"_s}, {1, 1});
    splitRow(u"pg $$ body"_s, u"postgres"_s,
             "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE "
             "plpgsql;\nSELECT f();",
             {u"CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE "
              "plpgsql"_s,
              u"SELECT f()"_s},
             {1, 6});
    splitRow(u"pg $fn$ body containing $$"_s, u"postgres"_s,
             "CREATE FUNCTION g() RETURNS text AS $fn$\nBEGIN\n  RETURN $$a;b$$;\nEND;\n$fn$ "
             "LANGUAGE plpgsql;\nSELECT g();",
             {u"CREATE FUNCTION g() RETURNS text AS $fn$\nBEGIN\n  RETURN $$a;b$$;\nEND;\n$fn$ "
              "LANGUAGE plpgsql"_s,
              u"SELECT g()"_s},
             {1, 6});
    splitRow(u"pg DO block"_s, u"postgres"_s, "DO $body$ BEGIN PERFORM 1; END $body$;\nSELECT 1;",
             {u"DO $body$ BEGIN PERFORM 1; END $body$"_s, u"SELECT 1"_s}, {1, 2});
    splitRow(u"pg $1 parameters are not quotes"_s, u"postgres"_s,
             "PREPARE p(int, int) AS SELECT $1 + $2;\nEXECUTE p(1, 2);",
             {u"PREPARE p(int, int) AS SELECT $1 + $2"_s, u"EXECUTE p(1, 2)"_s}, {1, 2});
    splitRow(u"pg dollar inside identifier"_s, u"postgres"_s, "SELECT a$b$c FROM t; SELECT 2;",
             {u"SELECT a$b$c FROM t"_s, u"SELECT 2"_s}, {1, 1});
    splitRow(u"pg nested block comments"_s, u"postgres"_s,
             "SELECT /* outer /* inner; */ still; */ 1;\nSELECT 2;",
             {u"SELECT /* outer /* inner; */ still; */ 1"_s, u"SELECT 2"_s}, {1, 2});
    splitRow(u"pg trigger without BEGIN splits"_s, u"postgres"_s,
             "CREATE TRIGGER trg BEFORE INSERT ON t\nFOR EACH ROW EXECUTE FUNCTION f();\nINSERT "
             "INTO t VALUES (1);",
             {u"CREATE TRIGGER trg BEFORE INSERT ON t\nFOR EACH ROW EXECUTE FUNCTION f()"_s,
              u"INSERT INTO t VALUES (1)"_s},
             {1, 3});
    splitRow(u"pg BEGIN ATOMIC body"_s, u"postgres"_s,
             "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT "
             "2;\nEND;\nSELECT f();",
             {u"CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  "
              "SELECT 2;\nEND"_s,
              u"SELECT f()"_s},
             {1, 6});
    splitRow(u"pg rule with parenthesised commands"_s, u"postgres"_s,
             "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b "
             "VALUES (2));\nSELECT 1;",
             {u"CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b "
              "VALUES (2))"_s,
              u"SELECT 1"_s},
             {1, 2});

    // --- MySQL / MariaDB ---
    splitRow(u"mysql hash comment containing semicolon"_s, u"mysql"_s,
             "SELECT 1; # note; here\nSELECT 2;", {u"SELECT 1"_s, u"SELECT 2"_s}, {1, 2});
    splitRow(u"mysql backslash escape"_s, u"mysql"_s,
             "INSERT INTO t VALUES ('it\\'s;');\nSELECT 2;",
             {u"INSERT INTO t VALUES ('it\\'s;')"_s, u"SELECT 2"_s}, {1, 2});
    splitRow(u"mysql double-quoted string with escape"_s, u"mysql"_s,
             "SELECT \"a\\\";b\";SELECT 2;", {u"SELECT \"a\\\";b\""_s, u"SELECT 2"_s}, {1, 1});
    splitRow(u"mysql backquotes"_s, u"mysql"_s, "CREATE TABLE `my;table` (`a``;b` INT);\nSELECT 2;",
             {u"CREATE TABLE `my;table` (`a``;b` INT)"_s, u"SELECT 2"_s}, {1, 2});
    splitRow(u"mysql --x is not a comment"_s, u"mysql"_s, "SELECT 5--x;\nSELECT 2;",
             {u"SELECT 5--x"_s, u"SELECT 2"_s}, {1, 2});
    splitRow(u"mysql -- with space is a comment"_s, u"mysql"_s, "SELECT 1 -- x;\n;SELECT 2;",
             {u"SELECT 1"_s, u"SELECT 2"_s}, {1, 2});
    splitRow(u"mysql -- with tab is a comment"_s, u"mysql"_s, "SELECT 1 --\tx;\n;", {u"SELECT 1"_s},
             {1});
    splitRow(u"mysql -- at end of line and input"_s, u"mysql"_s, "SELECT 1 --\n;\n--",
             {u"SELECT 1"_s}, {1});
    splitRow(u"mysql executable comment is a statement"_s, u"mysql"_s,
             "/*!40101 SET NAMES utf8 */;\n/* plain */;\nSELECT 1;",
             {u"/*!40101 SET NAMES utf8 */"_s, u"SELECT 1"_s}, {1, 3});
    splitRow(u"mysql procedure with IF, loops, CASE and nested BEGIN"_s, u"mysql"_s,
             "CREATE PROCEDURE p(IN x INT)\n"
             "BEGIN\n"
             "  DECLARE y INT DEFAULT 0;\n"
             "  IF x > 0 THEN\n"
             "    SET y = IF(x > 10, 10, x);\n"
             "  ELSE\n"
             "    BEGIN\n"
             "      SET y = 0;\n"
             "    END;\n"
             "  END IF;\n"
             "  WHILE y > 0 DO SET y = y - 1; END WHILE;\n"
             "  CASE y WHEN 0 THEN SELECT 'zero'; ELSE SELECT 'other'; END CASE;\n"
             "  lbl: LOOP LEAVE lbl; END LOOP lbl;\n"
             "  REPEAT SET y = y + 1; UNTIL y > 3 END REPEAT;\n"
             "  SELECT CASE WHEN y > 0 THEN REPEAT('a', 2) ELSE 'neg' END;\n"
             "END;\n"
             "CALL p(1);",
             {u"CREATE PROCEDURE p(IN x INT)\nBEGIN\n  DECLARE y INT DEFAULT 0;\n  IF x > 0 "
              "THEN\n    SET y = IF(x > 10, 10, x);\n  ELSE\n    BEGIN\n      SET y = 0;\n    "
              "END;\n  END IF;\n  WHILE y > 0 DO SET y = y - 1; END WHILE;\n  CASE y WHEN 0 THEN "
              "SELECT 'zero'; ELSE SELECT 'other'; END CASE;\n  lbl: LOOP LEAVE lbl; END LOOP "
              "lbl;\n  REPEAT SET y = y + 1; UNTIL y > 3 END REPEAT;\n  SELECT CASE WHEN y > 0 "
              "THEN REPEAT('a', 2) ELSE 'neg' END;\nEND"_s,
              u"CALL p(1)"_s},
             {1, 17});
    splitRow(u"mysql labelled block"_s, u"mysql"_s,
             "CREATE PROCEDURE p() blk: BEGIN SELECT 1; END blk;\nCALL p();",
             {u"CREATE PROCEDURE p() blk: BEGIN SELECT 1; END blk"_s, u"CALL p()"_s}, {1, 2});
    splitRow(u"mysql definer procedure"_s, u"mysql"_s,
             "CREATE DEFINER=`root`@`localhost` PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT "
             "2;\nEND;\nCALL p();",
             {u"CREATE DEFINER=`root`@`localhost` PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT "
              "2;\nEND"_s,
              u"CALL p()"_s},
             {1, 6});
    splitRow(u"mariadb or replace definer function"_s, u"mysql"_s,
             "CREATE OR REPLACE DEFINER = CURRENT_USER FUNCTION f() RETURNS INT DETERMINISTIC\n"
             "BEGIN\n  DECLARE a INT;\n  RETURN 1;\nEND;\nSELECT f();",
             {u"CREATE OR REPLACE DEFINER = CURRENT_USER FUNCTION f() RETURNS INT "
              "DETERMINISTIC\nBEGIN\n  DECLARE a INT;\n  RETURN 1;\nEND"_s,
              u"SELECT f()"_s},
             {1, 6});
    splitRow(u"mysql trigger body"_s, u"mysql"_s,
             "CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW\nBEGIN\n  SET NEW.end = "
             "OLD.end;\n  SET NEW.n = 1;\nEND;\nSELECT 1;",
             {u"CREATE TRIGGER t BEFORE UPDATE ON a FOR EACH ROW\nBEGIN\n  SET NEW.end = "
              "OLD.end;\n  SET NEW.n = 1;\nEND"_s,
              u"SELECT 1"_s},
             {1, 6});
    splitRow(u"mysql trigger without BEGIN splits"_s, u"mysql"_s,
             "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1;\nINSERT INTO a "
             "VALUES (1);",
             {u"CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW SET NEW.x = 1"_s,
              u"INSERT INTO a VALUES (1)"_s},
             {1, 2});
    splitRow(u"mysql event"_s, u"mysql"_s,
             "CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO\nBEGIN\n  DELETE FROM log;\n  DELETE "
             "FROM tmp;\nEND;\nSELECT 1;",
             {u"CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO\nBEGIN\n  DELETE FROM log;\n  DELETE "
              "FROM tmp;\nEND"_s,
              u"SELECT 1"_s},
             {1, 6});
    splitRow(u"mysql function without body"_s, u"mysql"_s,
             "CREATE FUNCTION f() RETURNS INT RETURN 1;\nSELECT f();",
             {u"CREATE FUNCTION f() RETURNS INT RETURN 1"_s, u"SELECT f()"_s}, {1, 2});
    splitRow(
        u"mysql definer view is not a body"_s, u"mysql"_s,
        "CREATE DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW v AS SELECT 1;\nSELECT 2;",
        {u"CREATE DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW v AS SELECT 1"_s, u"SELECT 2"_s},
        {1, 2});
    splitRow(u"mariadb BEGIN NOT ATOMIC"_s, u"mysql"_s,
             "BEGIN NOT ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND;\nSELECT 3;",
             {u"BEGIN NOT ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND"_s, u"SELECT 3"_s}, {1, 5});

    // --- Snowflake ---
    splitRow(u"snowflake $$ procedure"_s, u"snowflake"_s,
             "CREATE PROCEDURE p() RETURNS INT LANGUAGE SQL AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$;"
             "\nCALL p();",
             {u"CREATE PROCEDURE p() RETURNS INT LANGUAGE SQL AS $$\nBEGIN\n  RETURN "
              "1;\nEND;\n$$"_s,
              u"CALL p()"_s},
             {1, 6});
    splitRow(u"snowflake backslash escape"_s, u"snowflake"_s, "SELECT 'it\\'s;';SELECT 2;",
             {u"SELECT 'it\\'s;'"_s, u"SELECT 2"_s}, {1, 1});
    splitRow(u"snowflake // comment"_s, u"snowflake"_s, "SELECT 1; // note; here\nSELECT 2;",
             {u"SELECT 1"_s, u"SELECT 2"_s}, {1, 2});
    splitRow(u"snowflake variables and positional columns"_s, u"snowflake"_s,
             "SET x = 1;\nSELECT $x;\nSELECT $1 FROM @stage;",
             {u"SET x = 1"_s, u"SELECT $x"_s, u"SELECT $1 FROM @stage"_s}, {1, 2, 3});

    // --- Databricks ---
    splitRow(u"databricks backquotes and double-quoted strings"_s, u"databricks"_s,
             "SELECT `a;b`, \"c;d\" FROM t;SELECT 2;",
             {u"SELECT `a;b`, \"c;d\" FROM t"_s, u"SELECT 2"_s}, {1, 1});
    splitRow(u"databricks backslash escape"_s, u"databricks"_s, "SELECT 'it\\'s;';SELECT 2;",
             {u"SELECT 'it\\'s;'"_s, u"SELECT 2"_s}, {1, 1});
    splitRow(u"databricks raw string"_s, u"databricks"_s, "SELECT r'C:\\';SELECT 2;",
             {u"SELECT r'C:\\'"_s, u"SELECT 2"_s}, {1, 1});
    splitRow(u"databricks nested block comments"_s, u"databricks"_s,
             "SELECT /* a /* b; */ c; */ 1;SELECT 2;",
             {u"SELECT /* a /* b; */ c; */ 1"_s, u"SELECT 2"_s}, {1, 1});

    // --- custom delimiters ---
    splitRow(u"delimiter ~ with plpgsql body"_s, u"postgres"_s,
             "CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE "
             "plpgsql;~\nDROP TABLE x;~\n",
             {u"CREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  RETURN 1;\nEND;\n$$ LANGUAGE "
              "plpgsql;"_s,
              u"DROP TABLE x;"_s},
             {1, 6}, "~");
    splitRow(u"delimiter ~ makes ; ordinary"_s, u"sqlite"_s, "SELECT 1; SELECT 2~SELECT 3",
             {u"SELECT 1; SELECT 2"_s, u"SELECT 3"_s}, {1, 1}, "~");
    splitRow(u"delimiter ~ inside string and comment"_s, u"sqlite"_s,
             "SELECT '~' -- not ~ here\n~/* ~ */SELECT \"~\"~",
             {u"SELECT '~'"_s, u"SELECT \"~\""_s}, {1, 2}, "~");
    splitRow(u"delimiter ~ with line offset"_s, u"mysql"_s, "\nSELECT 1~\n\n  SELECT 2~",
             {u"SELECT 1"_s, u"SELECT 2"_s}, {4, 6}, "~", 3);
    splitRow(u"delimiter // for mysql procedure"_s, u"mysql"_s,
             "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND//\nCALL p()//",
             {u"CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\nEND"_s, u"CALL p()"_s}, {1, 5}, "//");
    splitRow(u"delimiter // wins over snowflake // comment"_s, u"snowflake"_s,
             "SELECT 1//\nSELECT 2//", {u"SELECT 1"_s, u"SELECT 2"_s}, {1, 2}, "//");
    splitRow(u"delimiter $$ on postgres"_s, u"postgres"_s,
             "CREATE FUNCTION f() RETURNS int AS 'SELECT 1;' LANGUAGE sql;$$\nSELECT f()$$",
             {u"CREATE FUNCTION f() RETURNS int AS 'SELECT 1;' LANGUAGE sql;"_s, u"SELECT f()"_s},
             {1, 2}, "$$");
    splitRow(u"delimiter $$ with $fn$ body and word before it"_s, u"postgres"_s,
             "CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $fn$ LANGUAGE "
             "plpgsql$$\nSELECT 1$$",
             {u"CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $fn$ LANGUAGE "
              "plpgsql"_s,
              u"SELECT 1"_s},
             {1, 2}, "$$");
    splitRow(u"delimiter GO any case"_s, u"sqlite"_s, "SELECT 1\nGO\nSELECT 2\ngo\nSELECT 3",
             {u"SELECT 1"_s, u"SELECT 2"_s, u"SELECT 3"_s}, {1, 3, 5}, "GO");
    splitRow(u"delimiter GO only as whole word"_s, u"sqlite"_s,
             "SELECT GOTO, DOGGO, GO_1, t.go, 'GO', \"GO\" FROM t\nGO\nSELECT 2 go",
             {u"SELECT GOTO, DOGGO, GO_1, t.go, 'GO', \"GO\" FROM t"_s, u"SELECT 2"_s}, {1, 3},
             "GO");
    splitRow(u"delimiter ;; several characters"_s, u"mysql"_s, "SELECT 1; SELECT 2;;SELECT 3;;",
             {u"SELECT 1; SELECT 2"_s, u"SELECT 3"_s}, {1, 1}, ";;");
    splitRow(u"delimiter with surrounding blanks"_s, u"sqlite"_s, "SELECT 1; SELECT 2~",
             {u"SELECT 1; SELECT 2"_s}, {1}, " ~ ");
    splitRow(u"custom delimiter comment-only input"_s, u"postgres"_s, "-- a ~\n/* ~ */~~", {}, {},
             "~");
}

void TestSqlLexer::split()
{
    QFETCH(QString, dialect);
    QFETCH(QString, delimiter);
    QFETCH(int, firstLine);
    QFETCH(QString, sql);
    QFETCH(QStringList, texts);
    QFETCH(QList<int>, lines);

    const auto result = splitStatements(sql, options(dialect, delimiter, firstLine));
    QVERIFY2(result.ok(), qPrintable(result.error().message));
    QStringList gotTexts;
    QList<int> gotLines;
    for (const SqlStatement &statement : *result) {
        gotTexts << statement.text;
        gotLines << statement.line;
    }
    QCOMPARE(gotTexts, texts);
    QCOMPARE(gotLines, lines);
}

void TestSqlLexer::errors_data()
{
    QTest::addColumn<QString>("dialect");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<int>("firstLine");
    QTest::addColumn<QString>("sql");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("messagePart");
    QTest::addColumn<QString>("hintPart");

    for (const QString &dialect : allDialects) {
        errorRow(qPrintable(dialect + u": string"), dialect, "SELECT 1;\nSELECT 'abc;\nSELECT 2;",
                 2, "Unterminated string literal starting at line 2", "Close the string");
        errorRow(qPrintable(dialect + u": unclosed block comment"), dialect,
                 "SELECT 1;\r\n\r\n/* never\r\nclosed;", 3,
                 "Unterminated block comment starting at line 3", "*/");
        errorRow(qPrintable(dialect + u": string with line offset"), dialect, "\n\nSELECT 'x", 12,
                 "starting at line 12", "", ";", 10);
    }
    errorRow("pg dollar quote with tag", u"postgres"_s,
             "SELECT 1;\n\nCREATE FUNCTION f() RETURNS int AS $body$\nBEGIN\n  RETURN 1;\n", 3,
             "Unterminated dollar-quoted string $body$ starting at line 3",
             "-- jetbase: delimiter=$body$");
    errorRow("pg $$ never closed", u"postgres"_s, "SELECT $$abc;\nSELECT 2;", 1,
             "dollar-quoted string $$", "Close the body with $$");
    errorRow("pg E-string with escaped last quote", u"postgres"_s, "SELECT E'it\\';\nSELECT 2;", 1,
             "Unterminated escape string E'...' starting at line 1", "backslash");
    errorRow("pg quoted identifier", u"postgres"_s, "SELECT 1;\nSELECT \"abc FROM t;", 2,
             "Unterminated quoted identifier", "\"\"");
    errorRow("pg nested comment needs two closes", u"postgres"_s, "SELECT /* a /* b */ 1;", 1,
             "Unterminated block comment", "nest");
    errorRow("mysql backquote", u"mysql"_s, "SELECT 1;\nSELECT `abc;", 2,
             "Unterminated backquoted identifier starting at line 2", "``");
    errorRow("mysql backslash before closing quote", u"mysql"_s, "SELECT 'C:\\';\nSELECT 2;", 1,
             "Unterminated string literal", "\\'");
    errorRow("mysql double-quoted string", u"mysql"_s, "SELECT \"abc;", 1,
             "Unterminated double-quoted string", "\"");
    errorRow("sqlite bracketed identifier", u"sqlite"_s, "SELECT [abc;", 1,
             "Unterminated bracketed identifier", "]");
    errorRow("databricks raw string", u"databricks"_s, "SELECT r'abc;", 1,
             "Unterminated raw string literal", "quote");
    errorRow("snowflake $$ never closed", u"snowflake"_s, "CREATE PROCEDURE p() AS $$\nBEGIN\n", 1,
             "dollar-quoted string $$", "$$");
    errorRow("custom delimiter does not end a string", u"sqlite"_s, "SELECT 1~\nSELECT 'x~", 2,
             "Unterminated string literal starting at line 2", "", "~");
    errorRow("custom delimiter does not end a comment", u"postgres"_s, "/* ~", 1,
             "Unterminated block comment", "", "~");
}

void TestSqlLexer::errors()
{
    QFETCH(QString, dialect);
    QFETCH(QString, delimiter);
    QFETCH(int, firstLine);
    QFETCH(QString, sql);
    QFETCH(int, line);
    QFETCH(QString, messagePart);
    QFETCH(QString, hintPart);

    const auto result = splitStatements(sql, options(dialect, delimiter, firstLine));
    QVERIFY(!result.ok());
    const Error &error = result.error();
    QCOMPARE(error.code, Error::Code::Parse);
    QCOMPARE(error.line, line);
    QVERIFY2(error.message.contains(messagePart), qPrintable(error.message));
    QVERIFY2(error.message.endsWith(u"starting at line " + QString::number(line)),
             qPrintable(error.message));
    QVERIFY(!error.hint.isEmpty());
    QVERIFY2(error.hint.contains(hintPart), qPrintable(error.hint));
}

// A migration-sized file a thousand times over: every statement found, on the right line.
void TestSqlLexer::largeInputIsSplitInOnePass()
{
    const QString chunk = QStringLiteral(
        "-- comment; with delimiter\n"
        "INSERT INTO t (a, b) VALUES ('x;y', E'\\'');\n"
        "CREATE FUNCTION f() RETURNS int AS $fn$ BEGIN RETURN 1; END; $fn$ LANGUAGE plpgsql;\n"
        "/* block\n comment */ SELECT 1; SELECT 2;\n");
    const int copies = 20000;
    QString sql;
    sql.reserve(chunk.size() * copies);
    for (int k = 0; k < copies; ++k)
        sql += chunk;

    QElapsedTimer timer;
    timer.start();
    const auto result = splitStatements(sql, options(u"postgres"_s));
    QVERIFY(result.ok());
    QCOMPARE(result->size(), copies * 4);
    QCOMPARE(result->last().line, copies * 5);
    QCOMPARE(result->last().text, u"SELECT 2"_s);
    // Far above a linear pass (milliseconds) and far below a quadratic one (minutes).
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
}

void TestSqlLexer::statementsNeverEndWithDelimiterOrBlank()
{
    const QString sql =
        QStringLiteral("  SELECT 1 ;\n\n SELECT 2\t;\r\n/* c */ SELECT 3 /* d */ ;");
    for (const QString &dialect : allDialects) {
        const auto result = splitStatements(sql, options(dialect));
        QVERIFY(result.ok());
        QCOMPARE(result->size(), 3);
        for (const SqlStatement &statement : *result) {
            QCOMPARE(statement.text, statement.text.trimmed());
            QVERIFY(!statement.text.endsWith(u';'));
            QVERIFY(!statement.text.startsWith(u"/*"));
        }
    }
}

QTEST_GUILESS_MAIN(TestSqlLexer)
#include "tst_sqllexer.moc"
