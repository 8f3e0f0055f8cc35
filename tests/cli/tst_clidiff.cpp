// diff through the real binary on each database: the desired schema from a file is normalised
// in a scratch space that is dropped again, identical schemas give "No changes detected.", a
// broken schema file names its line, and the database itself is never touched.
#include "clidatabase.h"
#include "clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

const QString Current = QStringLiteral(
    "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)");

QString writeSchema(const TempProject &project, const QByteArray &sql)
{
    const QString path = project.root() + QStringLiteral("/desired.sql");
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(sql) != sql.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

} // namespace

class TestCliDiff : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detectsChanges_data() { addDialectColumnRows(); }
    void detectsChanges();
    void identicalSchema_data() { addDialectColumnRows(); }
    void identicalSchema();
    void brokenSchemaFile_data() { addDialectColumnRows(); }
    void brokenSchemaFile();
    void noDesiredSchema();
    void postgresSchemaSetting();
    void viewGrantsKept();
    void serialComparesAsIdentity();
    void manyStatementsInMessages();
    void desiredSchemaFromTheCache();
};

void TestCliDiff::detectsChanges()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    QVERIFY(db.exec(Current));
    TempProject project(db.url());
    const QString schema = writeSchema(
        project, "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT "
                 "NULL, country VARCHAR(2));\n"
                 "CREATE INDEX ix_authors_name ON authors (name);\n"
                 "CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER NOT NULL "
                 "REFERENCES authors (id));\n");
    const QStringList before = snapshotOf(db);
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("--json"), QStringLiteral("diff"),
                                  QStringLiteral("--schema"), schema});
    CLI_EXPECT_EXIT(r, 0);
    QStringList kinds;
    for (const QJsonValue &c : r.json().value(QStringLiteral("changes")).toArray())
        kinds.append(c.toObject().value(QStringLiteral("kind")).toString());
    kinds.sort();
    QCOMPARE(kinds, (QStringList{"add_column", "add_index", "add_table"}));
    QCOMPARE(r.json().value(QStringLiteral("notes")).toArray().size(), 2);
    QCOMPARE(snapshotOf(db), before);
    QCOMPARE(leftoverScratch(db), QStringList());

    CliRunner gui(Binary::Gui, project.root());
    // Not from the desired-schema cache (PostgreSQL), which the run above filled.
    gui.environment().insert(QStringLiteral("TIDEMARK_SCHEMA_CACHE"), QStringLiteral("off"));
    const CliResult human = gui.run({QStringLiteral("diff"), QStringLiteral("--schema"), schema});
    CLI_EXPECT_EXIT(human, 0);
    CLI_EXPECT_CONTAINS(human, human.stdoutText(), QStringLiteral("+ add table books"));
    CLI_EXPECT_CONTAINS(human, human.stderrText(), QStringLiteral("Dropped"));
}

void TestCliDiff::identicalSchema()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    QVERIFY(db.exec(Current));
    TempProject project(db.url());
    // The default source: jetbase/schema.sql.
    QFile file(project.jetbaseDir() + QStringLiteral("/schema.sql"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(Current.toUtf8() + ";\n");
    file.close();
    const CliResult r = CliRunner(Binary::Cli, project.root()).run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("No changes detected."));
    QCOMPARE(leftoverScratch(db), QStringList());
}

void TestCliDiff::brokenSchemaFile()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    QVERIFY(db.exec(Current));
    TempProject project(db.url());
    const QString schema = writeSchema(project, "CREATE TABLE fine (id INTEGER);\n\n"
                                                "CREATE TABLE broken (id INTEGER,, x);\n");
    const QStringList before = snapshotOf(db);
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("diff"), QStringLiteral("--schema"), schema});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), schema + QStringLiteral(":3:"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("CREATE TABLE broken"));
    QCOMPARE(snapshotOf(db), before);
    QCOMPARE(leftoverScratch(db), QStringList());
}

void TestCliDiff::noDesiredSchema()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    const CliResult r = CliRunner(Binary::Cli, project.root()).run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 2);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("No desired schema"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("--schema"));
}

