// Runs-always (RA) and runs-on-change (ROC) files: RA runs on every upgrade and keeps its row
// (order_executed stays, applied_at moves); ROC runs when it never ran or its checksum changed;
// neither is ever rolled back.

#include "dbtest.h"

#include <QThread>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

const QString RaFile = u"RA__log_run.sql"_s;
const QString RocFile = u"ROC__seed_settings.sql"_s;

QByteArray rocContent(const QString &value)
{
    return u"INSERT INTO roc_log (note) VALUES ('%1');\n"_s.arg(value).toUtf8();
}

QString rocChecksum(const QString &value)
{
    return checksumOf({u"INSERT INTO roc_log (note) VALUES ('%1')"_s.arg(value)});
}

struct RepeatableRow
{
    QString version;
    QString type;
    QString orderExecuted;
    QString appliedAt;
    QString checksum;
    QString description;
};

RepeatableRow rowOf(const ScratchDatabase &db, const QString &fileName)
{
    const QList<QStringList> rows = queryRows(
        db, u"SELECT version, migration_type, order_executed, %1, checksum, description FROM "
            "jetbase_migrations WHERE filename = '%2'"_s.arg(
                timestampText(db.dialect(), u"applied_at"_s), fileName));
    if (rows.size() != 1)
        return {};
    const QStringList &r = rows.first();
    return {r.at(0), r.at(1), r.at(2), r.at(3), r.at(4), r.at(5)};
}

} // namespace

