// The window's other actions on a SQLite project: New Migration, Fix Checksums with its
// confirmation, Lock and Unlock, Validate, the Journal dialog, recent projects.
#include "windowtest.h"

#include "journaldialog.h"
#include "recentprojects.h"

#include <QStandardItemModel>

using namespace tidemark;
using namespace tidemark::test;

class TestWindowTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useTestSettings(); }
    void cleanup() { dropPendingAnswers(); }
    void newMigration();
    void fixChecksumsLockAndJournal();
};

void TestWindowTools::newMigration()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    auto window = openWindow(project);
    QTRY_VERIFY(window->operations()->hasProject());
    QCOMPARE(rowsOf(*window)->rowCount(), 0);
    QVERIFY(ui::RecentProjects::list().contains(project.jetbaseDir()));

    bool answered = false;
    QTimer::singleShot(100, this, [&answered] {
        QWidget *dialog = QApplication::activeModalWidget();
        QVERIFY(dialog && dialog->objectName() == u"newMigrationDialog");
        auto *version = dialog->findChild<QLineEdit *>(QStringLiteral("versionEdit"));
        QVERIFY(version->text().contains(u'.')); // the timestamp by default
        version->setText(QStringLiteral("7"));
        QTest::keyClicks(dialog->findChild<QLineEdit *>(QStringLiteral("descriptionEdit")),
                         QStringLiteral("create users"));
        QTest::keyClick(dialog, Qt::Key_Return);
        answered = true;
    });
    clickAction(*window, "newMigrationAction");
    QVERIFY(answered);
    QVERIFY(QFile::exists(project.migrationsDir() + QStringLiteral("/V7__create_users.sql")));
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(*window)->rowCount(), 1, 20000);
    QCOMPARE(rowsOf(*window)->row(0).entry.version, QStringLiteral("7"));
}

void TestWindowTools::fixChecksumsLockAndJournal()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write("V1__first.sql", "CREATE TABLE first_t (id INT);\n");
    {
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->upgrade(UpgradeOptions{}, false));
    }
    project.write("V1__first.sql", "CREATE TABLE first_t (id INT, name TEXT);\n");
    auto window = openWindow(project);
    QTRY_COMPARE(statesOf(*window), QStringList{"changed since applied"});

    auto fix = answerNextConfirmation();
    clickAction(*window, "fixChecksumsAction");
    QTRY_VERIFY_WITH_TIMEOUT(fix->seen, 20000);
    QVERIFY2(fix->willBeLost.contains(QStringLiteral("V1__first.sql")),
             qPrintable(fix->willBeLost));
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && statesOf(*window) == QStringList{"applied"}, 20000);

    auto *lockLabel = window->findChild<QLabel *>(QStringLiteral("lockLabel"));
    QCOMPARE(lockLabel->text(), QStringLiteral("Unlocked"));
    clickAction(*window, "lockAction");
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && lockLabel->text().startsWith(u"Locked"), 20000);
    auto unlock = answerNextConfirmation();
    clickAction(*window, "unlockAction");
    QVERIFY(unlock->seen);
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && lockLabel->text() == u"Unlocked", 20000);

    clickAction(*window, "journalAction");
    auto *journal = window->findChild<ui::JournalDialog *>();
    QVERIFY(journal && journal->isVisible());
    auto *model = journal->findChild<QStandardItemModel *>();
    QCOMPARE(model->rowCount(), 1);
    QCOMPARE(model->item(0, 2)->text(), QStringLiteral("V1__first.sql"));
    QCOMPARE(model->item(0, 4)->text(), QStringLiteral("success"));
    journal->close();
}

QTEST_MAIN(TestWindowTools)
#include "tst_windowtools.moc"
