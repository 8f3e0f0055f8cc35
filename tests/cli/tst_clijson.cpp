// --json on every command: stdout is exactly one JSON object with ok, command and the command's
// fields; failures are ok:false with error.code and error.message.
#include "clidatabase.h"
#include "clirunner.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

// Runs a command with --json and checks the envelope; returns the object (empty on failure,
// with the test failed).
QJsonObject runJson(const CliRunner &cli, const QStringList &arguments, int expectedExit,
                    const QString &command, CliResult *result = nullptr)
{
    const CliResult r = cli.run(QStringList{QStringLiteral("--json")} + arguments);
    if (result)
        *result = r;
    [&] { CLI_EXPECT_EXIT(r, expectedExit); }();
    if (QTest::currentTestFailed())
        return {};
    QString why;
    const QJsonObject o = r.json(&why);
    [&] { QVERIFY2(!o.isEmpty(), qPrintable(why + u'\n' + QString::fromUtf8(r.describe()))); }();
    if (QTest::currentTestFailed())
        return {};
    [&] {
        QCOMPARE(o.value(QStringLiteral("command")).toString(), command);
        QVERIFY2(o.value(QStringLiteral("ok")).isBool(), r.describe().constData());
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(), expectedExit == 0);
        if (expectedExit != 0) {
            const QJsonObject error = o.value(QStringLiteral("error")).toObject();
            QVERIFY2(!error.value(QStringLiteral("code")).toString().isEmpty(),
                     r.describe().constData());
            QVERIFY2(!error.value(QStringLiteral("message")).toString().isEmpty(),
                     r.describe().constData());
        } else {
            QVERIFY2(!o.contains(QStringLiteral("error")), r.describe().constData());
            // Success in JSON mode prints no progress on stderr.
            QVERIFY2(r.err.isEmpty(), r.describe().constData());
        }
    }();
    return QTest::currentTestFailed() ? QJsonObject() : o;
}

void expectFields(const QJsonObject &o, const QStringList &fields)
{
    for (const QString &field : fields)
        QVERIFY2(o.contains(field), qPrintable(field + QStringLiteral(" missing in ") +
                                               QString::fromUtf8(QJsonDocument(o).toJson())));
}

QStringList statesOf(const QJsonObject &status)
{
    QStringList states;
    for (const QJsonValue &v : status.value(QStringLiteral("migrations")).toArray()) {
        const QJsonObject m = v.toObject();
        states.append(m.value(QStringLiteral("filename")).toString() + u'=' +
                      m.value(QStringLiteral("state")).toString());
    }
    return states;
}

} // namespace

#define JSON_STEP(var, args, exitCode, command)                                                    \
    const QJsonObject var = runJson(cli, args, exitCode, QStringLiteral(command));                 \
    if (QTest::currentTestFailed())                                                                \
    return

class TestCliJson : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCommand_data() { addBinaryRows(); }
    void everyCommand();
    void jsonAfterCommandName();
    void failures_data();
    void failures();
    void validateFailureListsProblems();
    void failedRunReportsFileAndLine();
    void usageErrorsAfterTheCommand_data();
    void usageErrorsAfterTheCommand();
};

