// validate, validate-checksums [-f], fix-checksums, validate-files [-f], fix-files, fix, lock,
// unlock and lock-status through both binaries on SQLite.
#include "clidatabase.h"
#include "clirunner.h"

#include <QRegularExpression>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

const QString Rule = QString(40, u'-');

// Three applied versions; then V1 is edited and V2's file is deleted.
struct DriftedProject
{
    ScratchDatabase db{SqlDialect::Sqlite};
    TempProject project{db.url()};
    QString v1Applied; // checksum stored for V1 before the edit

    bool setUp(Binary binary)
    {
        project.write(QStringLiteral("V1__a.sql"),
                      "CREATE TABLE a (id INT);\n-- rollback\nDROP TABLE a;\n");
        project.write(QStringLiteral("V2__b.sql"),
                      "CREATE TABLE b (id INT);\n-- rollback\nDROP TABLE b;\n");
        project.write(QStringLiteral("V3__c.sql"),
                      "CREATE TABLE c (id INT);\n-- rollback\nDROP TABLE c;\n");
        if (CliRunner(binary, project.root()).run({QStringLiteral("upgrade")}).exitCode != 0)
            return false;
        v1Applied = checksumOf(QStringLiteral("1"));
        project.write(QStringLiteral("V1__a.sql"),
                      "CREATE TABLE a (id INT, extra INT);\n-- rollback\nDROP TABLE a;\n");
        return project.remove(QStringLiteral("V2__b.sql"));
    }
    QString checksumOf(const QString &version) const
    {
        return db
            .query(QStringLiteral("SELECT checksum FROM jetbase_migrations WHERE version = '%1'")
                       .arg(version))
            .value(0);
    }
};

} // namespace

class TestCliMaintenance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validateClean_data() { addBinaryRows(); }
    void validateClean();
    void validateReportsEveryProblem_data() { addBinaryRows(); }
    void validateReportsEveryProblem();
    void validateChecksumsAudit_data() { addBinaryRows(); }
    void validateChecksumsAudit();
    void validateChecksumsFix();
    void fixChecksums();
    void validateFilesAudit_data() { addBinaryRows(); }
    void validateFilesAudit();
    void validateFilesFixAndFixFiles();
    void fixRepairsBoth_data() { addBinaryRows(); }
    void fixRepairsBoth();
    void lockUnlockStatus_data() { addBinaryRows(); }
    void lockUnlockStatus();
    void unlockWithoutTables();
};

void TestCliMaintenance::validateClean()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliRunner cli(binary, project.root());

    CliResult r = cli.run({QStringLiteral("validate")}); // nothing applied yet
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    r = cli.run({QStringLiteral("validate")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Validation passed"));
}

void TestCliMaintenance::validateReportsEveryProblem()
{
    QFETCH(Binary, binary);
    DriftedProject p;
    QVERIFY(p.setUp(binary));
    // And an out-of-order file: version 2.5 is older than the latest applied (3).
    p.project.write(QStringLiteral("V2_5__late.sql"), "CREATE TABLE late (id INT);\n");
    const QStringList before = snapshotOf(p.db);

    const CliResult r = CliRunner(binary, p.project.root()).run({QStringLiteral("validate")});
    CLI_EXPECT_EXIT(r, 1);
    const QString err = r.stderrText();
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("3 problems"));
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("V2__b.sql"));
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("missing"));
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("V1__a.sql"));
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("changed"));
    CLI_EXPECT_CONTAINS(r, err, QStringLiteral("V2_5__late.sql"));
    QCOMPARE(snapshotOf(p.db), before);

    // upgrade refuses for the same reasons and changes nothing.
    const CliResult up = CliRunner(binary, p.project.root()).run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(up, 1);
    CLI_EXPECT_CONTAINS(up, up.stderrText(), QStringLiteral("V1__a.sql"));
    CLI_EXPECT_CONTAINS(up, up.stderrText(), QStringLiteral("V2__b.sql"));
    QVERIFY(!p.db.tableExists(QStringLiteral("late")));
    QCOMPARE(snapshotOf(p.db), before);
}

