// make-migrations given bad input, through the real binary: a schema file that does not load
// names its file and line, --strict refuses a migration that loses rows, a --rename that matches
// nothing and conflicting options are errors; in each case no file is written and the database
// is left exactly as it was. Also the two good paths whose output scripts rely on: "No changes
// detected." and --json.
#include "clidatabase.h"
#include "clirunner.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

const QString Users = QStringLiteral(
    "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL)");

QStringList migrationFiles(const TempProject &project)
{
    return QDir(project.migrationsDir()).entryList({QStringLiteral("*.sql")}, QDir::Files);
}

QString writeSchema(const TempProject &project, const QByteArray &sql)
{
    const QString path = project.root() + QStringLiteral("/desired.sql");
    if (!writeFile(path, sql))
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

// The columns of every table, so that "unchanged" covers more than the row counts.
QStringList columnsOf(const ScratchDatabase &db)
{
    switch (db.dialect()) {
    case SqlDialect::Postgres:
        return db.query(QStringLiteral(
            "SELECT table_name || '.' || column_name || ' ' || data_type FROM "
            "information_schema.columns WHERE table_schema = current_schema() ORDER BY 1"));
    case SqlDialect::MySql:
        return db.query(QStringLiteral("SELECT CONCAT(table_name, '.', column_name, ' ', "
                                       "column_type) FROM information_schema.columns WHERE "
                                       "table_schema = DATABASE() ORDER BY 1"));
    default:
        return db.query(QStringLiteral(
            "SELECT m.name || '.' || p.name || ' ' || p.type FROM sqlite_master m JOIN "
            "pragma_table_info(m.name) p WHERE m.type = 'table' ORDER BY 1"));
    }
}

// A project on a fresh database holding `users` and what `setup` adds.
struct Fixture
{
    explicit Fixture(SqlDialect dialect)
        : db(dialect)
        , project(db.url())
        , cli(Binary::Gui, project.root())
    {}
    bool prepare(const QStringList &setup = {})
    {
        for (const QString &sql : QStringList{Users} + setup) {
            QString error;
            if (!db.exec(sql, &error)) {
                qWarning("%s: %s", qPrintable(sql), qPrintable(error));
                return false;
            }
        }
        state = snapshotOf(db) + columnsOf(db);
        return true;
    }
    // The database and the migrations folder are as prepare() left them.
    bool unchanged() const
    {
        return snapshotOf(db) + columnsOf(db) == state && migrationFiles(project).isEmpty() &&
               leftoverScratch(db).isEmpty();
    }
    ScratchDatabase db;
    TempProject project;
    CliRunner cli;
    QStringList state;
};

QStringList makeMigrations(const QString &schema, const QStringList &more = {})
{
    return QStringList{QStringLiteral("make-migrations"), QStringLiteral("--schema"), schema} +
           more;
}

} // namespace

class TestCliMakeMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void invalidSql_data() { addDialectColumnRows(); }
    void invalidSql();
    void unknownType_data();
    void unknownType();
    void strictRefusesDroppedRows_data() { addDialectColumnRows(); }
    void strictRefusesDroppedRows();
    void renameWithoutCandidate_data() { addDialectColumnRows(); }
    void renameWithoutCandidate();
    void badArguments_data();
    void badArguments();
    void noChanges_data() { addDialectColumnRows(); }
    void noChanges();
    void refusesWhileMigrationsArePending_data() { addDialectColumnRows(); }
    void refusesWhileMigrationsArePending();
    void warningsCountLiveRows_data() { addDialectColumnRows(); }
    void warningsCountLiveRows();
    void json_data() { addDialectColumnRows(); }
    void json();
};

void TestCliMakeMigrations::invalidSql()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare());
    const QString schema = writeSchema(f.project, "-- the schema we want\n" + Users.toUtf8() +
                                                      ";\n\nCREATE TABLE broken (id INTEGER,, "
                                                      "x);\nCREATE TABLE never (id INTEGER);\n");
    const CliResult r = f.cli.run(makeMigrations(schema));
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), schema + QStringLiteral(":4:"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("CREATE TABLE broken"));
    QVERIFY2(f.unchanged(), r.describe().constData());
}

void TestCliMakeMigrations::unknownType_data()
{
    // SQLite is left out on purpose: it accepts any type name ("frobnicate" gets NUMERIC
    // affinity), so there the same file is a valid schema.
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("postgresql") << SqlDialect::Postgres;
    QTest::newRow("mariadb") << SqlDialect::MySql;
}

