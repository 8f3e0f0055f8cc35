// Statements that Jetbase's line splitting breaks, run through the lexer on the real servers:
// PostgreSQL dollar-quoted bodies, a delimiter directive and E'' strings, MariaDB triggers and
// procedures with BEGIN ... END, a SQLite trigger, strings holding ';', '--' and ':name'.

#include "dbtest.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

// Runs every file of the project; the statements of each file as planned.
QList<QStringList> upgradeAll(MigrationService &service, QString *error)
{
    Result<RunOutcome> outcome = service.upgrade({}, false);
    if (!outcome.ok()) {
        *error = outcome.error().fullText();
        return {};
    }
    if (!outcome->run.ok())
        *error = outcome->run.error.fullText();
    QList<QStringList> statements;
    for (const PlannedFile &file : outcome->plan.files)
        statements.append(textsOf(file.statements));
    return statements;
}

} // namespace

class TestStatements : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // ';', '--', '/*' and ':name' inside strings, an inline comment after a statement and two
    // statements on one line, on every database.
    void stringsAndComments_data() { addDialectRows(); }
    void stringsAndComments()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__notes.sql"_s,
                      "CREATE TABLE notes (id INT, body VARCHAR(100));\n"
                      "INSERT INTO notes (id, body) VALUES (1, 'a;b -- c :name d /* e */');\n"
                      "INSERT INTO notes (id, body) VALUES (2, 'it''s;\n"
                      "two lines'); -- trailing comment; with a semicolon\n"
                      "INSERT INTO notes (id, body) VALUES (3, 'x'); INSERT INTO notes (id, body) "
                      "VALUES (4, ':id');\n"
                      "-- rollback\n"
                      "DROP TABLE notes;\n");
        TM_SERVICE(service, project);
        QString error;
        const QList<QStringList> statements = upgradeAll(*service, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(statements.size(), 1);
        QCOMPARE(statements.first().size(), 5);
        QCOMPARE(
            db.query(u"SELECT body FROM notes ORDER BY id"_s),
            QStringList({u"a;b -- c :name d /* e */"_s, u"it's;\ntwo lines"_s, u"x"_s, u":id"_s}));
    }

    void postgresFunctions()
    {
        ScratchDatabase db(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(db);
        TempProject project(db.url());
        // A $$ body with ';' at line ends, and a $tag$ body, with the default delimiter.
        project.write(u"V1__function.sql"_s,
                      "CREATE FUNCTION add_one(i integer) RETURNS integer AS $$\n"
                      "BEGIN\n"
                      "  RETURN i + 1;\n"
                      "END;\n"
                      "$$ LANGUAGE plpgsql;\n"
                      "CREATE FUNCTION greet(n text) RETURNS text AS $body$\n"
                      "  SELECT 'hi; ' || n || $x$ -- not a comment$x$;\n"
                      "$body$ LANGUAGE sql;\n"
                      "-- rollback\n"
                      "DROP FUNCTION greet(text);\n"
                      "DROP FUNCTION add_one(integer);\n");
        // The delimiter directive: statements end at '~', ';' is ordinary text.
        project.write(u"V2__delimited.sql"_s,
                      "-- jetbase: delimiter=~\n"
                      "CREATE FUNCTION twice(i integer) RETURNS integer AS $$\n"
                      "BEGIN\n"
                      "  RETURN i * 2;\n"
                      "END;\n"
                      "$$ LANGUAGE plpgsql;~\n"
                      "CREATE TABLE log_rows (id INT, note TEXT);\n"
                      "INSERT INTO log_rows VALUES (1, 'a;b')~\n"
                      "-- rollback\n"
                      "DROP TABLE log_rows;\nDROP FUNCTION twice(integer);~\n");
        // E'' strings with backslash escapes, including an escaped quote before ';'.
        project.write(u"V3__escapes.sql"_s,
                      "CREATE TABLE texts (id INT, body TEXT);\n"
                      "INSERT INTO texts VALUES (1, E'it\\'s; -- here\\n');\n"
                      "INSERT INTO texts VALUES (2, 'plain\\'); INSERT INTO texts VALUES (3, "
                      "E'\\\\');\n"
                      "/* a /* nested */ comment; */ INSERT INTO texts VALUES (4, 'after');\n");
        TM_SERVICE(service, project);
        QString error;
        const QList<QStringList> statements = upgradeAll(*service, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(statements.size(), 3);
        QCOMPARE(statements.at(0).size(), 2);
        QCOMPARE(statements.at(1).size(), 2);
        QCOMPARE(statements.at(1).at(1),
                 u"CREATE TABLE log_rows (id INT, note TEXT);\nINSERT INTO log_rows VALUES (1, "
                 "'a;b')"_s);
        QCOMPARE(statements.at(2).size(), 5);

        QCOMPARE(db.query(u"SELECT add_one(41)"_s), QStringList({u"42"_s}));
        QCOMPARE(db.query(u"SELECT greet('bob')"_s), QStringList({u"hi; bob -- not a comment"_s}));
        QCOMPARE(db.query(u"SELECT twice(21)"_s), QStringList({u"42"_s}));
        QCOMPARE(db.query(u"SELECT note FROM log_rows"_s), QStringList({u"a;b"_s}));
        QCOMPARE(db.query(u"SELECT body FROM texts ORDER BY id"_s),
                 QStringList({u"it's; -- here\n"_s, u"plain\\"_s, u"\\"_s, u"after"_s}));

        // The rollback sections split the same way.
        RollbackOptions all;
        all.all = true;
        all.forgetWithoutRollback = true; // V3__escapes.sql has no rollback section
        Result<RunOutcome> rollback = service->rollback(all, false);
        TM_VERIFY_OK(rollback);
        TM_VERIFY_OK(rollback->run);
        QCOMPARE(db.query(u"SELECT COUNT(*) FROM pg_proc WHERE proname IN ('add_one', 'greet', "
                          "'twice')"_s),
                 QStringList({u"0"_s}));
    }

    void mariadbTriggerAndProcedure()
    {
        ScratchDatabase db(SqlDialect::MySql);
        TIDEMARK_REQUIRE(db);
        TempProject project(db.url());
        project.write(u"V1__trigger.sql"_s,
                      "CREATE TABLE items (id INT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(20));\n"
                      "CREATE TABLE audit (note VARCHAR(40));\n"
                      "CREATE TRIGGER items_upper BEFORE INSERT ON items FOR EACH ROW\n"
                      "BEGIN\n"
                      "  SET NEW.name = UPPER(NEW.name);\n"
                      "  INSERT INTO audit (note) VALUES (CONCAT('added; ', NEW.name));\n"
                      "END;\n"
                      "CREATE PROCEDURE add_item(IN n VARCHAR(20))\n"
                      "BEGIN\n"
                      "  IF n <> '' THEN\n"
                      "    INSERT INTO items (name) VALUES (n);\n"
                      "  END IF;\n"
                      "END;\n"
                      "# a MySQL comment; with a semicolon\n"
                      "CALL add_item('abc');\n"
                      "INSERT INTO `items` (`name`) VALUES ('x;y') ;\n"
                      "-- rollback\n"
                      "DROP PROCEDURE add_item;\n"
                      "DROP TABLE audit;\n"
                      "DROP TABLE items;\n");
        TM_SERVICE(service, project);
        QString error;
        const QList<QStringList> statements = upgradeAll(*service, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(statements.first().size(), 6);
        QCOMPARE(db.query(u"SELECT name FROM items ORDER BY id"_s),
                 QStringList({u"ABC"_s, u"X;Y"_s}));
        QCOMPARE(db.query(u"SELECT note FROM audit ORDER BY note"_s),
                 QStringList({u"added; ABC"_s, u"added; X;Y"_s}));
        QCOMPARE(db.query(u"SELECT COUNT(*) FROM information_schema.routines WHERE "
                          "routine_schema = DATABASE() AND routine_name = 'add_item'"_s),
                 QStringList({u"1"_s}));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
    }

    void sqliteTrigger()
    {
        ScratchDatabase db(SqlDialect::Sqlite);
        TempProject project(db.url());
        project.write(u"V1__trigger.sql"_s,
                      "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT, changed INT);\n"
                      "CREATE TABLE audit (note TEXT);\n"
                      "CREATE TRIGGER items_audit AFTER UPDATE ON items\n"
                      "BEGIN\n"
                      "  UPDATE items SET changed = 1 WHERE id = NEW.id;\n"
                      "  INSERT INTO audit (note) VALUES ('updated; ' || NEW.name);\n"
                      "END;\n"
                      "INSERT INTO items (id, name) VALUES (1, 'a');\n"
                      "UPDATE items SET name = 'b' WHERE id = 1;\n"
                      "-- rollback\n"
                      "DROP TRIGGER items_audit;\n");
        TM_SERVICE(service, project);
        QString error;
        const QList<QStringList> statements = upgradeAll(*service, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(statements.first().size(), 5);
        QVERIFY(statements.first().at(2).endsWith(u"END"_s));
        QCOMPARE(db.query(u"SELECT note FROM audit"_s), QStringList({u"updated; b"_s}));
        QCOMPARE(db.query(u"SELECT changed FROM items"_s), QStringList({u"1"_s}));
        QCOMPARE(db.query(u"SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"_s),
                 QStringList({u"1"_s}));
    }
};

QTEST_GUILESS_MAIN(TestStatements)
#include "tst_statements.moc"