void TestCliJson::everyCommand()
{
    QFETCH(Binary, binary);
    ScratchDatabase db(SqlDialect::Sqlite);
    QTemporaryDir root;
    CliRunner cli(binary, root.path());

    JSON_STEP(init, {QStringLiteral("init")}, 0, "init");
    expectFields(init, {QStringLiteral("project"), QStringLiteral("env_created")});
    QCOMPARE(init.value(QStringLiteral("env_created")).toBool(), true);
    QVERIFY(writeFile(root.filePath(QStringLiteral("jetbase/env.py")),
                      "sqlalchemy_url = \"" + db.url().toUtf8() + "\"\n"));

    JSON_STEP(created,
              (QStringList{QStringLiteral("new"), QStringLiteral("first"), QStringLiteral("-v"),
                           QStringLiteral("1")}),
              0, "new");
    QCOMPARE(created.value(QStringLiteral("filename")).toString(), QStringLiteral("V1__first.sql"));
    QVERIFY(QFileInfo(created.value(QStringLiteral("path")).toString()).isFile());
    const QString migrations = root.filePath(QStringLiteral("jetbase/migrations/"));
    QVERIFY(writeFile(migrations + QStringLiteral("V1__first.sql"),
                      "CREATE TABLE one (id INT);\n-- rollback\nDROP TABLE one;\n"));
    QVERIFY(writeFile(
        migrations + QStringLiteral("V2__second.sql"),
        "CREATE TABLE two (id INT);\nINSERT INTO two VALUES (2);\n-- rollback\nDROP TABLE two;\n"));

    JSON_STEP(before, {QStringLiteral("status")}, 0, "status");
    expectFields(before, {QStringLiteral("url"), QStringLiteral("latest_version"),
                          QStringLiteral("applied"), QStringLiteral("pending"),
                          QStringLiteral("migrations"), QStringLiteral("problems")});
    QVERIFY(before.value(QStringLiteral("latest_version")).isNull());
    QCOMPARE(before.value(QStringLiteral("pending")).toArray().size(), 2);

    JSON_STEP(dry, (QStringList{QStringLiteral("upgrade"), QStringLiteral("--dry-run")}), 0,
              "upgrade");
    QCOMPARE(dry.value(QStringLiteral("dry_run")).toBool(), true);
    const QJsonArray planned = dry.value(QStringLiteral("files")).toArray();
    QCOMPARE(planned.size(), 2);
    QCOMPARE(planned.at(1).toObject().value(QStringLiteral("statements")).toArray().size(), 2);
    QVERIFY(tableNames(db).isEmpty());

    JSON_STEP(up, {QStringLiteral("upgrade")}, 0, "upgrade");
    expectFields(up, {QStringLiteral("dry_run"), QStringLiteral("files"),
                      QStringLiteral("completed"), QStringLiteral("batch_id")});
    QCOMPARE(up.value(QStringLiteral("completed")).toArray().toVariantList(),
             (QVariantList{QStringLiteral("V1__first.sql"), QStringLiteral("V2__second.sql")}));
    QCOMPARE(trackedVersions(db), (QStringList{QStringLiteral("1"), QStringLiteral("2")}));

    JSON_STEP(after, {QStringLiteral("status")}, 0, "status");
    QCOMPARE(after.value(QStringLiteral("latest_version")).toString(), QStringLiteral("2"));
    QCOMPARE(statesOf(after), (QStringList{QStringLiteral("V1__first.sql=applied"),
                                           QStringLiteral("V2__second.sql=applied")}));
    QVERIFY(after.value(QStringLiteral("pending")).toArray().isEmpty());

    JSON_STEP(history, {QStringLiteral("history")}, 0, "history");
    const QJsonArray rows = history.value(QStringLiteral("rows")).toArray();
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).toObject().value(QStringLiteral("version")).toString(),
             QStringLiteral("1"));
    expectFields(rows.at(0).toObject(),
                 {QStringLiteral("order_executed"), QStringLiteral("description"),
                  QStringLiteral("applied_at"), QStringLiteral("checksum")});

    JSON_STEP(current, {QStringLiteral("current")}, 0, "current");
    QCOMPARE(current.value(QStringLiteral("version")).toString(), QStringLiteral("2"));

    JSON_STEP(journal, {QStringLiteral("journal")}, 0, "journal");
    QCOMPARE(journal.value(QStringLiteral("entries")).toArray().size(), 2);

    JSON_STEP(validate, {QStringLiteral("validate")}, 0, "validate");
    QVERIFY(validate.value(QStringLiteral("problems")).toArray().isEmpty());

    // Drift: V1 edited.
    QVERIFY(writeFile(migrations + QStringLiteral("V1__first.sql"),
                      "CREATE TABLE one (id INT, x INT);\n-- rollback\nDROP TABLE one;\n"));
    JSON_STEP(audit, {QStringLiteral("validate-checksums")}, 0, "validate-checksums");
    const QJsonArray changed = audit.value(QStringLiteral("changed")).toArray();
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).toObject().value(QStringLiteral("version")).toString(),
             QStringLiteral("1"));
    QCOMPARE(audit.value(QStringLiteral("fixed")).toBool(), false);
    JSON_STEP(auditFix, (QStringList{QStringLiteral("validate-checksums"), QStringLiteral("-f")}),
              0, "validate-checksums");
    QCOMPARE(auditFix.value(QStringLiteral("fixed")).toBool(), true);
    JSON_STEP(fixChecksums, {QStringLiteral("fix-checksums")}, 0, "fix-checksums");
    QVERIFY(fixChecksums.value(QStringLiteral("changed")).toArray().isEmpty());

    QVERIFY(QFile::remove(migrations + QStringLiteral("V2__second.sql")));
    JSON_STEP(files, {QStringLiteral("validate-files")}, 0, "validate-files");
    QCOMPARE(files.value(QStringLiteral("missing_versions")).toArray().toVariantList(),
             QVariantList{QStringLiteral("2")});
    expectFields(files, {QStringLiteral("missing_repeatables"), QStringLiteral("fixed")});
    JSON_STEP(fixFiles, {QStringLiteral("fix-files")}, 0, "fix-files");
    QCOMPARE(fixFiles.value(QStringLiteral("fixed")).toBool(), true);
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});
    JSON_STEP(fix, {QStringLiteral("fix")}, 0, "fix");
    expectFields(fix, {QStringLiteral("files"), QStringLiteral("checksums")});

    JSON_STEP(lock, {QStringLiteral("lock")}, 0, "lock");
    const QString processId = lock.value(QStringLiteral("process_id")).toString();
    QVERIFY(!processId.isEmpty());
    JSON_STEP(locked, {QStringLiteral("lock-status")}, 0, "lock-status");
    QCOMPARE(locked.value(QStringLiteral("locked")).toBool(), true);
    QCOMPARE(locked.value(QStringLiteral("process_id")).toString(), processId);
    QVERIFY(!locked.value(QStringLiteral("locked_at")).toString().isEmpty());
    QCOMPARE(locked.value(QStringLiteral("holder"))
                 .toObject()
                 .value(QStringLiteral("command"))
                 .toString(),
             QStringLiteral("lock"));
    JSON_STEP(heldUp, {QStringLiteral("upgrade")}, 1, "upgrade");
    QCOMPARE(
        heldUp.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
        QStringLiteral("lock"));
    JSON_STEP(unlock, {QStringLiteral("unlock")}, 0, "unlock");
    JSON_STEP(unlocked, {QStringLiteral("lock-status")}, 0, "lock-status");
    QCOMPARE(unlocked.value(QStringLiteral("locked")).toBool(), false);

    JSON_STEP(down, {QStringLiteral("rollback")}, 0, "rollback");
    QCOMPARE(down.value(QStringLiteral("completed")).toArray().toVariantList(),
             QVariantList{QStringLiteral("V1__first.sql")});
    JSON_STEP(nothing, {QStringLiteral("rollback")}, 0, "rollback");
    QVERIFY(nothing.value(QStringLiteral("files")).toArray().isEmpty());
    JSON_STEP(none, {QStringLiteral("current")}, 0, "current");
    QVERIFY(none.value(QStringLiteral("version")).isNull());
}

