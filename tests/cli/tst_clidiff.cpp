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

    const CliResult human = CliRunner(Binary::Gui, project.root())
                                .run({QStringLiteral("diff"), QStringLiteral("--schema"), schema});
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

QTEST_GUILESS_MAIN(TestCliDiff)
#include "tst_clidiff.moc"
