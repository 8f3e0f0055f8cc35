// The README's first session, as a new user types it, on a copy of the bundled demo project:
// status, new, upgrade --dry-run, upgrade, rollback. Also: git ignores the demo database that
// run-demo.sh creates.
#include "clirunner.h"
#include "democopy.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

class TestCliDemo : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstSession_data() { addBinaryRows(); }
    void firstSession();
    void demoDatabaseIsIgnoredByGit();
};

void TestCliDemo::firstSession()
{
    QFETCH(Binary, binary);
    QTemporaryDir dir;
    QVERIFY(copyDemo(dir.path()));
    const CliRunner cli(binary, dir.path());

    // What run-demo.sh does first.
    CliResult r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Migrations completed successfully."));
    QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("jetbase/demo.db"))));

    // 1. status: nothing pending but the runs-always file, which runs on every upgrade.
    r = cli.run({QStringLiteral("status")});
    CLI_EXPECT_EXIT(r, 0);
    const QString pendingTable =
        r.stdoutText().mid(r.stdoutText().indexOf(QStringLiteral("Migrations Pending")));
    CLI_EXPECT_CONTAINS(r, pendingTable, QStringLiteral("│ RUNS_ALWAYS │ record upgrade │"));
    QCOMPARE(pendingTable.count(u'│'), 3);

    // 2. new, then the SQL the README shows.
    r = cli.run({QStringLiteral("new"), QStringLiteral("add_author_website")});
    CLI_EXPECT_EXIT(r, 0);
    const QRegularExpression created(
        QStringLiteral("Created migration file: (V\\d{8}\\.\\d{6}__add_author_website\\.sql)"));
    const QRegularExpressionMatch match = created.match(r.all());
    QVERIFY2(match.hasMatch(), r.describe().constData());
    const QString file = dir.filePath(QStringLiteral("jetbase/migrations/") + match.captured(1));
    QVERIFY(writeFile(file, "-- upgrade\nALTER TABLE authors ADD COLUMN website TEXT;\n\n"
                            "-- rollback\nALTER TABLE authors DROP COLUMN website;\n"));

    // 3. the dry run shows it, in Tidemark's words, and changes nothing.
    r = cli.run({QStringLiteral("upgrade"), QStringLiteral("--dry-run")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("Tidemark dry run: the SQL that upgrade would run, file by "
                                       "file (2 files)."));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("ALTER TABLE authors ADD COLUMN website"));
    CLI_EXPECT_NOT_CONTAINS(r, r.stdoutText(), QStringLiteral("JETBASE"));

    // 4. upgrade runs it and the runs-always file.
    r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Migration applied successfully: ") + match.captured(1));
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Migration applied successfully: RA__record_upgrade.sql"));

    // 5. rollback takes back the newest migration: the new one.
    r = cli.run({QStringLiteral("rollback")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Rollback applied successfully: ") + match.captured(1));
    r = cli.run({QStringLiteral("status"), QStringLiteral("--json")});
    QStringList pending;
    for (const QJsonValue &v : r.json().value(QStringLiteral("pending")).toArray())
        pending << v[QStringLiteral("filename")].toString();
    QCOMPARE(pending, (QStringList{match.captured(1), QStringLiteral("RA__record_upgrade.sql")}));
}

void TestCliDemo::demoDatabaseIsIgnoredByGit()
{
    if (!QFileInfo::exists(QStringLiteral(TIDEMARK_SOURCE_DIR "/.git")))
        QSKIP("not a git checkout");
    QProcess git;
    git.setWorkingDirectory(QStringLiteral(TIDEMARK_SOURCE_DIR));
    git.start(QStringLiteral("git"), {QStringLiteral("check-ignore"), QStringLiteral("--quiet"),
                                      QStringLiteral("examples/demo/jetbase/demo.db")});
    if (!git.waitForStarted(10000))
        QSKIP("git is not installed");
    QVERIFY(git.waitForFinished(30000));
    // 0: ignored; 1: not ignored (it would show up in git status after the demo).
    QCOMPARE(git.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestCliDemo)
#include "tst_clidemo.moc"
