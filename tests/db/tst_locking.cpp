// The migration lock: the jetbase_lock row held by another connection (Tidemark, `lock`, or
// Jetbase itself) stops an upgrade with a message naming the holder; a lock timeout waits for
// a holder on another thread; lock-status and unlock; the PostgreSQL and MariaDB session locks.

#include "dbtest.h"

#include "history/trackingstore.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSemaphore>
#include <QThread>

#include <atomic>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

const RunIdentity Alice{u"alice"_s, u"build-7"_s, 4242, u"tidemark test"_s};

void writeFiles(const TempProject &project)
{
    project.write(u"V1__one.sql"_s, "CREATE TABLE one1 (id INT);\n-- rollback\nDROP TABLE one1;\n");
}

Error upgradeError(MigrationService &service)
{
    Result<RunOutcome> outcome = service.upgrade({}, false);
    if (!outcome.ok())
        return outcome.error();
    return outcome->run.error;
}

} // namespace

class TestLocking : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void heldByAnotherConnection_data() { addDialectRows(); }
    void heldByAnotherConnection()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        auto other = connectTo(db.url());
        TM_VERIFY_OK(TrackingStore(*other).ensureTables());
        MigrationLock holder(*other, Alice, u"upgrade"_s);
        // A live Tidemark run holds the session lock first (a row alone would be stale).
        TM_VERIFY_OK(holder.acquireSession(0));
        TM_VERIFY_OK(holder.acquireRow(0));
        QVERIFY(!holder.processId().isEmpty());
        QCOMPARE(db.query(u"SELECT process_id FROM jetbase_lock WHERE id = 1"_s),
                 QStringList({holder.processId()}));
        QVERIFY(isTrue(db.query(u"SELECT is_locked FROM jetbase_lock"_s).value(0)));

        const Error error = upgradeError(*service);
        QCOMPARE(error.code, Error::Code::Lock);
        QVERIFY2(error.message.contains(u"alice@build-7"_s), qPrintable(error.message));
        QVERIFY(error.message.contains(u"4242"_s));
        QVERIFY(error.message.contains(holder.processId()));
        QVERIFY(error.hint.contains(u"unlock"_s));
        QVERIFY(appliedVersions(db).isEmpty());
        QVERIFY(!db.tableExists(u"one1"_s));

        Result<LockState> state = service->lockState();
        TM_VERIFY_OK(state);
        QVERIFY(state->locked);
        QCOMPARE(state->processId, holder.processId());
        QCOMPARE(state->holderUser, u"alice"_s);
        QCOMPARE(state->holderHost, u"build-7"_s);
        QCOMPARE(state->holderPid, qint64(4242));
        QCOMPARE(state->holderCommand, u"upgrade"_s);
        QVERIFY(!state->lockedAt.isEmpty());

        TM_VERIFY_OK(holder.release());
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
        QVERIFY(!service->lockState()->locked);
    }

    // `lock` keeps the row after the call; `unlock` resets it unconditionally.
    void lockAndUnlock_data() { addDialectRows(); }
    void lockAndUnlock()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        Result<QString> id = service->lock();
        TM_VERIFY_OK(id);
        QVERIFY(!id->isEmpty());
        Result<LockState> state = service->lockState();
        TM_VERIFY_OK(state);
        QVERIFY(state->locked);
        QCOMPARE(state->processId, id.value());
        QCOMPARE(state->holderCommand, u"lock"_s);
        QVERIFY(!state->holderUser.isEmpty());
        QVERIFY(!state->holderHost.isEmpty());

        // A second `lock` and an upgrade (of another service object) are refused.
        TM_SERVICE(second, project);
        QCOMPARE(second->lock().error().code, Error::Code::Lock);
        const Error error = upgradeError(*second);
        QCOMPARE(error.code, Error::Code::Lock);
        QVERIFY2(error.message.contains(id.value()), qPrintable(error.message));
        QVERIFY(error.message.contains(u", lock)"_s));
        QVERIFY(appliedVersions(db).isEmpty());

        TM_VERIFY_OK(second->unlock());
        state = service->lockState();
        TM_VERIFY_OK(state);
        QVERIFY(!state->locked);
        QVERIFY(state->processId.isEmpty());
        QVERIFY(state->holderUser.isEmpty());
        const QList<QStringList> row =
            queryRows(db, u"SELECT id, is_locked, locked_at, process_id FROM jetbase_lock"_s);
        QCOMPARE(row.size(), 1);
        QCOMPARE(row.first().at(0), u"1"_s);
        QVERIFY(!isTrue(row.first().at(1)));
        QCOMPARE(row.first().at(2), u"<null>"_s);
        QCOMPARE(row.first().at(3), u"<null>"_s);

        TM_VERIFY_OK(service->upgrade({}, false));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
        // unlock on an unlocked database, and on one without tables, is fine.
        TM_VERIFY_OK(service->unlock());
    }

    // A lock taken the way Jetbase takes it (no holder record) is respected.
    void heldByJetbase_data() { addDialectRows(); }
    void heldByJetbase()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->unlock()); // no tables yet: nothing to do
        QVERIFY(tableNames(db).isEmpty());
        TM_VERIFY_OK(service->lock());
        TM_VERIFY_OK(service->unlock());
        const QString locked = db.dialect() == SqlDialect::Sqlite ? u"1"_s : u"TRUE"_s;
        const QString unlocked = db.dialect() == SqlDialect::Sqlite ? u"0"_s : u"FALSE"_s;
        QVERIFY(db.exec(u"UPDATE jetbase_lock SET is_locked = %1, locked_at = CURRENT_TIMESTAMP, "
                        "process_id = '0b7f2a52-jetbase' WHERE id = 1 AND is_locked = %2"_s.arg(
                            locked, unlocked)));

        const Error error = upgradeError(*service);
        QCOMPARE(error.code, Error::Code::Lock);
        QVERIFY2(error.message.contains(u"0b7f2a52-jetbase"_s), qPrintable(error.message));
        Result<LockState> state = service->lockState();
        TM_VERIFY_OK(state);
        QVERIFY(state->locked);
        QVERIFY(state->holderUser.isEmpty());
        TM_VERIFY_OK(service->unlock());
        TM_VERIFY_OK(service->upgrade({}, false));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
    }

    // Another thread holds the row for 1.5 s on its own connection; an upgrade with a lock
    // timeout waits for it, one without fails at once.
    void lockTimeoutWaits_data() { addDialectRows(); }
    void lockTimeoutWaits()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->unlock());

        const QString url = db.url();
        QSemaphore taken, proceed;
        std::atomic_bool holding = false;
        QElapsedTimer held;
        // The holder keeps the lock until told to go on and then for 1.5 s more, so the
        // immediate attempt below meets a held lock however slow the machine is.
        std::unique_ptr<QThread> thread(QThread::create([&] {
            auto connection = connectTo(url); // made and destroyed on this thread
            MigrationLock lock(*connection, Alice, u"holder"_s);
            holding = lock.acquireSession(0).ok() &&
                      TrackingStore(*connection).ensureTables().ok() && lock.acquireRow(0).ok();
            taken.release();
            if (holding) {
                proceed.acquire();
                QThread::msleep(1500);
                lock.release();
            }
        }));
        thread->start();
        taken.acquire();
        if (!holding) {
            thread->wait();
            QFAIL("the holder thread could not take the lock");
        }

        service->setLockTimeout(0);
        QElapsedTimer immediateTimer;
        immediateTimer.start();
        const Error immediate = upgradeError(*service);
        const qint64 failedAfter = immediateTimer.elapsed();
        held.start();
        proceed.release();
        service->setLockTimeout(10);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        const qint64 doneAfter = held.elapsed();
        thread->wait();

        QCOMPARE(immediate.code, Error::Code::Lock);
        // Without a timeout it fails at once rather than waiting.
        QVERIFY2(failedAfter < 5000, qPrintable(QString::number(failedAfter)));
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QVERIFY2(doneAfter >= 1400, qPrintable(QString::number(doneAfter)));
        QVERIFY2(doneAfter < 8000, qPrintable(QString::number(doneAfter)));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
        QVERIFY(!service->lockState()->locked);
    }

    // Two upgrades at once from two threads on a fresh database: they never interleave, the
    // second one waits and then sees what the first applied, so every file runs once.
    void concurrentUpgrades_data() { addDialectRows(); }
    void concurrentUpgrades()
    {
        TM_SCRATCH(db, project);
        QByteArray slow;
        switch (db.dialect()) {
        case SqlDialect::Postgres:
            slow = "SELECT pg_sleep(0.4);\n";
            break;
        case SqlDialect::MySql:
            slow = "SELECT SLEEP(0.4);\n";
            break;
        default:
            slow = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE "
                   "x < 300000) SELECT COUNT(*) FROM c;\n";
        }
        project.write(u"V1__one.sql"_s, "CREATE TABLE one1 (id INT);\n" + slow);
        project.write(u"V2__two.sql"_s, "INSERT INTO one1 (id) VALUES (2);\n" + slow);
        TM_SERVICE(first, project);
        TM_SERVICE(second, project);
        first->setLockTimeout(20);
        second->setLockTimeout(20);

        QSemaphore start;
        auto upgrade = [&start](MigrationService *service, Result<RunOutcome> *result) {
            return QThread::create([=, &start] {
                start.acquire();
                *result = service->upgrade({}, false);
            });
        };
        Result<RunOutcome> a = Error::make(Error::Code::Cancelled, u"did not run"_s);
        Result<RunOutcome> b = a;
        std::unique_ptr<QThread> ta(upgrade(first.get(), &a));
        std::unique_ptr<QThread> tb(upgrade(second.get(), &b));
        ta->start();
        tb->start();
        start.release(2);
        ta->wait();
        tb->wait();

        TM_VERIFY_OK(a);
        TM_VERIFY_OK(b);
        TM_VERIFY_OK(a->run);
        TM_VERIFY_OK(b->run);
        QStringList done = a->run.completedFiles + b->run.completedFiles;
        done.sort();
        QCOMPARE(done, QStringList({u"V1__one.sql"_s, u"V2__two.sql"_s}));
        QVERIFY(a->plan.isEmpty() || b->plan.isEmpty());
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s}));
        QCOMPARE(countRows(db, u"one1"_s), 1);
        QCOMPARE(countRows(db, u"tidemark_journal"_s), 2);
        QVERIFY(!first->lockState()->locked);
    }

    // The session lock (pg_advisory_lock / GET_LOCK) taken by another connection with the
    // dialect's own SQL stops an upgrade before it creates anything.
    // PostgreSQL's advisory locks belong to a database: a Tidemark run on another database of
    // the server (same schema name) neither blocks this one nor shows as its holder.
    void sessionLockOfAnotherDatabase()
    {
        ScratchDatabase db(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(db);
        ScratchDatabase elsewhere(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(elsewhere);
        TempProject project(db.url());
        writeFiles(project);
        TM_SERVICE(service, project);
        auto other = connectTo(elsewhere.url());
        Result<QVariant> taken = other->scalar(other->dialect().trySessionLockSql());
        TM_VERIFY_OK(taken);
        QVERIFY(taken->toBool());
        Result<LockState> state = service->lockState();
        TM_VERIFY_OK(state);
        QVERIFY2(state->sessionHolder.isEmpty(), qPrintable(state->sessionHolder));
        service->setLockTimeout(0);
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
    }

    void sessionLock_data() { addDialectRows(false, true, true); }
    void sessionLock()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        auto other = connectTo(db.url());
        const Dialect &sql = other->dialect();
        QVERIFY(!sql.trySessionLockSql().isEmpty());
        Result<QVariant> taken = other->scalar(sql.trySessionLockSql());
        TM_VERIFY_OK(taken);
        QVERIFY(taken->toBool() || taken->toInt() == 1);
        const QString pid =
            other
                ->scalar(db.dialect() == SqlDialect::Postgres ? u"SELECT pg_backend_pid()"_s
                                                              : u"SELECT CONNECTION_ID()"_s)
                .value()
                .toString();

        const Error error = upgradeError(*service);
        QCOMPARE(error.code, Error::Code::Lock);
        QVERIFY2(error.message.contains(u"session"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(pid + u" tidemark@"_s), qPrintable(error.message));
        // unlock cannot end another session: the advice names what can.
        QVERIFY2(error.hint.contains(db.dialect() == SqlDialect::Postgres
                                         ? u"SELECT pg_terminate_backend(%1);"_s.arg(pid)
                                         : u"KILL %1;"_s.arg(pid)),
                 qPrintable(error.hint));
        QVERIFY(tableNames(db).isEmpty());

        Result<LockState> state = service->lockState();
        TM_VERIFY_OK(state);
        QVERIFY(!state->locked);
        QVERIFY2(state->sessionHolder.startsWith(pid + u' '), qPrintable(state->sessionHolder));

        // Also on a database whose tables exist, and with a short wait.
        TM_VERIFY_OK(other->exec(sql.releaseSessionLockSql()));
        TM_VERIFY_OK(service->upgrade({}, true)); // dry run: no lock needed
        TM_VERIFY_OK(service->lock());
        TM_VERIFY_OK(service->unlock());
        TM_VERIFY_OK(other->scalar(sql.trySessionLockSql()));
        service->setLockTimeout(1);
        const Error waited = upgradeError(*service);
        QCOMPARE(waited.code, Error::Code::Lock);
        QVERIFY(waited.message.contains(u"waited 1 s"_s));
        QVERIFY(appliedVersions(db).isEmpty());

        TM_VERIFY_OK(other->exec(sql.releaseSessionLockSql()));
        QVERIFY(service->lockState()->sessionHolder.isEmpty());
        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
    }

    // A lock row whose holder is provably gone (a Tidemark run of this host whose process no
    // longer exists) is released by the next run, which journals that; lock-status says so
    // and how long the lock was held.
    void staleLockOfADeadProcess_data() { addDialectRows(); }
    void staleLockOfADeadProcess()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        QProcess gone;
        gone.start(u"true"_s);
        QVERIFY(gone.waitForFinished(10000));
        const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
        auto other = connectTo(db.url());
        TM_VERIFY_OK(TrackingStore(*other).ensureTables());
        const Dialect &d = other->dialect();
        TM_VERIFY_OK(
            other->exec(u"UPDATE jetbase_lock SET is_locked = %1, locked_at = %2, "
                        "process_id = 'dead-run' WHERE id = 1"_s.arg(d.trueLiteral(), d.nowSql())));
        TM_VERIFY_OK(other->exec(u"INSERT INTO tidemark_lock_holder (process_id, os_user, host, "
                                 "pid, command, tool_version) VALUES ('dead-run', 'bob', ?, ?, "
                                 "'upgrade', 'tidemark test')"_s,
                                 {RunIdentity::current().host, deadPid}));
        QThread::sleep(2);
        Result<LockState> state = service->lockState();
        TM_VERIFY_OK(state);
        QVERIFY(state->locked);
        QVERIFY(state->holderGone);
        QVERIFY2(state->heldSeconds >= 2 && state->heldSeconds < 60,
                 qPrintable(QString::number(state->heldSeconds)));

        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
        const QList<QStringList> journal = queryRows(
            db, u"SELECT outcome, error_text FROM tidemark_journal WHERE operation = 'unlock'"_s);
        QCOMPARE(journal.size(), 1);
        QCOMPARE(journal.first().at(0), u"released"_s);
        QVERIFY2(journal.first().at(1).contains(u"dead-run"_s) &&
                     journal.first().at(1).contains(u"no longer exists"_s),
                 qPrintable(journal.first().at(1)));
        QVERIFY(!service->lockState()->locked);
    }

    // The holder is alive on this host: refused, naming the holder and what releases it.
    void liveHolderOnThisHost()
    {
        ScratchDatabase db(SqlDialect::Sqlite);
        TempProject project(db.url());
        writeFiles(project);
        TM_SERVICE(service, project);
        auto other = connectTo(db.url());
        RunIdentity me = RunIdentity::current();
        me.osUser = u"carol"_s;
        MigrationLock holder(*other, me, u"upgrade"_s);
        TM_VERIFY_OK(TrackingStore(*other).ensureTables());
        TM_VERIFY_OK(holder.acquireRow(0));
        const Error error = upgradeError(*service);
        QCOMPARE(error.code, Error::Code::Lock);
        QVERIFY2(error.message.contains(u"carol@"_s), qPrintable(error.message));
        QVERIFY2(error.hint.contains(u"still going on this host (pid %1 is alive)"_s.arg(me.pid)),
                 qPrintable(error.hint));
        QVERIFY(!service->lockState()->holderGone);
        QVERIFY(appliedVersions(db).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLocking)
#include "tst_locking.moc"