// postgres_schema: diff, make-migrations, upgrade and rollback compare and change that schema
// only; the scratch space normalises the desired schema the same way (enum types, views and
// functions print without a schema), and public is never looked at.
void TestCliDiff::postgresSchemaSetting()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    QVERIFY(db.exec(QStringLiteral("CREATE SCHEMA app")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE app.authors (id INTEGER NOT NULL PRIMARY KEY, "
                                   "name VARCHAR(100) NOT NULL)")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE public.decoy (id INTEGER)")));
    QVERIFY(db.exec(QStringLiteral("CREATE VIEW public.decoy_view AS SELECT id FROM decoy")));
    TempProject project(db.url());
    QFile env(project.jetbaseDir() + QStringLiteral("/env.py"));
    QVERIFY(env.open(QIODevice::WriteOnly | QIODevice::Truncate));
    env.write("sqlalchemy_url = \"" + db.url().toUtf8() + "\"\npostgres_schema = \"app\"\n");
    env.close();
    const QString schema = writeSchema(
        project, "CREATE TYPE mood AS ENUM ('calm', 'busy');\n" + Current.toUtf8() +
                     ";\n"
                     "CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER "
                     "REFERENCES authors (id), mood mood, title TEXT COLLATE \"C\");\n"
                     "CREATE VIEW busy_books AS SELECT id, title FROM books WHERE mood = 'busy';\n"
                     "CREATE FUNCTION is_busy(m mood) RETURNS boolean LANGUAGE sql AS "
                     "$$ SELECT m = 'busy' $$;\n");
    const QStringList toSchema{QStringLiteral("--schema"), schema};
    const CliRunner cli(Binary::Cli, project.root());

    const CliResult diff =
        cli.run(QStringList{QStringLiteral("--json"), QStringLiteral("diff")} + toSchema);
    CLI_EXPECT_EXIT(diff, 0);
    QStringList kinds;
    for (const QJsonValue &c : diff.json().value(QStringLiteral("changes")).toArray())
        kinds.append(c.toObject().value(QStringLiteral("kind")).toString());
    kinds.sort();
    QCOMPARE(kinds, (QStringList{"add_enum", "add_routine", "add_table", "add_view"}));

    CLI_EXPECT_EXIT(cli.run(QStringList{QStringLiteral("make-migrations"), QStringLiteral("-d"),
                                        QStringLiteral("books")} +
                            toSchema),
                    0);
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade")}), 0);
    const CliResult again = cli.run(QStringList{QStringLiteral("diff")} + toSchema);
    CLI_EXPECT_EXIT(again, 0);
    CLI_EXPECT_CONTAINS(again, again.stdoutText(), QStringLiteral("No changes detected."));
    QCOMPARE(db.query(QStringLiteral("SELECT table_schema || '.' || table_name FROM "
                                     "information_schema.tables WHERE table_name IN ('books', "
                                     "'busy_books', 'decoy', 'decoy_view') ORDER BY 1")),
             (QStringList{"app.books", "app.busy_books", "public.decoy", "public.decoy_view"}));
    QCOMPARE(db.query(QStringLiteral("SELECT n.nspname FROM pg_proc p JOIN pg_namespace n ON "
                                     "n.oid = p.pronamespace WHERE p.proname = 'is_busy'")),
             QStringList{QStringLiteral("app")});

    CLI_EXPECT_EXIT(cli.run({QStringLiteral("rollback")}), 0);
    QCOMPARE(db.query(QStringLiteral("SELECT table_schema || '.' || table_name FROM "
                                     "information_schema.tables WHERE table_name IN ('authors', "
                                     "'books', 'decoy') ORDER BY 1")),
             (QStringList{"app.authors", "public.decoy"}));
    QCOMPARE(db.query(QStringLiteral("SELECT COUNT(*) FROM pg_type WHERE typname = 'mood'")),
             QStringList{QStringLiteral("0")});
    QCOMPARE(leftoverScratch(db), QStringList());
}

// A PostgreSQL view that make-migrations drops and makes again (its table's column is retyped)
// keeps its grants, in the upgrade and in the rollback, though the desired schema states none.
void TestCliDiff::viewGrantsKept()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, title "
                                   "VARCHAR(50))")));
    QVERIFY(db.exec(QStringLiteral("CREATE VIEW titles AS SELECT id, title FROM books")));
    QVERIFY(db.exec(QStringLiteral("GRANT SELECT, REFERENCES ON titles TO PUBLIC")));
    const auto grants = [&db] {
        return db.query(QStringLiteral("SELECT privilege_type FROM "
                                       "information_schema.table_privileges WHERE table_name = "
                                       "'titles' AND grantee = 'PUBLIC' ORDER BY 1"));
    };
    const QStringList granted{QStringLiteral("REFERENCES"), QStringLiteral("SELECT")};
    QCOMPARE(grants(), granted);
    TempProject project(db.url());
    const QString schema = writeSchema(
        project, "CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, title VARCHAR(100));\n"
                 "CREATE VIEW titles AS SELECT id, title FROM books;\n");
    const CliRunner cli(Binary::Cli, project.root());
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("make-migrations"), QStringLiteral("--schema"), schema,
                             QStringLiteral("-d"), QStringLiteral("longer_titles")}),
                    0);
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade")}), 0);
    QCOMPARE(db.query(QStringLiteral("SELECT character_maximum_length FROM "
                                     "information_schema.columns WHERE table_name = 'titles' AND "
                                     "column_name = 'title'")),
             QStringList{QStringLiteral("100")});
    QCOMPARE(grants(), granted);
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("rollback")}), 0);
    QCOMPARE(db.query(QStringLiteral("SELECT character_maximum_length FROM "
                                     "information_schema.columns WHERE table_name = 'titles' AND "
                                     "column_name = 'title'")),
             QStringList{QStringLiteral("50")});
    QCOMPARE(grants(), granted);
}

