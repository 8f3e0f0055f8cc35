// MigrationService::overview, what the window loads on opening a project: the same status
// report as status(), the scanned files, the journal (newest first, limited) and the lock
// state, read over one connection; on a fresh database it creates nothing. The window reads it
// through the checksum cache and keeps the connection.

#include "dbtest.h"

#include <QScopeGuard>
#include <QTemporaryDir>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

void writeFiles(const TempProject &project)
{
    project.write(u"V1__one.sql"_s,
                  "CREATE TABLE ov_one (id INT);\n-- rollback\nDROP TABLE ov_one;\n");
    project.write(u"V2__two.sql"_s,
                  "CREATE TABLE ov_two (id INT);\n-- rollback\nDROP TABLE ov_two;\n");
    project.write(u"V3__three.sql"_s,
                  "CREATE TABLE ov_three (id INT);\n-- rollback\nDROP TABLE ov_three;\n");
}

QStringList describe(const QList<StatusEntry> &entries)
{
    QStringList lines;
    for (const StatusEntry &e : entries)
        lines.append(
            u"%1 %2 %3 %4"_s.arg(e.fileName).arg(int(e.state)).arg(e.appliedAt, e.fileChecksum));
    return lines;
}

} // namespace

class TestOverview : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void freshDatabase_data() { addDialectRows(); }
    void freshDatabase()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        Result<ProjectOverview> overview = service->overview(100);
        TM_VERIFY_OK(overview);
        QCOMPARE(overview->status.entries.size(), 3);
        QCOMPARE(overview->status.pending.size(), 3);
        QVERIFY(overview->files);
        QCOMPARE(overview->files->versioned().size(), 3);
        QVERIFY(overview->journal.isEmpty());
        QVERIFY2(overview->journalError.isEmpty(), qPrintable(overview->journalError));
        QVERIFY(!overview->lock.locked);
        QVERIFY2(overview->lockError.isEmpty(), qPrintable(overview->lockError));
        QCOMPARE(tableNames(db), QStringList());
    }

    void migratedAndLocked_data() { addDialectRows(); }
    void migratedAndLocked()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        UpgradeOptions two;
        two.count = 2;
        Result<RunOutcome> upgraded = service->upgrade(two, false);
        TM_VERIFY_OK(upgraded);
        TM_VERIFY_OK(upgraded->run);

        Result<ProjectOverview> overview = service->overview(100);
        TM_VERIFY_OK(overview);
        Result<StatusReport> status = service->status();
        TM_VERIFY_OK(status);
        QCOMPARE(describe(overview->status.entries), describe(status->entries));
        QCOMPARE(describe(overview->status.pending), describe(status->pending));
        QCOMPARE(overview->status.latestVersion, u"2"_s);
        QCOMPARE(overview->status.displayUrl, status->displayUrl);
        QCOMPARE(overview->files->versioned().size(), 3);
        QCOMPARE(overview->files->versioned().at(2).fileName, u"V3__three.sql"_s);

        QCOMPARE(overview->journal.size(), 2);
        QCOMPARE(overview->journal.at(0).fileName, u"V2__two.sql"_s); // newest first
        QCOMPARE(overview->journal.at(1).fileName, u"V1__one.sql"_s);
        QCOMPARE(overview->journal.at(0).outcome, u"success"_s);
        Result<ProjectOverview> limited = service->overview(1);
        TM_VERIFY_OK(limited);
        QCOMPARE(limited->journal.size(), 1);
        QCOMPARE(limited->journal.at(0).fileName, u"V2__two.sql"_s);

        QVERIFY(!overview->lock.locked);
        Result<QString> held = service->lock();
        TM_VERIFY_OK(held);
        Result<ProjectOverview> locked = service->overview(100);
        TM_VERIFY_OK(locked);
        QVERIFY(locked->lock.locked);
        QCOMPARE(locked->lock.processId, held.value());
        TM_VERIFY_OK(service->unlock());
    }

    // The window's way: files from the checksum cache (no SQL for unchanged files), the same
    // report as status(), and the connection kept open for the window's further reading; the
    // default keeps none.
    void summariesWithKeptConnection_data() { addDialectRows(); }
    void summariesWithKeptConnection()
    {
        QTemporaryDir cacheHome;
        const QByteArray oldCacheHome = qgetenv("XDG_CACHE_HOME");
        qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
        const auto restore = qScopeGuard([&] { qputenv("XDG_CACHE_HOME", oldCacheHome); });
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        UpgradeOptions one;
        one.count = 1;
        Result<RunOutcome> upgraded = service->upgrade(one, false);
        TM_VERIFY_OK(upgraded);
        TM_VERIFY_OK(upgraded->run);
        QTest::qWait(2100); // files written within two seconds are not remembered
        Result<StatusReport> status = service->status(); // fills the cache
        TM_VERIFY_OK(status);

        Result<ProjectOverview> overview =
            service->overview(100, MigrationService::Scan::Summaries, true);
        TM_VERIFY_OK(overview);
        QCOMPARE(describe(overview->status.entries), describe(status->entries));
        QCOMPARE(describe(overview->status.pending), describe(status->pending));
        QCOMPARE(overview->files->versioned().size(), 3);
        for (const Migration &m : overview->files->versioned())
            QVERIFY2(!m.text.sqlRead && m.text.upgradeSql.isEmpty(), qPrintable(m.fileName));
        QVERIFY(overview->connection);
        Result<QVariant> applied =
            overview->connection->scalar(u"SELECT COUNT(*) FROM jetbase_migrations"_s);
        TM_VERIFY_OK(applied);
        QCOMPARE(applied->toInt(), 1);

        Result<ProjectOverview> whole = service->overview(100);
        TM_VERIFY_OK(whole);
        QVERIFY(!whole->connection);
        QVERIFY(whole->files->versioned().at(0).text.sqlRead);
        QCOMPARE(describe(whole->status.entries), describe(status->entries));
    }
};

QTEST_GUILESS_MAIN(TestOverview)
#include "tst_overview.moc"