void TestCliMaintenance::validateChecksumsAudit()
{
    QFETCH(Binary, binary);
    DriftedProject p;
    QVERIFY(p.setUp(binary));
    p.project.write(QStringLiteral("V3__c.sql"), "CREATE TABLE c (id INT, more INT);\n");
    const QStringList before = snapshotOf(p.db);

    const CliResult r =
        CliRunner(binary, p.project.root()).run({QStringLiteral("validate-checksums")});
    CLI_EXPECT_EXIT(r, 0); // an audit: exit 0 even with findings, as Jetbase
    const QString out = r.stdoutText();
    CLI_EXPECT_CONTAINS(r, out, QStringLiteral("JETBASE - Checksum Audit Report\n") + Rule);
    CLI_EXPECT_CONTAINS(r, out,
                        QStringLiteral("Changes detected in the following migration versions:"));
    // Every changed version, not only the first.
    CLI_EXPECT_CONTAINS(r, out, QStringLiteral("→ 1\n"));
    CLI_EXPECT_CONTAINS(r, out, QStringLiteral("→ 3"));
    QCOMPARE(snapshotOf(p.db), before);
}

void TestCliMaintenance::validateChecksumsFix()
{
    DriftedProject p;
    QVERIFY(p.setUp(Binary::Cli));
    const CliRunner cli(Binary::Cli, p.project.root());
    const QString v3 = p.checksumOf(QStringLiteral("3"));

    const CliResult r = cli.run({QStringLiteral("validate-checksums"), QStringLiteral("-f")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Repaired checksum for version: 1"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Successfully repaired checksums"));
    QVERIFY(p.checksumOf(QStringLiteral("1")) != p.v1Applied);
    QCOMPARE(p.checksumOf(QStringLiteral("3")), v3);

    const CliResult again = cli.run({QStringLiteral("validate-checksums")});
    CLI_EXPECT_EXIT(again, 0);
    CLI_EXPECT_CONTAINS(again, again.stdoutText(),
                        QStringLiteral("All migration checksums are valid"));
    // The long form is accepted too and finds nothing more to do.
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("validate-checksums"), QStringLiteral("--fix")}), 0);
}