void TestCliJson::jsonAfterCommandName()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    const CliResult r = CliRunner(Binary::Cli, project.root())
                            .run({QStringLiteral("status"), QStringLiteral("--json")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.json().value(QStringLiteral("command")).toString(), QStringLiteral("status"));
}

void TestCliJson::failures_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("withProject");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("code");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")} << true << 2
                                     << QStringLiteral("frobnicate") << QStringLiteral("usage");
    QTest::newRow("unknown option")
        << QStringList{QStringLiteral("status"), QStringLiteral("--frob")} << true << 2
        << QStringLiteral("status") << QStringLiteral("usage");
    QTest::newRow("count 0") << QStringList{QStringLiteral("upgrade"), QStringLiteral("--count"),
                                            QStringLiteral("0")}
                             << true << 2 << QStringLiteral("upgrade") << QStringLiteral("usage");
    QTest::newRow("count abc") << QStringList{QStringLiteral("rollback"), QStringLiteral("-c"),
                                              QStringLiteral("abc")}
                               << true << 2 << QStringLiteral("rollback")
                               << QStringLiteral("usage");
    QTest::newRow("no project") << QStringList{QStringLiteral("status")} << false << 1
                                << QStringLiteral("status") << QStringLiteral("project");
    QTest::newRow("to-version not pending")
        << QStringList{QStringLiteral("upgrade"), QStringLiteral("-t"), QStringLiteral("9")} << true
        << 1 << QStringLiteral("upgrade") << QStringLiteral("not_found");
    QTest::newRow("bad url") << QStringList{QStringLiteral("--url"),
                                            QStringLiteral("oracle://u:pw@h/db"),
                                            QStringLiteral("current")}
                             << true << 1 << QStringLiteral("current") << QStringLiteral("url");
    QTest::newRow("new blank") << QStringList{QStringLiteral("new"), QStringLiteral(" ")} << true
                               << 2 << QStringLiteral("new") << QStringLiteral("usage");
}

