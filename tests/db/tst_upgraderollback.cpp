// upgrade (all, by count, to a version) and rollback (default, by count, to a version, last
// batch, all) through MigrationService on real databases, with the tracking rows and the
// journal read back from the database.

#include "dbtest.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

struct FileSpec
{
    QString fileName;
    QString table;
    QString version;     // key as stored
    QString description; // as stored
};

// Listed in version order; V10 sorts after V2 (numeric comparison).
const QList<FileSpec> Files = {
    {u"V1__create_alpha.sql"_s, u"alpha"_s, u"1"_s, u"create alpha"_s},
    {u"V1_1__create_beta_table.sql"_s, u"beta"_s, u"1.1"_s, u"create beta table"_s},
    {u"V2__create_gamma.sql"_s, u"gamma"_s, u"2"_s, u"create gamma"_s},
    {u"V10__create_delta.sql"_s, u"delta"_s, u"10"_s, u"create delta"_s},
};

QStringList upgradeStatements(const QString &table)
{
    return {u"CREATE TABLE %1 (id INT)"_s.arg(table),
            u"INSERT INTO %1 (id) VALUES (1)"_s.arg(table)};
}

QByteArray fileContent(const QString &table)
{
    return u"-- upgrade\nCREATE TABLE %1 (id INT);\nINSERT INTO %1 (id) VALUES (1);\n\n"
           "-- rollback\nDROP TABLE %1;\n"_s.arg(table)
               .toUtf8();
}

void writeFiles(const TempProject &project, qsizetype count = Files.size())
{
    for (qsizetype i = 0; i < count; ++i)
        project.write(Files.at(i).fileName, fileContent(Files.at(i).table));
}

// The jetbase_migrations rows expected for the first files of Files, in order.
QList<QStringList> expectedRows(const QList<int> &indexes)
{
    QList<QStringList> rows;
    for (int i : indexes) {
        const FileSpec &f = Files.at(i);
        rows.append({f.version, f.description, f.fileName, u"VERSIONED"_s,
                     checksumOf(upgradeStatements(f.table))});
    }
    return rows;
}

QList<QStringList> trackingRows(const ScratchDatabase &db)
{
    return queryRows(db, u"SELECT version, description, filename, migration_type, checksum "
                         "FROM jetbase_migrations ORDER BY order_executed"_s);
}

// operation, batch_id, outcome, filename, version, os_user, sql_text
QList<QStringList> journalRows(const ScratchDatabase &db)
{
    return queryRows(db, u"SELECT operation, batch_id, outcome, filename, version, os_user, "
                         "sql_text FROM tidemark_journal ORDER BY id"_s);
}

QStringList existingTables(const ScratchDatabase &db)
{
    QStringList found;
    for (const FileSpec &f : Files) {
        if (db.tableExists(f.table))
            found.append(f.table);
    }
    return found;
}

} // namespace