class TestRepeatables : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void runsAlwaysAndOnChange_data() { addDialectRows(); }
    void runsAlwaysAndOnChange()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__logs.sql"_s, "CREATE TABLE ra_log (note VARCHAR(20));\n"
                                         "CREATE TABLE roc_log (note VARCHAR(20));\n"
                                         "-- rollback\n"
                                         "DROP TABLE roc_log;\nDROP TABLE ra_log;\n");
        project.write(RaFile, "INSERT INTO ra_log (note) VALUES ('ran');\n");
        project.write(u"sub/" + RocFile, rocContent(u"one"_s));
        TM_SERVICE(service, project);

        // First run: the V file, then RA, then ROC.
        Result<RunOutcome> first = service->upgrade({}, false);
        TM_VERIFY_OK(first);
        TM_VERIFY_OK(first->run);
        QCOMPARE(first->run.completedFiles, QStringList({u"V1__logs.sql"_s, RaFile, RocFile}));
        QCOMPARE(countRows(db, u"ra_log"_s), 1);
        QCOMPARE(countRows(db, u"roc_log"_s), 1);
        const RepeatableRow ra1 = rowOf(db, RaFile);
        const RepeatableRow roc1 = rowOf(db, RocFile);
        QCOMPARE(ra1.version, u"<null>"_s);
        QCOMPARE(ra1.type, u"RUNS_ALWAYS"_s);
        QCOMPARE(ra1.description, u"log run"_s);
        QCOMPARE(ra1.checksum, checksumOf({u"INSERT INTO ra_log (note) VALUES ('ran')"_s}));
        QCOMPARE(roc1.version, u"<null>"_s);
        QCOMPARE(roc1.type, u"RUNS_ON_CHANGE"_s);
        QCOMPARE(roc1.checksum, rocChecksum(u"one"_s));
        QCOMPARE(countRows(db, u"jetbase_migrations"_s), 3);

        // Second run: only RA; its row moves in time and keeps its order.
        QThread::msleep(30);
        Result<RunOutcome> second = service->upgrade({}, false);
        TM_VERIFY_OK(second);
        TM_VERIFY_OK(second->run);
        QCOMPARE(fileNamesOf(second->plan), QStringList({RaFile}));
        QCOMPARE(countRows(db, u"ra_log"_s), 2);
        QCOMPARE(countRows(db, u"roc_log"_s), 1);
        const RepeatableRow ra2 = rowOf(db, RaFile);
        QCOMPARE(ra2.orderExecuted, ra1.orderExecuted);
        QVERIFY2(ra2.appliedAt > ra1.appliedAt, qPrintable(ra1.appliedAt + u" / " + ra2.appliedAt));
        QCOMPARE(rowOf(db, RocFile).appliedAt, roc1.appliedAt);
        QCOMPARE(countRows(db, u"jetbase_migrations"_s), 3);
        QCOMPARE(countRows(db, u"tidemark_journal WHERE filename = '%1'"_s.arg(RaFile)), 2);

        // The ROC file changes: it runs again and its row takes the new checksum in place.
        project.write(u"sub/" + RocFile, rocContent(u"two"_s));
        QThread::msleep(30);
        Result<RunOutcome> third = service->upgrade({}, false);
        TM_VERIFY_OK(third);
        TM_VERIFY_OK(third->run);
        QCOMPARE(third->run.completedFiles, QStringList({RaFile, RocFile}));
        QCOMPARE(db.query(u"SELECT note FROM roc_log ORDER BY note"_s),
                 QStringList({u"one"_s, u"two"_s}));
        const RepeatableRow roc3 = rowOf(db, RocFile);
        QCOMPARE(roc3.checksum, rocChecksum(u"two"_s));
        QCOMPARE(roc3.orderExecuted, roc1.orderExecuted);
        QVERIFY(roc3.appliedAt > roc1.appliedAt);
        QCOMPARE(countRows(db, u"jetbase_migrations"_s), 3);

        // Unchanged again: only RA.
        Result<RunOutcome> fourth = service->upgrade({}, false);
        TM_VERIFY_OK(fourth);
        QCOMPARE(fileNamesOf(fourth->plan), QStringList({RaFile}));

        // --count and --to-version limit V files only.
        project.write(u"V2__more.sql"_s, "CREATE TABLE more_rows (id INT);\n-- rollback\n"
                                         "DROP TABLE more_rows;\n");
        project.write(u"V3__later.sql"_s, "CREATE TABLE later_rows (id INT);\n-- rollback\n"
                                          "DROP TABLE later_rows;\n");
        UpgradeOptions one;
        one.count = 1;
        Result<RunOutcome> fifth = service->upgrade(one, false);
        TM_VERIFY_OK(fifth);
        QCOMPARE(fifth->run.completedFiles, QStringList({u"V2__more.sql"_s, RaFile}));
        QCOMPARE(countRows(db, u"ra_log"_s), 5);
    }

    void repeatablesAreNeverRolledBack_data() { addDialectRows(); }
    void repeatablesAreNeverRolledBack()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__logs.sql"_s, "CREATE TABLE ra_log (note VARCHAR(20));\n"
                                         "-- rollback\nDROP TABLE ra_log;\n");
        project.write(u"V2__more.sql"_s, "CREATE TABLE more_rows (id INT);\n"
                                         "-- rollback\nDROP TABLE more_rows;\n");
        // Rollback sections in repeatables must never run: this one would fail.
        project.write(RaFile, "INSERT INTO ra_log (note) VALUES ('ran');\n"
                              "-- rollback\nDROP TABLE no_such_table;\n");
        project.write(u"ROC__view.sql"_s, "INSERT INTO ra_log (note) VALUES ('roc');\n"
                                          "-- rollback\nDROP TABLE no_such_table;\n");
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));
        QCOMPARE(countRows(db, u"jetbase_migrations"_s), 4);

        RollbackOptions one;
        Result<RunOutcome> dry = service->rollback(one, true);
        TM_VERIFY_OK(dry);
        QCOMPARE(fileNamesOf(dry->plan), QStringList({u"V2__more.sql"_s}));

        RollbackOptions all;
        all.all = true;
        Result<RunOutcome> outcome = service->rollback(all, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(outcome->run.completedFiles, QStringList({u"V2__more.sql"_s, u"V1__logs.sql"_s}));
        QCOMPARE(db.query(u"SELECT filename FROM jetbase_migrations ORDER BY filename"_s),
                 QStringList({RaFile, u"ROC__view.sql"_s}));
        QCOMPARE(countRows(db, u"tidemark_journal WHERE operation = 'rollback'"_s), 2);

        // Nothing versioned is left: another rollback has nothing to do.
        Result<RunOutcome> nothing = service->rollback(all, false);
        TM_VERIFY_OK(nothing);
        QVERIFY(nothing->plan.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRepeatables)
#include "tst_repeatables.moc"
