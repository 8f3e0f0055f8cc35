// The real window against the PostgreSQL and MariaDB test servers: upgrade and roll back
// through the toolbar and the confirmation; the title shows the URL without its password.
#include "windowtest.h"

using namespace tidemark;
using namespace tidemark::test;

class TestWindowServers : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useTestSettings(); }
    void cleanup() { dropPendingAnswers(); }
    void upgradeAndRollBack_data() { addDialectRows(false, true, true); }
    void upgradeAndRollBack();
};

void TestWindowServers::upgradeAndRollBack()
{
    TM_SCRATCH(db, project);
    project.write("V1__create_authors.sql", "-- upgrade\nCREATE TABLE authors (id INT);\n"
                                            "-- rollback\nDROP TABLE authors;\n");
    project.write("V2__add_rows.sql", "-- upgrade\nINSERT INTO authors VALUES (1);\n"
                                      "INSERT INTO authors VALUES (2);\n"
                                      "-- rollback\nDELETE FROM authors;\n");
    auto window = openWindow(project);
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(*window)->rowCount(), 2, 20000);
    const QString password = QUrl(db.url()).password();
    QVERIFY(window->windowTitle().contains(db.name()));
    if (!password.isEmpty())
        QVERIFY2(!window->windowTitle().contains(u':' + password + u'@'),
                 "the title shows the password");

    auto upgrade = answerNextConfirmation();
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(upgrade->seen, 20000);
    QCOMPARE(upgrade->willRun, QStringLiteral("V1__create_authors.sql\nV2__add_rows.sql"));
    QTRY_VERIFY_WITH_TIMEOUT(
        idle(*window) && statesOf(*window) == QStringList(2, QStringLiteral("applied")), 30000);
    QCOMPARE(appliedVersions(db), (QStringList{"1", "2"}));
    QCOMPARE(countRows(db, QStringLiteral("authors")), 2);

    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    auto rollback = answerNextConfirmation();
    QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier); // Roll Back Last
    QTRY_VERIFY_WITH_TIMEOUT(rollback->seen, 20000);
    QCOMPARE(rollback->willRun, QStringLiteral("V2__add_rows.sql"));
    QTRY_VERIFY_WITH_TIMEOUT(
        idle(*window) && statesOf(*window) == (QStringList{"applied", "pending"}), 30000);
    QCOMPARE(appliedVersions(db), QStringList{"1"});
    QCOMPARE(countRows(db, QStringLiteral("authors")), 0);
}

QTEST_MAIN(TestWindowServers)
#include "tst_windowservers.moc"