class TestUpgradeRollback : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void upgradeAll_data() { addDialectRows(); }
    void upgradeAll()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        Result<RunOutcome> outcome = service->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        const QStringList names = {Files[0].fileName, Files[1].fileName, Files[2].fileName,
                                   Files[3].fileName};
        QCOMPARE(fileNamesOf(outcome->plan), names);
        QCOMPARE(outcome->run.completedFiles, names);
        QCOMPARE(textsOf(outcome->plan.files.at(0).statements), upgradeStatements(u"alpha"_s));
        QCOMPARE(outcome->plan.files.at(0).statements.at(1).line, 3);

        QCOMPARE(existingTables(db), QStringList({u"alpha"_s, u"beta"_s, u"gamma"_s, u"delta"_s}));
        QCOMPARE(countRows(db, u"delta"_s), 1);
        QCOMPARE(trackingRows(db), expectedRows({0, 1, 2, 3}));

        const QList<QStringList> journal = journalRows(db);
        QCOMPARE(journal.size(), 4);
        for (int i = 0; i < 4; ++i) {
            const QStringList &row = journal.at(i);
            QCOMPARE(row.at(0), u"upgrade"_s);
            QCOMPARE(row.at(1), outcome->run.batchId);
            QCOMPARE(row.at(2), u"success"_s);
            QCOMPARE(row.at(3), Files.at(i).fileName);
            QCOMPARE(row.at(4), Files.at(i).version);
            QVERIFY(!row.at(5).isEmpty() && row.at(5) != u"<null>");
            QCOMPARE(row.at(6), upgradeStatements(Files.at(i).table).join(u";\n"_s) + u";\n"_s);
        }
        QCOMPARE(service->currentVersion().value(), u"10"_s);

        // A second run has nothing to do and changes nothing.
        Result<RunOutcome> again = service->upgrade({}, false);
        TM_VERIFY_OK(again);
        QVERIFY(again->plan.isEmpty());
        QCOMPARE(trackingRows(db), expectedRows({0, 1, 2, 3}));
        QCOMPARE(journalRows(db).size(), 4);
    }

    void upgradeByCount_data() { addDialectRows(); }
    void upgradeByCount()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        UpgradeOptions two;
        two.count = 2;
        Result<RunOutcome> first = service->upgrade(two, false);
        TM_VERIFY_OK(first);
        TM_VERIFY_OK(first->run);
        QCOMPARE(trackingRows(db), expectedRows({0, 1}));
        QCOMPARE(existingTables(db), QStringList({u"alpha"_s, u"beta"_s}));

        UpgradeOptions many;
        many.count = 5; // more than pending: the rest
        Result<RunOutcome> second = service->upgrade(many, false);
        TM_VERIFY_OK(second);
        TM_VERIFY_OK(second->run);
        QCOMPARE(second->run.completedFiles, QStringList({Files[2].fileName, Files[3].fileName}));
        QCOMPARE(trackingRows(db), expectedRows({0, 1, 2, 3}));
        QVERIFY(first->run.batchId != second->run.batchId);
    }

    void upgradeToVersion_data() { addDialectRows(); }
    void upgradeToVersion()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        UpgradeOptions options;
        options.toVersion = u"1_1"_s; // the raw spelling of key 1.1
        Result<RunOutcome> outcome = service->upgrade(options, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(trackingRows(db), expectedRows({0, 1}));

        options.toVersion = u"10"_s;
        outcome = service->upgrade(options, false);
        TM_VERIFY_OK(outcome);
        QCOMPARE(trackingRows(db), expectedRows({0, 1, 2, 3}));
    }

    void upgradeUsageErrors_data() { addDialectRows(); }
    void upgradeUsageErrors()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        UpgradeOptions zero;
        zero.count = 0;
        UpgradeOptions negative;
        negative.count = -1;
        UpgradeOptions both;
        both.count = 1;
        both.toVersion = u"2"_s;
        for (const UpgradeOptions &options : {zero, negative, both}) {
            Result<RunOutcome> outcome = service->upgrade(options, false);
            QVERIFY(!outcome.ok());
            QCOMPARE(outcome.error().code, Error::Code::Usage);
        }
        // Rejected before anything touched the database: not even the tracking tables.
        QCOMPARE(tableNames(db), QStringList());
        for (int count : {0, -2}) {
            RollbackOptions rollback;
            rollback.count = count;
            Result<RunOutcome> outcome = service->rollback(rollback, false);
            QVERIFY(!outcome.ok());
            QCOMPARE(outcome.error().code, Error::Code::Usage);
        }
        QCOMPARE(tableNames(db), QStringList());
        // The failed calls did not leave the lock behind.
        TM_VERIFY_OK(service->upgrade({}, false));
        QCOMPARE(appliedVersions(db).size(), 4);
    }

    void upgradeToVersionNotPending_data() { addDialectRows(); }
    void upgradeToVersionNotPending()
    {
        TM_SCRATCH(db, project);
        writeFiles(project, 2);
        TM_SERVICE(service, project);
        // On a fresh database: refused before anything is written.
        UpgradeOptions unknown;
        unknown.toVersion = u"99"_s;
        Result<RunOutcome> refused = service->upgrade(unknown, false);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, Error::Code::NotFound);
        QCOMPARE(tableNames(db), QStringList());

        UpgradeOptions first;
        first.count = 1;
        TM_VERIFY_OK(service->upgrade(first, false));
        const QStringList before = snapshot(db);

        for (const QString &version : {u"1"_s, u"3"_s, u"1.0"_s}) {
            UpgradeOptions options;
            options.toVersion = version;
            Result<RunOutcome> outcome = service->upgrade(options, false);
            QVERIFY2(!outcome.ok(), qPrintable(version));
            QCOMPARE(outcome.error().code, Error::Code::NotFound);
            QVERIFY(outcome.error().message.contains(version));
        }
        QCOMPARE(snapshot(db), before);
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s}));
    }

    void rollbackDefault_data() { addDialectRows(); }
    void rollbackDefault()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        Result<RunOutcome> outcome = service->rollback({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(fileNamesOf(outcome->plan), QStringList({Files[3].fileName}));
        QCOMPARE(textsOf(outcome->plan.files.at(0).statements),
                 QStringList({u"DROP TABLE delta"_s}));
        QCOMPARE(trackingRows(db), expectedRows({0, 1, 2}));
        QCOMPARE(existingTables(db), QStringList({u"alpha"_s, u"beta"_s, u"gamma"_s}));

        const QList<QStringList> journal = journalRows(db);
        QCOMPARE(journal.size(), 5);
        QCOMPARE(journal.last().at(0), u"rollback"_s);
        QCOMPARE(journal.last().at(1), outcome->run.batchId);
        QCOMPARE(journal.last().at(2), u"success"_s);
        QCOMPARE(journal.last().at(3), Files[3].fileName);
        QCOMPARE(journal.last().at(6), u"DROP TABLE delta;\n"_s);
        QVERIFY(journal.last().at(5) != u"<null>" && !journal.last().at(5).isEmpty());
        QCOMPARE(service->currentVersion().value(), u"2"_s);
    }

    void rollbackByCount_data() { addDialectRows(); }
    void rollbackByCount()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        RollbackOptions options;
        options.count = 3;
        Result<RunOutcome> outcome = service->rollback(options, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        // Newest first.
        QCOMPARE(outcome->run.completedFiles,
                 QStringList({Files[3].fileName, Files[2].fileName, Files[1].fileName}));
        QCOMPARE(trackingRows(db), expectedRows({0}));
        QCOMPARE(existingTables(db), QStringList({u"alpha"_s}));
        // All files of the run share one batch id.
        const QStringList batches = db.query(u"SELECT DISTINCT batch_id FROM tidemark_journal "
                                             "WHERE operation = 'rollback'"_s);
        QCOMPARE(batches, QStringList({outcome->run.batchId}));

        options.count = 0;
        Result<RunOutcome> zero = service->rollback(options, false);
        QVERIFY(!zero.ok());
        QCOMPARE(zero.error().code, Error::Code::Usage);
        QCOMPARE(trackingRows(db), expectedRows({0}));
    }

    void rollbackToVersion_data() { addDialectRows(); }
    void rollbackToVersion()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        RollbackOptions options;
        options.toVersion = u"1.1"_s;
        Result<RunOutcome> outcome = service->rollback(options, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(outcome->run.completedFiles, QStringList({Files[3].fileName, Files[2].fileName}));
        QCOMPARE(trackingRows(db), expectedRows({0, 1}));
        QCOMPARE(existingTables(db), QStringList({u"alpha"_s, u"beta"_s}));

        // A version that is not applied is NotFound and changes nothing.
        options.toVersion = u"2"_s;
        Result<RunOutcome> missing = service->rollback(options, false);
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().code, Error::Code::NotFound);
        QCOMPARE(trackingRows(db), expectedRows({0, 1}));

        // Only one way of choosing at a time.
        options.toVersion = u"1"_s;
        options.count = 1;
        Result<RunOutcome> both = service->rollback(options, false);
        QVERIFY(!both.ok());
        QCOMPARE(both.error().code, Error::Code::Usage);
        QCOMPARE(trackingRows(db), expectedRows({0, 1}));
    }

    void rollbackLastBatch_data() { addDialectRows(); }
    void rollbackLastBatch()
    {
        TM_SCRATCH(db, project);
        writeFiles(project, 2);
        project.write(u"RA__touch.sql"_s, "SELECT 1;\n");
        TM_SERVICE(service, project);
        Result<RunOutcome> first = service->upgrade({}, false);
        TM_VERIFY_OK(first);
        QCOMPARE(first->run.completedFiles,
                 QStringList({Files[0].fileName, Files[1].fileName, u"RA__touch.sql"_s}));
        writeFiles(project); // adds V2 and V10
        Result<RunOutcome> second = service->upgrade({}, false);
        TM_VERIFY_OK(second);
        QCOMPARE(second->run.completedFiles,
                 QStringList({Files[2].fileName, Files[3].fileName, u"RA__touch.sql"_s}));
        // A run that only re-runs the RA file is not a batch of versions.
        TM_VERIFY_OK(service->upgrade({}, false));

        RollbackOptions options;
        options.lastBatch = true;
        Result<RunOutcome> dry = service->rollback(options, true);
        TM_VERIFY_OK(dry);
        QCOMPARE(fileNamesOf(dry->plan), QStringList({Files[3].fileName, Files[2].fileName}));

        Result<RunOutcome> outcome = service->rollback(options, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(outcome->run.completedFiles, QStringList({Files[3].fileName, Files[2].fileName}));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"1.1"_s}));
        QCOMPARE(existingTables(db), QStringList({u"alpha"_s, u"beta"_s}));
        QCOMPARE(countRows(db, u"jetbase_migrations WHERE migration_type = 'RUNS_ALWAYS'"_s), 1);
    }

    void rollbackAll_data() { addDialectRows(); }
    void rollbackAll()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        RollbackOptions options;
        options.all = true;
        Result<RunOutcome> outcome = service->rollback(options, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(outcome->run.completedFiles, QStringList({Files[3].fileName, Files[2].fileName,
                                                           Files[1].fileName, Files[0].fileName}));
        QVERIFY(trackingRows(db).isEmpty());
        QVERIFY(existingTables(db).isEmpty());
        QCOMPARE(service->currentVersion().value(), QString());

        // Everything can be applied again.
        TM_VERIFY_OK(service->upgrade({}, false));
        QCOMPARE(trackingRows(db), expectedRows({0, 1, 2, 3}));
    }

    void rollbackNothingApplied_data() { addDialectRows(); }
    void rollbackNothingApplied()
    {
        TM_SCRATCH(db, project);
        writeFiles(project);
        TM_SERVICE(service, project);

        for (bool all : {false, true}) {
            RollbackOptions options;
            options.all = all;
            Result<RunOutcome> outcome = service->rollback(options, false);
            TM_VERIFY_OK(outcome);
            QVERIFY(outcome->plan.isEmpty());
            TM_VERIFY_OK(outcome->run);
            QVERIFY(outcome->run.completedFiles.isEmpty());
        }
        QVERIFY(appliedVersions(db).isEmpty());
        QVERIFY(existingTables(db).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestUpgradeRollback)
#include "tst_upgraderollback.moc"
