// status through the checksum cache, with the real binary on SQLite: the second status of an
// unchanged project answers from the cache (in the user's cache folder, outside the project),
// and an applied file edited since (same size, modification time put back) is still reported
// as changed; TIDEMARK_CHECKSUM_CACHE=off reads every file and writes no cache.
#include "clidatabase.h"
#include "clirunner.h"

#include <QJsonArray>
#include <QtTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace tidemark;
using namespace tidemark::test;

namespace {

QStringList problemKinds(const CliResult &r)
{
    QStringList kinds;
    for (const QJsonValue &p : r.json().value(QStringLiteral("problems")).toArray())
        kinds.append(p[QStringLiteral("kind")].toString() + u' ' +
                     p[QStringLiteral("filename")].toString());
    return kinds;
}

QStringList cacheFiles(const QString &cacheHome)
{
    return QDir(cacheHome + QStringLiteral("/tidemark/checksums")).entryList(QDir::Files);
}

} // namespace

class TestCliStatusCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void editedFileIsSeenThroughTheCache();
    void cacheCanBeTurnedOff();
};

void TestCliStatusCache::editedFileIsSeenThroughTheCache()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    const QString path = project.write(QStringLiteral("V1__books.sql"),
                                       "CREATE TABLE books (id INTEGER PRIMARY KEY);\n");
    project.write(QStringLiteral("V2__notes.sql"), "CREATE TABLE notes (id INTEGER);\n");
    QTemporaryDir cacheHome;
    CliRunner cli(Binary::Cli, project.root());
    cli.environment().insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.path());
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade")}), 0);
    QTest::qSleep(2100); // files written within the last two seconds are not remembered

    const QStringList status{QStringLiteral("--json"), QStringLiteral("status")};
    CliResult r = cli.run(status);
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(problemKinds(r), QStringList());
    QCOMPARE(cacheFiles(cacheHome.path()).size(), 1);
    QVERIFY(!QDir(project.root()).entryList(QDir::AllEntries | QDir::Hidden).contains(".cache"));
    r = cli.run(status);
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(problemKinds(r), QStringList());

    struct stat before;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);
    project.write(QStringLiteral("V1__books.sql"),
                  "CREATE TABLE bokes (id INTEGER PRIMARY KEY);\n");
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);
    r = cli.run(status);
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(problemKinds(r), QStringList{QStringLiteral("checksum_changed V1__books.sql")});
    const CliResult validate = cli.run({QStringLiteral("validate")});
    QVERIFY2(validate.exitCode != 0, qPrintable(validate.stdoutText()));
}

void TestCliStatusCache::cacheCanBeTurnedOff()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__books.sql"), "CREATE TABLE books (id INTEGER);\n");
    QTemporaryDir cacheHome;
    CliRunner cli(Binary::Gui, project.root());
    cli.environment().insert(QStringLiteral("XDG_CACHE_HOME"), cacheHome.path());
    cli.environment().insert(QStringLiteral("TIDEMARK_CHECKSUM_CACHE"), QStringLiteral("off"));
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("upgrade")}), 0);
    QTest::qSleep(2100);
    CLI_EXPECT_EXIT(cli.run({QStringLiteral("status")}), 0);
    QCOMPARE(cacheFiles(cacheHome.path()), QStringList());
}

QTEST_GUILESS_MAIN(TestCliStatusCache)
#include "tst_clistatuscache.moc"