void TestCliMakeMigrations::unknownType()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare());
    const QString schema =
        writeSchema(f.project, Users.toUtf8() + ";\nCREATE TABLE gadgets (\n"
                                                "    id INTEGER NOT NULL PRIMARY KEY,\n"
                                                "    kind frobnicate\n);\n");
    const CliResult r = f.cli.run(makeMigrations(schema));
    CLI_EXPECT_EXIT(r, 1);
    // The statement starts on line 2; the database names the type.
    CLI_EXPECT_CONTAINS(r, r.stderrText(), schema + QStringLiteral(":2:"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("frobnicate"));
    QVERIFY2(f.unchanged(), r.describe().constData());
}

void TestCliMakeMigrations::strictRefusesDroppedRows()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare({QStringLiteral("CREATE TABLE doomed (id INTEGER NOT NULL PRIMARY KEY)"),
                       QStringLiteral("INSERT INTO doomed (id) VALUES (1), (2), (3)")}));
    const QString schema = writeSchema(f.project, Users.toUtf8() + ";\n");

    const CliResult strict = f.cli.run(makeMigrations(schema, {QStringLiteral("--strict")}));
    CLI_EXPECT_EXIT(strict, 1);
    CLI_EXPECT_CONTAINS(strict, strict.stderrText(), QStringLiteral("doomed"));
    CLI_EXPECT_CONTAINS(strict, strict.stderrText(), QStringLiteral("3 rows"));
    QVERIFY2(f.unchanged(), strict.describe().constData());

    // Without --strict the same warning is given and the file is written.
    const CliResult lenient = f.cli.run(makeMigrations(schema));
    CLI_EXPECT_EXIT(lenient, 0);
    CLI_EXPECT_CONTAINS(lenient, lenient.all(), QStringLiteral("3 rows"));
    QCOMPARE(migrationFiles(f.project).size(), 1);
}

void TestCliMakeMigrations::renameWithoutCandidate()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare());
    // Only an added column: nothing was dropped, so nothing can have been renamed.
    const QString schema =
        writeSchema(f.project, "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name "
                               "VARCHAR(100) NOT NULL, email VARCHAR(200));\n");
    for (const QString &rename :
         {QStringLiteral("users.name=email"), QStringLiteral("users=people")}) {
        const CliResult r = f.cli.run(makeMigrations(schema, {QStringLiteral("--rename"), rename}));
        QVERIFY2(r.finished && r.exitCode != 0, r.describe().constData());
        CLI_EXPECT_CONTAINS(r, r.stderrText(), rename);
        QVERIFY2(f.unchanged(), r.describe().constData());
    }
}

void TestCliMakeMigrations::badArguments_data()
{
    QTest::addColumn<QStringList>("arguments"); // after "make-migrations"; SCHEMA is replaced
    QTest::addColumn<QString>("expected");      // part of stderr
    QTest::newRow("--schema and --from-url")
        << QStringList{QStringLiteral("--schema"), QStringLiteral("SCHEMA"),
                       QStringLiteral("--from-url"), QStringLiteral("sqlite:///other.db")}
        << QStringLiteral("--from-url");
    // Spaces become underscores, as in Jetbase; a path separator cannot be part of a file name.
    QTest::newRow("description with a slash")
        << QStringList{QStringLiteral("--schema"), QStringLiteral("SCHEMA"), QStringLiteral("-d"),
                       QStringLiteral("add/email")}
        << QStringLiteral("add/email");
    QTest::newRow("blank description")
        << QStringList{QStringLiteral("--schema"), QStringLiteral("SCHEMA"), QStringLiteral("-d"),
                       QStringLiteral("  ")}
        << QStringLiteral("blank");
    QTest::newRow("rename without =")
        << QStringList{QStringLiteral("--schema"), QStringLiteral("SCHEMA"),
                       QStringLiteral("--rename"), QStringLiteral("users.name")}
        << QStringLiteral("users.name");
}

