// Tidemark's "-- tidemark: ..." directives and the near-miss rollback markers: read from the
// comments Jetbase ignores, so the checksum stays Jetbase's.
#include "migration/migrationtext.h"

#include <QTest>

using namespace tidemark;

class TestFileDirectives : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void directives_data();
    void directives();
    void badDirectives_data();
    void badDirectives();
    void directivesKeepChecksum();
    void nearMissMarkers_data();
    void nearMissMarkers();
};

void TestFileDirectives::directives_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("transaction");
    QTest::addColumn<int>("transactionLine");
    QTest::addColumn<int>("statementTimeout"); // -1: not given
    QTest::addColumn<int>("lockWaitTimeout");

    QTest::newRow("none") << QByteArray("CREATE TABLE t (id int);\n") << true << 0 << -1 << -1;
    QTest::newRow("off") << QByteArray("-- tidemark: transaction=off\nVACUUM;\n") << false << 1
                         << -1 << -1;
    QTest::newRow("after other comments")
        << QByteArray("-- jetbase: delimiter=~\n\n-- Tidemark:  Transaction=OFF\nVACUUM~\n")
        << false << 3 << -1 << -1;
    QTest::newRow("several on one line")
        << QByteArray("--tidemark: statement-timeout=600, lock-wait-timeout=5\nSELECT 1;\n") << true
        << 0 << 600 << 5;
    QTest::newRow("zero means no limit")
        << QByteArray("-- tidemark: statement-timeout=0\nSELECT 1;\n") << true << 0 << 0 << -1;
    QTest::newRow("not in the leading block")
        << QByteArray("SELECT 1;\n-- tidemark: transaction=off\n") << true << 0 << -1 << -1;
    QTest::newRow("on again") << QByteArray("-- tidemark: transaction=on\nSELECT 1;\n") << true << 0
                              << -1 << -1;
    // allow= is check's (preflight/migrationcheck.h): accepted here, changes nothing.
    QTest::newRow("allow for check")
        << QByteArray("-- tidemark: allow=drop-table allow=truncate\nDROP TABLE t;\n") << true << 0
        << -1 << -1;
    QTest::newRow("allow with a reason")
        << QByteArray("-- tidemark: allow=drop-table because the data moved to v2\nDROP TABLE "
                      "t;\n")
        << true << 0 << -1 << -1;
}

void TestFileDirectives::directives()
{
    QFETCH(QByteArray, text);
    const Result<MigrationText> parsed = parseMigrationText(text);
    QVERIFY(parsed.ok());
    const FileDirectives &d = parsed->directives;
    QCOMPARE(d.error, QString());
    QTEST(d.transaction, "transaction");
    QTEST(d.transactionLine, "transactionLine");
    QTEST(d.statementTimeoutSeconds.value_or(-1), "statementTimeout");
    QTEST(d.lockWaitTimeoutSeconds.value_or(-1), "lockWaitTimeout");
}

void TestFileDirectives::badDirectives_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("mentions");

    QTest::newRow("typo in value") << QByteArray("-- tidemark: transaction=of\nSELECT 1;\n") << 1
                                   << QStringLiteral("transaction=of");
    QTest::newRow("unknown key") << QByteArray("--\n-- tidemark: transactions=off\nSELECT 1;\n")
                                 << 2 << QStringLiteral("transactions=off");
    QTest::newRow("negative seconds")
        << QByteArray("-- tidemark: lock-wait-timeout=-3\nSELECT 1;\n") << 1
        << QStringLiteral("lock-wait-timeout=-3");
    QTest::newRow("not a number") << QByteArray("-- tidemark: statement-timeout=10m\nSELECT 1;\n")
                                  << 1 << QStringLiteral("statement-timeout=10m");
    QTest::newRow("empty") << QByteArray("-- tidemark:\nSELECT 1;\n") << 1
                           << QStringLiteral("names no setting");
    QTest::newRow("allow without a rule")
        << QByteArray("-- tidemark: allow=\nSELECT 1;\n") << 1 << QStringLiteral("no check rule");
}

void TestFileDirectives::badDirectives()
{
    QFETCH(QByteArray, text);
    const Result<MigrationText> parsed = parseMigrationText(text);
    QVERIFY(parsed.ok());
    QTEST(parsed->directives.errorLine, "line");
    QFETCH(QString, mentions);
    QVERIFY2(parsed->directives.error.contains(mentions), qPrintable(parsed->directives.error));
}

void TestFileDirectives::directivesKeepChecksum()
{
    const Result<MigrationText> plain = parseMigrationText("CREATE TABLE t (id int);\n");
    const Result<MigrationText> withDirective = parseMigrationText(
        "-- tidemark: transaction=off statement-timeout=60\nCREATE TABLE t (id int);\n");
    QVERIFY(plain.ok() && withDirective.ok());
    QCOMPARE(withDirective->checksum, plain->checksum);
}

void TestFileDirectives::nearMissMarkers_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QList<int>>("warningLines");
    QTest::addColumn<bool>("hasRollback");

    const QByteArray up("CREATE TABLE t (id int);\n");
    QTest::newRow("the real marker") << up + "-- rollback\nDROP TABLE t;\n" << QList<int>{} << true;
    QTest::newRow("upper-case marker") << up + "--   ROLLBACK  \nDROP TABLE t;\n"
                                       << QList<int>{} << true;
    QTest::newRow("colon") << up + "-- rollback:\nDROP TABLE t;\n" << QList<int>{2} << false;
    QTest::newRow("three dashes") << up + "--- rollback\nDROP TABLE t;\n" << QList<int>{2} << false;
    QTest::newRow("section") << up + "-- Rollback section\nDROP TABLE t;\n"
                             << QList<int>{2} << false;
    QTest::newRow("down") << up + "-- down\nDROP TABLE t;\n" << QList<int>{2} << false;
    QTest::newRow("ordinary comment")
        << "-- rollback is handled by V3\n" + up << QList<int>{} << false;
    QTest::newRow("after the marker is the rollback's own comment")
        << up + "-- rollback\n-- down\nDROP TABLE t;\n"
        << QList<int>{} << true;
    QTest::newRow("near miss, then the marker") << up + "-- undo:\n-- rollback\nDROP TABLE t;\n"
                                                << QList<int>{2} << true;
}

void TestFileDirectives::nearMissMarkers()
{
    QFETCH(QByteArray, text);
    const Result<MigrationText> parsed = parseMigrationText(text);
    QVERIFY(parsed.ok());
    QList<int> lines;
    for (const TextWarning &w : parsed->warnings)
        lines.append(w.line);
    QTEST(lines, "warningLines");
    QTEST(parsed->hasRollbackSection(), "hasRollback");
}

QTEST_GUILESS_MAIN(TestFileDirectives)
#include "tst_filedirectives.moc"
