// Two tidemark-cli processes on one database: the lock makes them take turns, every migration is
// applied exactly once; a held lock fails at once or is waited for with --lock-timeout.
#include "clidatabase.h"
#include "clirunner.h"

#include <QThread>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

constexpr int FileCount = 20;
constexpr int SqliteInserts = 150; // per file: SQLite has no sleep, so it does work instead

// V1 creates the runs table; every file creates its own table, records itself in runs, and
// takes a little time.
void writeSlowMigrations(const TempProject &project, SqlDialect dialect)
{
    for (int i = 1; i <= FileCount; ++i) {
        QByteArray sql;
        if (i == 1)
            sql += "CREATE TABLE runs (version INT NOT NULL);\n";
        sql += "CREATE TABLE t" + QByteArray::number(i) + " (n INT);\n";
        sql += "INSERT INTO runs (version) VALUES (" + QByteArray::number(i) + ");\n";
        switch (dialect) {
        case SqlDialect::Postgres:
            sql += "SELECT pg_sleep(0.05);\n";
            break;
        case SqlDialect::MySql:
            sql += "SELECT SLEEP(0.05);\n";
            break;
        default:
            for (int n = 0; n < SqliteInserts; ++n)
                sql += "INSERT INTO t" + QByteArray::number(i) + " (n) VALUES (" +
                       QByteArray::number(n) + ");\n";
        }
        sql += "-- rollback\nDROP TABLE t" + QByteArray::number(i) + ";\n";
        project.write(QStringLiteral("V%1__step_%1.sql").arg(i), sql);
    }
}

bool isTrue(const QString &value)
{
    return value == u"1" || value.compare(u"true", Qt::CaseInsensitive) == 0 || value == u"t";
}

} // namespace

class TestCliConcurrency : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void twoUpgradesAtOnce_data() { addDialectColumnRows(); }
    void twoUpgradesAtOnce();
    void heldLockFailsAtOnce_data() { addDialectColumnRows(); }
    void heldLockFailsAtOnce();
    void lockTimeoutWaitsForUnlock_data() { addDialectColumnRows(); }
    void lockTimeoutWaitsForUnlock();
    void lockTimeoutExpires();
};

void TestCliConcurrency::twoUpgradesAtOnce()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    writeSlowMigrations(project, dialect);
    const CliRunner cli(Binary::Cli, project.root());
    const QStringList args{QStringLiteral("upgrade"), QStringLiteral("--lock-timeout"),
                           QStringLiteral("60")};

    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QProcess> first = cli.start(args);
    std::unique_ptr<QProcess> second = cli.start(args);
    const CliResult a = CliRunner::finish(*first, args, 90000, &timer);
    const CliResult b = CliRunner::finish(*second, args, 90000, &timer);
    CLI_EXPECT_EXIT(a, 0);
    CLI_EXPECT_EXIT(b, 0);

    // Between them, every file was applied once: 20 success lines in all.
    const int applied =
        int(a.stderrText().count(QStringLiteral("Migration applied successfully: ")) +
            b.stderrText().count(QStringLiteral("Migration applied successfully: ")));
    QVERIFY2(applied == FileCount, QByteArray(a.describe() + '\n' + b.describe()).constData());

    QStringList expected;
    for (int i = 1; i <= FileCount; ++i)
        expected.append(QString::number(i));
    QCOMPARE(trackedVersions(db), expected); // one row per version, in order
    QCOMPARE(rowCount(db, QStringLiteral("jetbase_migrations")), FileCount);
    QCOMPARE(db.query(QStringLiteral("SELECT COUNT(DISTINCT version) FROM jetbase_migrations"))
                 .value(0)
                 .toInt(),
             FileCount);
    // Each file's statements ran once.
    QCOMPARE(rowCount(db, QStringLiteral("runs")), FileCount);
    QCOMPARE(db.query(QStringLiteral("SELECT COUNT(DISTINCT version) FROM runs")).value(0).toInt(),
             FileCount);
    int tables = 0;
    for (const QString &table : tableNames(db)) {
        if (table.size() > 1 && table.startsWith(u't') && table.mid(1).toInt() > 0)
            ++tables;
    }
    QCOMPARE(tables, FileCount);
    if (dialect == SqlDialect::Sqlite) {
        for (int i = 1; i <= FileCount; ++i)
            QCOMPARE(rowCount(db, QStringLiteral("t%1").arg(i)), SqliteInserts);
    }
    // The lock is free again, and a third run finds nothing to do.
    QVERIFY(!isTrue(db.query(QStringLiteral("SELECT is_locked FROM jetbase_lock")).value(0)));
    const CliResult third = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(third, 0);
    CLI_EXPECT_CONTAINS(third, third.stderrText(), QStringLiteral("Migrations are up to date."));
}