void TestCliMakeMigrations::badArguments()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, expected);
    Fixture f(SqlDialect::Sqlite);
    QVERIFY(f.prepare());
    // A schema with a change in it, so that only the arguments can be the reason to refuse.
    const QString schema = writeSchema(f.project, "CREATE TABLE users (id INTEGER NOT NULL "
                                                  "PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                                                  "email VARCHAR(200));\n");
    arguments.replaceInStrings(QStringLiteral("SCHEMA"), schema);
    const CliResult r = f.cli.run(QStringList{QStringLiteral("make-migrations")} + arguments);
    CLI_EXPECT_EXIT(r, 2);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), expected);
    QVERIFY2(f.unchanged(), r.describe().constData());
}

void TestCliMakeMigrations::noChanges()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare());
    // The same table written differently: the scratch database normalises it.
    const QString schema =
        writeSchema(f.project, "create table users (\n  id integer primary key not null,\n  name "
                               "varchar(100) not null\n);\n");
    const CliResult r =
        f.cli.run(makeMigrations(schema, {QStringLiteral("-d"), QStringLiteral("nothing")}));
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("No changes detected."));
    CLI_EXPECT_NOT_CONTAINS(r, r.all(), QStringLiteral("Created jetbase"));
    QVERIFY2(f.unchanged(), r.describe().constData());
}

// A pending migration: the live schema does not show what it will do, so a generated file
// would do it again. make-migrations refuses unless told to compare anyway.
void TestCliMakeMigrations::refusesWhileMigrationsArePending()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare());
    f.project.write(QStringLiteral("V1__add_email.sql"),
                    "ALTER TABLE users ADD COLUMN email VARCHAR(200);\n-- rollback\n"
                    "ALTER TABLE users DROP COLUMN email;\n");
    const QString schema =
        writeSchema(f.project, "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name "
                               "VARCHAR(100) NOT NULL, email VARCHAR(200));\n");
    const CliResult refused = f.cli.run(makeMigrations(schema));
    CLI_EXPECT_EXIT(refused, 1);
    CLI_EXPECT_CONTAINS(refused, refused.stderrText(), QStringLiteral("V1__add_email.sql"));
    CLI_EXPECT_CONTAINS(refused, refused.stderrText(), QStringLiteral("--allow-pending"));
    QCOMPARE(migrationFiles(f.project), QStringList{QStringLiteral("V1__add_email.sql")});

    const CliResult allowed =
        f.cli.run(makeMigrations(schema, {QStringLiteral("--allow-pending")}));
    CLI_EXPECT_EXIT(allowed, 0);
    QCOMPARE(migrationFiles(f.project).size(), 2);

    // Once it is applied, the same schema needs nothing more.
    QVERIFY(QFile::remove(f.project.migrationsDir() + u'/' + migrationFiles(f.project).last()));
    CLI_EXPECT_EXIT(f.cli.run({QStringLiteral("upgrade")}), 0);
    const CliResult after = f.cli.run(makeMigrations(schema));
    CLI_EXPECT_EXIT(after, 0);
    CLI_EXPECT_CONTAINS(after, after.stdoutText(), QStringLiteral("No changes detected."));
}

void TestCliMakeMigrations::json()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare({QStringLiteral("ALTER TABLE users ADD COLUMN legacy INTEGER"),
                       QStringLiteral("INSERT INTO users (id, name, legacy) VALUES (1, 'Ada', 7), "
                                      "(2, 'Grace', 8), (3, 'Alan', NULL)")}));
    // legacy (2 non-null values) goes, email comes: a data-loss warning and two changes.
    const QString schema =
        writeSchema(f.project, "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name "
                               "VARCHAR(100) NOT NULL, email VARCHAR(200));\n");
    const CliResult r =
        CliRunner(Binary::Cli, f.project.root())
            .run(QStringList{QStringLiteral("--json")} +
                 makeMigrations(schema, {QStringLiteral("-d"), QStringLiteral("swap_legacy")}));
    CLI_EXPECT_EXIT(r, 0);
    QString why;
    const QJsonObject o = r.json(&why);
    QVERIFY2(!o.isEmpty(), qPrintable(why + u'\n' + r.describe()));

    const QStringList files = migrationFiles(f.project);
    QCOMPARE(files.size(), 1);
    QVERIFY2(QRegularExpression(QStringLiteral("^V\\d{8}\\.\\d{6}__swap_legacy\\.sql$"))
                 .match(files.first())
                 .hasMatch(),
             qPrintable(files.first()));
    const QString file = o.value(QStringLiteral("file")).toString();
    QVERIFY2(file.endsWith(files.first()), r.describe().constData());
    QVERIFY2(QFileInfo(QDir(f.project.root()), file).isFile(), r.describe().constData());

    QStringList kinds;
    for (const QJsonValue &c : o.value(QStringLiteral("changes")).toArray())
        kinds.append(c.toObject().value(QStringLiteral("kind")).toString());
    kinds.sort();
    QCOMPARE(kinds, (QStringList{QStringLiteral("add_column"), QStringLiteral("drop_column")}));

    QVERIFY2(o.value(QStringLiteral("warnings")).isArray(), r.describe().constData());
    const QJsonArray warnings = o.value(QStringLiteral("warnings")).toArray();
    QCOMPARE(warnings.size(), 1);
    const QString warning = QString::fromUtf8(
        QJsonDocument(QJsonArray{warnings.first()}).toJson(QJsonDocument::Compact));
    QVERIFY2(warning.contains(QStringLiteral("legacy")) &&
                 QRegularExpression(QStringLiteral("\\b2\\b")).match(warning).hasMatch(),
             qPrintable(warning));
}

