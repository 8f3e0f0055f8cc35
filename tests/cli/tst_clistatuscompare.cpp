// status --compare-url through the real binary on each database: two databases of the same
// kind, compared migration by migration (same, only here, only there, other checksum), in text
// and JSON; neither database is touched; another kind of database, an unreachable one and one
// without history give clear answers.
#include "clidatabase.h"
#include "clirunner.h"

#include <QJsonArray>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

QByteArray migration(const char *table)
{
    return QByteArray("-- upgrade\nCREATE TABLE ") + table +
           " (id INTEGER);\n-- rollback\nDROP TABLE " + table + ";\n";
}

} // namespace

class TestCliStatusCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void comparesHistories_data() { addDialectColumnRows(); }
    void comparesHistories();
    void otherKindOrUnreachable_data() { addDialectColumnRows(); }
    void otherKindOrUnreachable();
    void otherWithoutHistory();
};

void TestCliStatusCompare::comparesHistories()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase here(dialect);
    TIDEMARK_REQUIRE(here);
    ScratchDatabase there(dialect);
    TempProject project(here.url());
    project.write(QStringLiteral("V1__one.sql"), migration("one"));
    project.write(QStringLiteral("V2__two.sql"), migration("two"));
    project.write(QStringLiteral("V3__three.sql"), migration("three"));
    const CliRunner cli(Binary::Cli, project.root());
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade")}), 0);
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade"), QStringLiteral("--url"), there.url(),
                             QStringLiteral("--count"), QStringLiteral("2")}),
                    0);
    // A version only the other database ran, from a file this project no longer has; and V1
    // recorded there with another checksum.
    project.write(QStringLiteral("V4__four.sql"), migration("four"));
    project.remove(QStringLiteral("V3__three.sql"));
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade"), QStringLiteral("--url"), there.url()}), 0);
    project.remove(QStringLiteral("V4__four.sql"));
    project.write(QStringLiteral("V3__three.sql"), migration("three"));
    QVERIFY(there.exec(
        QStringLiteral("UPDATE jetbase_migrations SET checksum = 'edited' WHERE version = '1'")));

    const QStringList hereBefore = snapshotOf(here);
    const QStringList thereBefore = snapshotOf(there);
    const CliResult json = cli.run({QStringLiteral("--json"), QStringLiteral("status"),
                                    QStringLiteral("--compare-url"), there.url()});
    CLI_EXPECT_EXIT(json, 0);
    QCOMPARE(json.json().value(QStringLiteral("differing")).toInt(), 3);
    QStringList states;
    for (const QJsonValue &row : json.json().value(QStringLiteral("rows")).toArray()) {
        const QJsonObject o = row.toObject();
        states.append(o.value(QStringLiteral("version")).toString() + u' ' +
                      o.value(QStringLiteral("state")).toString());
    }
    QCOMPARE(states, (QStringList{"1 checksum_differs", "2 same", "3 only_here", "4 only_there"}));
    const QJsonObject first =
        json.json().value(QStringLiteral("rows")).toArray().first().toObject();
    QCOMPARE(first.value(QStringLiteral("there")).toObject().value(QStringLiteral("checksum")),
             QJsonValue(QStringLiteral("edited")));
    QVERIFY(json.json()
                .value(QStringLiteral("rows"))
                .toArray()
                .last()
                .toObject()
                .value(QStringLiteral("here"))
                .isNull());

    const CliResult human =
        CliRunner(Binary::Gui, project.root())
            .run({QStringLiteral("status"), QStringLiteral("--compare-url"), there.url()});
    CLI_EXPECT_EXIT(human, 0);
    CLI_EXPECT_CONTAINS(human, human.stdoutText(), QStringLiteral("History Comparison"));
    CLI_EXPECT_CONTAINS(human, human.stdoutText(), QStringLiteral("applied, other checksum"));
    CLI_EXPECT_CONTAINS(human, human.stdoutText(), QStringLiteral("3 of 4 migration(s) differ."));
    QCOMPARE(snapshotOf(here), hereBefore);
    QCOMPARE(snapshotOf(there), thereBefore);

    // Compared with itself: nothing differs.
    const CliResult same =
        cli.run({QStringLiteral("status"), QStringLiteral("--compare-url"), here.url()});
    CLI_EXPECT_EXIT(same, 0);
    CLI_EXPECT_CONTAINS(same, same.stdoutText(),
                        QStringLiteral("Both databases have applied the same migrations."));
}

void TestCliStatusCompare::otherKindOrUnreachable()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase here(dialect);
    TIDEMARK_REQUIRE(here);
    TempProject project(here.url());
    const CliRunner cli(Binary::Cli, project.root());
    // Another kind of database: a usage error that names both kinds.
    const QString otherKind = dialect == SqlDialect::Sqlite
                                  ? QStringLiteral("postgresql://u:s3cret-pw@127.0.0.1:1/x")
                                  : QStringLiteral("sqlite:///other.db");
    const CliResult kind =
        cli.run({QStringLiteral("status"), QStringLiteral("--compare-url"), otherKind});
    CLI_EXPECT_EXIT(kind, 2);
    CLI_EXPECT_CONTAINS(kind, kind.stderrText(), QStringLiteral("--compare-url is a"));
    CLI_EXPECT_NOT_CONTAINS(kind, QString(kind.stdoutText() + kind.stderrText()),
                            QStringLiteral("s3cret-pw"));
    if (dialect == SqlDialect::Sqlite)
        return;
    // A server that does not answer: exit 1, and the password is in no output.
    const QString unreachable =
        dialect == SqlDialect::Postgres
            ? QStringLiteral("postgresql://tidemark:s3cret-pw@127.0.0.1:1/nope")
            : QStringLiteral("mysql+pymysql://tidemark:s3cret-pw@127.0.0.1:1/nope");
    const CliResult down =
        cli.run({QStringLiteral("status"), QStringLiteral("--compare-url"), unreachable});
    CLI_EXPECT_EXIT(down, 1);
    CLI_EXPECT_NOT_CONTAINS(down, QString(down.stdoutText() + down.stderrText()),
                            QStringLiteral("s3cret-pw"));
}

void TestCliStatusCompare::otherWithoutHistory()
{
    ScratchDatabase here(SqlDialect::Sqlite);
    ScratchDatabase there(SqlDialect::Sqlite);
    TempProject project(here.url());
    project.write(QStringLiteral("V1__one.sql"), migration("one"));
    const CliRunner cli(Binary::Cli, project.root());
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade")}), 0);
    const CliResult r =
        cli.run({QStringLiteral("status"), QStringLiteral("--compare-url"), there.url()});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("There no migrations have been applied."));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("1 of 1 migration(s) differ."));
    QVERIFY(!there.tableExists(QStringLiteral("jetbase_migrations"))); // nothing created there
}

QTEST_GUILESS_MAIN(TestCliStatusCompare)
#include "tst_clistatuscompare.moc"