void TestCliMaintenance::fixChecksums()
{
    DriftedProject p;
    QVERIFY(p.setUp(Binary::Gui));
    const CliRunner cli(Binary::Gui, p.project.root());
    const CliResult r = cli.run({QStringLiteral("fix-checksums")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Repaired checksum for version: 1"));
    QVERIFY(p.checksumOf(QStringLiteral("1")) != p.v1Applied);
    // The missing V2 is still tracked: fix-checksums does not touch files.
    QCOMPARE(trackedVersions(p.db).size(), 3);
    // validate still fails for the missing file, no longer for the checksum.
    const CliResult v = cli.run({QStringLiteral("validate")});
    CLI_EXPECT_EXIT(v, 1);
    CLI_EXPECT_NOT_CONTAINS(v, v.stderrText(), QStringLiteral("V1__a.sql"));
    CLI_EXPECT_CONTAINS(v, v.stderrText(), QStringLiteral("V2__b.sql"));
}

void TestCliMaintenance::validateFilesAudit()
{
    QFETCH(Binary, binary);
    DriftedProject p;
    QVERIFY(p.setUp(binary));
    const QStringList before = snapshotOf(p.db);
    const CliResult r = CliRunner(binary, p.project.root()).run({QStringLiteral("validate-files")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("The following migration versions are missing their "
                                       "corresponding files:\n→ 2"));
    QCOMPARE(snapshotOf(p.db), before);
}

void TestCliMaintenance::validateFilesFixAndFixFiles()
{
    DriftedProject p;
    QVERIFY(p.setUp(Binary::Cli));
    const CliRunner cli(Binary::Cli, p.project.root());

    CliResult r = cli.run({QStringLiteral("validate-files"), QStringLiteral("-f")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("Stopped tracking the following missing versions:\n→ 2"));
    QCOMPARE(trackedVersions(p.db), (QStringList{QStringLiteral("1"), QStringLiteral("3")}));
    QCOMPARE(p.checksumOf(QStringLiteral("1")), p.v1Applied); // checksums untouched

    r = cli.run({QStringLiteral("validate-files")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(),
                        QStringLiteral("All migrations have corresponding files."));

    // fix-files on a repeatable that is gone, with nothing versioned missing.
    p.project.write(QStringLiteral("RA__gone.sql"), "SELECT 1;\n");
    QCOMPARE(
        cli.run({QStringLiteral("upgrade"), QStringLiteral("--skip-checksum-validation")}).exitCode,
        0);
    QVERIFY(p.project.remove(QStringLiteral("RA__gone.sql")));
    r = cli.run({QStringLiteral("fix-files")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("RA__gone.sql"));
    QCOMPARE(rowCount(p.db, QStringLiteral("jetbase_migrations WHERE filename = 'RA__gone.sql'")),
             0);
    r = cli.run({QStringLiteral("fix-files")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("No missing migration files."));
}

void TestCliMaintenance::fixRepairsBoth()
{
    QFETCH(Binary, binary);
    DriftedProject p;
    QVERIFY(p.setUp(binary));
    const CliRunner cli(binary, p.project.root());

    const CliResult r = cli.run({QStringLiteral("fix")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("→ 2"));
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("Repaired checksum for version: 1"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Fix completed successfully."));
    QCOMPARE(trackedVersions(p.db), (QStringList{QStringLiteral("1"), QStringLiteral("3")}));
    QVERIFY(p.checksumOf(QStringLiteral("1")) != p.v1Applied);
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("validate")}), 0);
    // Nothing left to do: upgrade runs again.
    const CliResult up = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(up, 0);
    CLI_EXPECT_CONTAINS(up, up.stderrText(), QStringLiteral("Migrations are up to date."));
}

void TestCliMaintenance::lockUnlockStatus()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliRunner cli(binary, project.root());

    CliResult r = cli.run({QStringLiteral("lock-status")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("Status: UNLOCKED"));

    r = cli.run({QStringLiteral("lock")});
    CLI_EXPECT_EXIT(r, 0);
    static const QRegularExpression uuid(
        QStringLiteral("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    const QString processId = uuid.match(r.stdoutText()).captured(0);
    QVERIFY2(!processId.isEmpty(), r.describe().constData());
    QCOMPARE(db.query(QStringLiteral("SELECT process_id FROM jetbase_lock WHERE id = 1")),
             QStringList{processId});

    r = cli.run({QStringLiteral("lock-status")});
    CLI_EXPECT_EXIT(r, 0);
    const QStringList lines = r.stdoutText().trimmed().split(u'\n');
    QVERIFY2(lines.size() >= 5, r.describe().constData());
    QCOMPARE(lines.at(0), QStringLiteral("Status: LOCKED"));
    QVERIFY2(QRegularExpression(QStringLiteral("^Locked At: \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d"))
                 .match(lines.at(1))
                 .hasMatch(),
             qPrintable(lines.at(1)));
    QCOMPARE(lines.at(2), QStringLiteral("Process ID: ") + processId);
    QVERIFY2(lines.at(3).startsWith(QStringLiteral("Held For: ")), qPrintable(lines.at(3)));
    QVERIFY2(lines.at(4).startsWith(QStringLiteral("Held By: ")) && lines.at(4).contains(u"lock"),
             qPrintable(lines.at(4)));

    // A second lock fails at once: it is already held.
    r = cli.run({QStringLiteral("lock")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("already held"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), processId);

    r = cli.run({QStringLiteral("unlock")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("Unlock successful."));
    r = cli.run({QStringLiteral("lock-status")});
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("Status: UNLOCKED"));
    QCOMPARE(rowCount(db, QStringLiteral("jetbase_lock WHERE process_id IS NULL")), 1);
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade")}), 0);
}

void TestCliMaintenance::unlockWithoutTables()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    const CliRunner cli(Binary::Cli, project.root());
    const CliResult r = cli.run({QStringLiteral("unlock")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.stdoutText().trimmed(), QStringLiteral("Unlock successful."));
    QVERIFY(tableNames(db).isEmpty());
}

QTEST_GUILESS_MAIN(TestCliMaintenance)
#include "tst_climaintenance.moc"