// A PostgreSQL SERIAL column and an identity column compare as the same (their sequence
// options and ALWAYS are not compared then), while two identity columns compare those too.
void TestCliDiff::serialComparesAsIdentity()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE books (id SERIAL PRIMARY KEY, n BIGINT "
                                   "GENERATED ALWAYS AS IDENTITY (START WITH 5) NOT NULL)")));
    TempProject project(db.url());
    const QString schema = writeSchema(
        project, "CREATE TABLE books (id INTEGER GENERATED ALWAYS AS IDENTITY (START WITH 100) "
                 "PRIMARY KEY, n BIGINT GENERATED BY DEFAULT AS IDENTITY NOT NULL);\n");
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("--json"), QStringLiteral("diff"),
                                  QStringLiteral("--schema"), schema});
    CLI_EXPECT_EXIT(r, 0);
    QStringList changes;
    for (const QJsonValue &c : r.json().value(QStringLiteral("changes")).toArray())
        changes.append(c.toObject().value(QStringLiteral("kind")).toString() + u' ' +
                       c.toObject().value(QStringLiteral("object")).toString());
    QCOMPARE(changes, QStringList{QStringLiteral("change_column_identity n")});
}

// PostgreSQL loads the desired schema a hundred statements to a message. A statement that cannot
// run inside the message's transaction (CREATE INDEX CONCURRENTLY) or that opens one of its own
// makes its message run statement by statement, and a broken statement in the second message
// is still named by its own line.
void TestCliDiff::manyStatementsInMessages()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    QByteArray sql;
    for (int i = 0; i < 130; ++i) {
        sql += QByteArray("CREATE TABLE t") + QByteArray::number(i) + " (id INTEGER, x INTEGER);\n";
        if (i == 40)
            sql += "CREATE INDEX CONCURRENTLY t40_x ON t40 (x);\n";
        if (i == 60)
            sql += "BEGIN;\nCREATE TABLE inside (id INTEGER);\nCOMMIT;\n";
    }
    const QString schema = writeSchema(project, sql);
    const CliRunner cli(Binary::Cli, project.root());
    const CliResult r = cli.run(
        {QStringLiteral("--json"), QStringLiteral("diff"), QStringLiteral("--schema"), schema});
    CLI_EXPECT_EXIT(r, 0);
    int tables = 0;
    for (const QJsonValue &c : r.json().value(QStringLiteral("changes")).toArray())
        tables += c.toObject().value(QStringLiteral("kind")).toString() == u"add_table";
    QCOMPARE(tables, 131);
    QVERIFY2(r.stdoutText().contains(QStringLiteral("t40_x")), qPrintable(r.stdoutText()));
    QCOMPARE(leftoverScratch(db), QStringList());

    // Line 120 + 1 (the index) + 3 (the transaction) = file line 124: table t119.
    const QByteArray broken = QByteArray(sql).replace("CREATE TABLE t119 (id INTEGER,",
                                                      "CREATE TABLE t119 (id INTEGER,,");
    writeSchema(project, broken);
    const CliResult bad = cli.run({QStringLiteral("diff"), QStringLiteral("--schema"), schema});
    CLI_EXPECT_EXIT(bad, 1);
    CLI_EXPECT_CONTAINS(bad, bad.stderrText(), schema + QStringLiteral(":124:"));
    CLI_EXPECT_CONTAINS(bad, bad.stderrText(), QStringLiteral("CREATE TABLE t119"));
    QCOMPARE(leftoverScratch(db), QStringList());
}