void TestCliJson::failures()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, withProject);
    QFETCH(int, exitCode);
    QFETCH(QString, command);
    QFETCH(QString, code);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    QTemporaryDir empty;
    const CliRunner cli(Binary::Cli, withProject ? project.root() : empty.path());
    CliResult r;
    const QJsonObject o = runJson(cli, arguments, exitCode, command, &r);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             code);
    // The error is on stderr too, for people watching a script run.
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Error: "));
    QVERIFY(tableNames(db).isEmpty());
}

void TestCliJson::validateFailureListsProblems()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id INT);\n");
    const CliRunner cli(Binary::Cli, project.root());
    QCOMPARE(cli.run({QStringLiteral("upgrade")}).exitCode, 0);
    project.write(QStringLiteral("V1__a.sql"), "CREATE TABLE a (id BIGINT);\n");
    JSON_STEP(o, {QStringLiteral("validate")}, 1, "validate");
    QCOMPARE(o.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
             QStringLiteral("validation"));
    const QJsonArray problems = o.value(QStringLiteral("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).toObject().value(QStringLiteral("filename")).toString(),
             QStringLiteral("V1__a.sql"));
}

void TestCliJson::failedRunReportsFileAndLine()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write(QStringLiteral("V1__ok.sql"), "CREATE TABLE ok (id INT);\n");
    project.write(QStringLiteral("V2__bad.sql"),
                  "CREATE TABLE half (id INT);\n\nINSERT INTO no_such_table VALUES (1);\n");
    const CliRunner cli(Binary::Cli, project.root());
    JSON_STEP(o, {QStringLiteral("upgrade")}, 1, "upgrade");
    const QJsonObject error = o.value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("database"));
    QCOMPARE(error.value(QStringLiteral("line")).toInt(), 3);
    QVERIFY(error.value(QStringLiteral("file")).toString().endsWith(QStringLiteral("V2__bad.sql")));
    QVERIFY(error.value(QStringLiteral("database_message"))
                .toString()
                .contains(QStringLiteral("no_such_table")));
    QCOMPARE(o.value(QStringLiteral("failed_file")).toString(), QStringLiteral("V2__bad.sql"));
    QCOMPARE(o.value(QStringLiteral("completed")).toArray().toVariantList(),
             QVariantList{QStringLiteral("V1__ok.sql")});
    // SQLite rolls the whole file back, DDL included.
    QCOMPARE(trackedVersions(db), QStringList{QStringLiteral("1")});
    QVERIFY(!db.tableExists(QStringLiteral("half")));
    QCOMPARE(rowCount(db, QStringLiteral("jetbase_lock WHERE process_id IS NULL")), 1);
}

void TestCliJson::usageErrorsAfterTheCommand_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("command");
    QTest::newRow("unknown option")
        << QStringList{u"status"_s, u"--frob"_s, u"--json"_s} << u"status"_s;
    QTest::newRow("missing value")
        << QStringList{u"upgrade"_s, u"--json"_s, u"--count"_s} << u"upgrade"_s;
    QTest::newRow("bad resolve") << QStringList{u"resolve"_s, u"--json"_s} << u"resolve"_s;
    QTest::newRow("unknown global option")
        << QStringList{u"--json"_s, u"--frob"_s, u"status"_s} << u"tidemark"_s;
    QTest::newRow("no command") << QStringList{u"--json"_s} << u"tidemark"_s;
}

// --json anywhere: a usage error still gives exactly one JSON document on stdout.
void TestCliJson::usageErrorsAfterTheCommand()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, command);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    const CliResult r = CliRunner(Binary::Cli, project.root()).run(arguments);
    CLI_EXPECT_EXIT(r, 2);
    QString why;
    const QJsonObject o = r.json(&why);
    QVERIFY2(!o.isEmpty(), qPrintable(why + u'\n' + QString::fromUtf8(r.describe())));
    QCOMPARE(o.value(u"ok"_s).toBool(true), false);
    QCOMPARE(o.value(u"command"_s).toString(), command);
    QCOMPARE(o.value(u"error"_s).toObject().value(u"code"_s).toString(), u"usage"_s);
}

QTEST_GUILESS_MAIN(TestCliJson)
#include "tst_clijson.moc"