// Changes that fail or cut values on the rows the database holds now: each warning gives the
// count read from the live database; --strict refuses and leaves everything as it was.
void TestCliMakeMigrations::warningsCountLiveRows()
{
    QFETCH(SqlDialect, dialect);
    Fixture f(dialect);
    TIDEMARK_REQUIRE(f.db);
    QVERIFY(f.prepare(
        {QStringLiteral("CREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, code VARCHAR(20), "
                        "note VARCHAR(10), qty BIGINT, total INTEGER)"),
         QStringLiteral("INSERT INTO items (id, code, note, qty, total) VALUES (1, 'ABCDEFGHIJ', "
                        "NULL, 5000000000, 10), (2, 'AB', 'x', 3, 20), (3, 'ABC', 'y', 4, "
                        "NULL)")}));
    const QString schema = writeSchema(
        f.project, "CREATE TABLE users (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT "
                   "NULL);\nCREATE TABLE items (id INTEGER NOT NULL PRIMARY KEY, code "
                   "VARCHAR(5), note VARCHAR(10) NOT NULL, qty INTEGER, total INTEGER GENERATED "
                   "ALWAYS AS (id * 2) STORED, label VARCHAR(10) NOT NULL);\n");
    const CliResult r = CliRunner(Binary::Cli, f.project.root())
                            .run(QStringList{QStringLiteral("--json")} +
                                 makeMigrations(schema, {QStringLiteral("--strict")}));
    CLI_EXPECT_EXIT(r, 1);
    QString why;
    const QJsonObject o = r.json(&why);
    QVERIFY2(!o.isEmpty(), qPrintable(why + u'\n' + r.describe()));
    QMap<QString, qint64> counts; // "kind table.object" -> count
    QStringList messages;
    for (const QJsonValue &w : o.value(QStringLiteral("warnings")).toArray()) {
        const QJsonObject warning = w.toObject();
        counts.insert(warning.value(QStringLiteral("kind")).toString() + u' ' +
                          warning.value(QStringLiteral("table")).toString() + u'.' +
                          warning.value(QStringLiteral("object")).toString(),
                      qint64(warning.value(QStringLiteral("count")).toDouble()));
        messages.append(warning.value(QStringLiteral("message")).toString());
    }
    const QMap<QString, qint64> expected{
        {QStringLiteral("change_column_type items.code"), 1},        // 10 characters > 5
        {QStringLiteral("change_column_nullability items.note"), 1}, // one NULL
        {QStringLiteral("change_column_type items.qty"), 1},         // 5,000,000,000 > int
        {QStringLiteral("add_column items.label"), 3},               // no default, 3 rows
        {QStringLiteral("change_column_generated items.total"), 2},  // 2 values replaced
    };
    QVERIFY2(counts == expected, r.describe().constData());
    const QString text = messages.join(u'\n');
    CLI_EXPECT_CONTAINS(r, text, QStringLiteral("1 value is longer than 5 characters"));
    CLI_EXPECT_CONTAINS(r, text, QStringLiteral("1 row holds NULL"));
    CLI_EXPECT_CONTAINS(r, text, QStringLiteral("to 3 rows"));
    CLI_EXPECT_CONTAINS(r, text, QStringLiteral("its 2 non-null values give way"));
    QVERIFY2(f.unchanged(), r.describe().constData());
}

QTEST_GUILESS_MAIN(TestCliMakeMigrations)
#include "tst_climakemigrations.moc"