// PostgreSQL: a second diff of the same desired schema on the same server takes the normalised
// schema from the cache (no scratch schema), with the same answer; a changed schema file, a
// changed server (an extension installed) or TIDEMARK_SCHEMA_CACHE=off loads it again.
void TestCliDiff::desiredSchemaFromTheCache()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    QVERIFY(db.exec(Current));
    TempProject project(db.url());
    QTemporaryDir cacheHome;
    CliRunner cli(Binary::Cli, project.root());
    cli.environment().insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.path());
    const QString schema = writeSchema(
        project, "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT "
                 "NULL, country VARCHAR(2));\n");
    const QStringList diff{QStringLiteral("--json"), QStringLiteral("diff"),
                           QStringLiteral("--schema"), schema};
    const auto changesOf = [](const CliResult &r) {
        QStringList out;
        for (const QJsonValue &c : r.json().value(QStringLiteral("changes")).toArray())
            out.append(c.toObject().value(QStringLiteral("summary")).toString());
        return out;
    };
    const auto fromCache = [](const CliResult &r) {
        return r.stdoutText().contains(QStringLiteral("from the cache"));
    };
    const CliResult first = cli.run(diff);
    CLI_EXPECT_EXIT(first, 0);
    QVERIFY(!fromCache(first));
    QCOMPARE(changesOf(first).size(), 1);
    const CliResult second = cli.run(diff);
    CLI_EXPECT_EXIT(second, 0);
    QVERIFY2(fromCache(second), qPrintable(second.stdoutText()));
    QCOMPARE(changesOf(second), changesOf(first));
    QCOMPARE(leftoverScratch(db), QStringList());
    // The normalised schema is for its owner's eyes only.
    const QString schemas = cacheHome.path() + QStringLiteral("/tidemark/schemas");
    QCOMPARE(QFileInfo(schemas).permissions() & 0x0777, QFileDevice::Permissions(0x0700));
    const QFileInfoList cached = QDir(schemas).entryInfoList(QDir::Files);
    QCOMPARE(cached.size(), 1);
    QCOMPARE(cached.first().permissions() & 0x0777, QFileDevice::Permissions(0x0600));

    writeSchema(project, "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name "
                         "VARCHAR(100) NOT NULL, country VARCHAR(3));\n");
    const CliResult edited = cli.run(diff);
    CLI_EXPECT_EXIT(edited, 0);
    QVERIFY(!fromCache(edited));
    QVERIFY2(changesOf(edited).join(u' ').contains(QStringLiteral("country")),
             qPrintable(edited.stdoutText()));
    QVERIFY(fromCache(cli.run(diff)));

    QVERIFY(db.exec(QStringLiteral("CREATE EXTENSION pg_trgm")));
    const CliResult otherServer = cli.run(diff);
    CLI_EXPECT_EXIT(otherServer, 0);
    QVERIFY(!fromCache(otherServer));
    cli.environment().insert(QStringLiteral("TIDEMARK_SCHEMA_CACHE"), QStringLiteral("off"));
    const CliResult off = cli.run(diff);
    CLI_EXPECT_EXIT(off, 0);
    QVERIFY(!fromCache(off));
    QCOMPARE(changesOf(off), changesOf(edited));
    QCOMPARE(leftoverScratch(db), QStringList());
}

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_clidiff.moc"