void TestCliConcurrency::heldLockFailsAtOnce()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliRunner cli(Binary::Cli, project.root());
    const CliResult lock = cli.run({QStringLiteral("lock")});
    CLI_EXPECT_EXIT(lock, 0);
    const QStringList before = snapshotOf(db);

    const CliResult r = cli.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Migration lock is already held by another process"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("unlock"));
    QVERIFY2(r.elapsedMs < 5000, qPrintable(QString::number(r.elapsedMs)));
    QCOMPARE(snapshotOf(db), before);
    QVERIFY(!db.tableExists(QStringLiteral("a")));

    // rollback and the repairs are refused the same way; the audits still answer.
    for (const QString &command : {QStringLiteral("rollback"), QStringLiteral("fix"),
                                   QStringLiteral("fix-files"), QStringLiteral("fix-checksums")}) {
        const CliResult refused = CliRunner(Binary::Gui, project.root()).run({command});
        CLI_EXPECT_EXIT(refused, 1);
        CLI_EXPECT_CONTAINS(refused, refused.stderrText(), QStringLiteral("already held"));
    }
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("validate-checksums")}), 0);
    QCOMPARE(snapshotOf(db), before);
}

void TestCliConcurrency::lockTimeoutWaitsForUnlock()
{
    CLI_REQUIRE_DIALECT(db);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliRunner cli(Binary::Cli, project.root());
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("lock")}), 0);

    const QStringList args{QStringLiteral("upgrade"), QStringLiteral("--lock-timeout"),
                           QStringLiteral("5")};
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QProcess> waiting = cli.start(args);
    QVERIFY(waiting->waitForStarted(10000));
    QThread::msleep(1000);
    QCOMPARE(waiting->state(), QProcess::Running); // still waiting for the lock
    const CliResult unlock = CliRunner(Binary::Gui, project.root()).run({QStringLiteral("unlock")});
    CLI_EXPECT_EXIT(unlock, 0);
    QCOMPARE(unlock.stdoutText().trimmed(), QStringLiteral("Unlock successful."));

    const CliResult r = CliRunner::finish(*waiting, args, 30000, &timer);
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        QStringLiteral("Migration applied successfully: V1__a.sql"));
    QVERIFY2(r.elapsedMs >= 900 && r.elapsedMs < 6000, qPrintable(QString::number(r.elapsedMs)));
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});
    const CliResult status = cli.run({QStringLiteral("lock-status")});
    QCOMPARE(status.stdoutText().trimmed().split(u'\n').value(0),
             QStringLiteral("Status: UNLOCKED"));
}

void TestCliConcurrency::lockTimeoutExpires()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliRunner cli(Binary::Cli, project.root());
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("lock")}), 0);
    const QStringList before = snapshotOf(db);
    const CliResult r =
        cli.run({QStringLiteral("--lock-timeout"), QStringLiteral("1"), QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("waited 1 s"));
    QVERIFY2(r.elapsedMs >= 900 && r.elapsedMs < 5000, qPrintable(QString::number(r.elapsedMs)));
    QCOMPARE(snapshotOf(db), before);
}

QTEST_GUILESS_MAIN(TestCliConcurrency)
#include "tst_cliconcurrency.moc"
