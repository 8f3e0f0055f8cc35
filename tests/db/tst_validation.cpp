// Validation before an upgrade: out-of-order files, applied files that are gone, changed
// checksums (all of them in one error), and every way to skip each check.

#include "dbtest.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray tableFile(const QString &table)
{
    return u"CREATE TABLE %1 (id INT);\n-- rollback\nDROP TABLE %1;\n"_s.arg(table).toUtf8();
}

// The problem a skip row sets up.
enum class Problem { Checksum, MissingFile };

Error upgradeError(MigrationService &service, const UpgradeOptions &options = {})
{
    Result<RunOutcome> outcome = service.upgrade(options, false);
    if (!outcome.ok())
        return outcome.error();
    return outcome->run.error;
}

} // namespace

Q_DECLARE_METATYPE(Problem)

class TestValidation : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void outOfOrder_data() { addDialectRows(); }
    void outOfOrder()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__one.sql"_s, tableFile(u"t_one"_s));
        project.write(u"V3__three.sql"_s, tableFile(u"t_three"_s));
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        project.write(u"sub/V2__two.sql"_s, tableFile(u"t_two"_s));
        project.write(u"V4__four.sql"_s, tableFile(u"t_four"_s));
        const QStringList before = snapshot(db);
        const Error error = upgradeError(*service);
        QCOMPARE(error.code, Error::Code::Validation);
        QVERIFY2(error.message.contains(u"sub/V2__two.sql"_s), qPrintable(error.message));
        QVERIFY(error.message.contains(u"out of order"_s));
        QVERIFY(!error.message.contains(u"V4__four"_s));
        QCOMPARE(snapshot(db), before);
        QVERIFY(!db.tableExists(u"t_two"_s));
        QVERIFY(!db.tableExists(u"t_four"_s));

        // validate() and status() report the same file.
        Result<QList<ValidationProblem>> problems = service->validate();
        TM_VERIFY_OK(problems);
        QCOMPARE(problems->size(), 1);
        QCOMPARE(problems->first().kind, ValidationProblem::Kind::OutOfOrder);
        QCOMPARE(problems->first().fileName, u"V2__two.sql"_s);
        Result<StatusReport> status = service->status();
        TM_VERIFY_OK(status);
        QCOMPARE(status->latestVersion, u"3"_s);
        bool seen = false;
        for (const StatusEntry &e : status->entries) {
            if (e.fileName == u"V2__two.sql")
                seen = e.state == MigrationState::OutOfOrder;
        }
        QVERIFY(seen);
    }

    void missingAppliedFile_data() { addDialectRows(); }
    void missingAppliedFile()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__one.sql"_s, tableFile(u"t_one"_s));
        project.write(u"V2__two.sql"_s, tableFile(u"t_two"_s));
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        QVERIFY(project.remove(u"V1__one.sql"_s));
        project.write(u"V3__three.sql"_s, tableFile(u"t_three"_s));
        const QStringList before = snapshot(db);
        const Error error = upgradeError(*service);
        QCOMPARE(error.code, Error::Code::Validation);
        QVERIFY2(error.message.contains(u"V1__one.sql"_s), qPrintable(error.message));
        QVERIFY(error.message.contains(u"missing"_s));
        QCOMPARE(snapshot(db), before);
        QVERIFY(!db.tableExists(u"t_three"_s));
    }

    void twoChangedChecksums_data() { addDialectRows(); }
    void twoChangedChecksums()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__one.sql"_s, tableFile(u"t_one"_s));
        project.write(u"V2__two.sql"_s, tableFile(u"t_two"_s));
        project.write(u"V3__three.sql"_s, tableFile(u"t_three"_s));
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        project.write(u"V1__one.sql"_s, "CREATE TABLE t_one (id BIGINT);\n");
        project.write(u"V3__three.sql"_s, "CREATE TABLE t_three (id INT, x INT);\n");
        // Only comments and the rollback section change: the checksum stays.
        project.write(u"V2__two.sql"_s,
                      "-- a comment\nCREATE TABLE t_two (id INT);\n-- rollback\nSELECT 1;\n");
        project.write(u"V4__four.sql"_s, tableFile(u"t_four"_s));
        const QStringList before = snapshot(db);

        const Error error = upgradeError(*service);
        QCOMPARE(error.code, Error::Code::Validation);
        QVERIFY2(error.message.contains(u"V1__one.sql"_s), qPrintable(error.message));
        QVERIFY2(error.message.contains(u"V3__three.sql"_s), qPrintable(error.message));
        QVERIFY2(!error.message.contains(u"V2__two.sql"_s), qPrintable(error.message));
        QVERIFY(error.message.contains(u"2 problems"_s));
        QCOMPARE(snapshot(db), before);
        QVERIFY(!db.tableExists(u"t_four"_s));

        Result<QList<ValidationProblem>> problems = service->validate();
        TM_VERIFY_OK(problems);
        QCOMPARE(problems->size(), 2);
        QCOMPARE(problems->at(0).kind, ValidationProblem::Kind::ChecksumChanged);
        QCOMPARE(problems->at(1).kind, ValidationProblem::Kind::ChecksumChanged);
    }

    // Each skip option lets an upgrade with the problem it skips run, first given on the call,
    // then as the env.py key; the options for the other check do not.
    void skipOptions_data()
    {
        QTest::addColumn<SqlDialect>("dialect");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<QString>("key");
        const QList<std::pair<SqlDialect, const char *>> dialects = {
            {SqlDialect::Sqlite, "sqlite"},
            {SqlDialect::Postgres, "postgresql"},
            {SqlDialect::MySql, "mariadb"}};
        const QList<std::tuple<Problem, QString>> cases = {
            {Problem::Checksum, u"skip_validation"_s},
            {Problem::MissingFile, u"skip_validation"_s},
            {Problem::Checksum, u"skip_checksum_validation"_s},
            {Problem::MissingFile, u"skip_file_validation"_s}};
        for (const auto &[dialect, name] : dialects) {
            for (const auto &[problem, key] : cases) {
                const QString row =
                    u"%1 %2 %3"_s.arg(QString::fromLatin1(name), key,
                                      problem == Problem::Checksum ? u"checksum"_s : u"missing"_s);
                QTest::newRow(qPrintable(row)) << dialect << problem << key;
            }
        }
    }
    void skipOptions()
    {
        QFETCH(Problem, problem);
        QFETCH(QString, key);
        TM_SCRATCH(db, project);
        project.write(u"V1__one.sql"_s, tableFile(u"t_one"_s));
        project.write(u"V2__two.sql"_s, tableFile(u"t_two"_s));
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));
        if (problem == Problem::Checksum)
            project.write(u"V1__one.sql"_s, "CREATE TABLE t_one (id BIGINT);\n");
        else
            QVERIFY(project.remove(u"V1__one.sql"_s));
        project.write(u"V3__three.sql"_s, tableFile(u"t_three"_s));

        // Without the option the upgrade is refused, also with the option for the other check.
        QCOMPARE(upgradeError(*service).code, Error::Code::Validation);
        UpgradeOptions other;
        if (problem == Problem::Checksum)
            other.skipFileValidation = true;
        else
            other.skipChecksumValidation = true;
        QCOMPARE(upgradeError(*service, other).code, Error::Code::Validation);
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s}));

        // The option on the call.
        UpgradeOptions options;
        options.skipValidation = key == u"skip_validation";
        options.skipChecksumValidation = key == u"skip_checksum_validation";
        options.skipFileValidation = key == u"skip_file_validation";
        Result<RunOutcome> outcome = service->upgrade(options, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(outcome->run.completedFiles, QStringList({u"V3__three.sql"_s}));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s, u"3"_s}));
        QVERIFY(db.tableExists(u"t_three"_s));

        // The key in env.py (a Python boolean).
        project.write(u"V4__four.sql"_s, tableFile(u"t_four"_s));
        QCOMPARE(upgradeError(*service).code, Error::Code::Validation);
        writeEnv(project, db.url(), key.toUtf8() + " = True\n");
        TM_SERVICE(configured, project);
        outcome = configured->upgrade({}, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(outcome->run.completedFiles, QStringList({u"V4__four.sql"_s}));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"2"_s, u"3"_s, u"4"_s}));
    }

    // With file validation skipped an out-of-order file is left unapplied, and newer files run.
    void skipFileValidationLeavesOutOfOrder_data() { addDialectRows(); }
    void skipFileValidationLeavesOutOfOrder()
    {
        TM_SCRATCH(db, project);
        project.write(u"V1__one.sql"_s, tableFile(u"t_one"_s));
        project.write(u"V3__three.sql"_s, tableFile(u"t_three"_s));
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade({}, false));

        project.write(u"V2__two.sql"_s, tableFile(u"t_two"_s));
        project.write(u"V4__four.sql"_s, tableFile(u"t_four"_s));
        UpgradeOptions options;
        options.skipFileValidation = true;
        Result<RunOutcome> outcome = service->upgrade(options, false);
        TM_VERIFY_OK(outcome);
        TM_VERIFY_OK(outcome->run);
        QCOMPARE(outcome->run.completedFiles, QStringList({u"V4__four.sql"_s}));
        QCOMPARE(appliedVersions(db), QStringList({u"1"_s, u"3"_s, u"4"_s}));
        QVERIFY(!db.tableExists(u"t_two"_s));

        // Still out of order, still skipped by the next run, still reported.
        Result<RunOutcome> again = service->upgrade(options, false);
        TM_VERIFY_OK(again);
        QVERIFY(again->plan.isEmpty());
        QVERIFY(!db.tableExists(u"t_two"_s));
        QCOMPARE(upgradeError(*service).code, Error::Code::Validation);
    }
};

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
