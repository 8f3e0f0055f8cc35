// The window's other actions on a SQLite project: New Migration, Fix Checksums with its
// confirmation, Lock and Unlock, Validate, the Journal dialog, recent projects.
#include "windowtest.h"

#include "compare/comparedialog.h"
#include "dialogs/journaldialog.h"
#include "recentprojects.h"
#include "review/reviewdialog.h"

#include <QPushButton>
#include <QStandardItemModel>
#include <QTableWidget>

using namespace tidemark;
using namespace tidemark::test;

class TestWindowTools : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useTestSettings(); }
    void cleanup() { dropPendingAnswers(); }
    void newMigration();
    void openFromCurrentDirectoryAndSwitch();
    void fixChecksumsLockAndJournal();
    void generateMigration();
    void unreadableJournal();
    void compareWithAnotherDatabase();
};

// Database › Compare With…: a typed URL of another SQLite database that ran only V1 (with
// another checksum) and has a table of its own; the histories side by side, then the schema
// review whose Save writes the catch-up migration into the project.
void TestWindowTools::compareWithAnotherDatabase()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    ScratchDatabase other(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    TempProject otherProject(other.url());
    otherProject.write("V1__create_authors.sql",
                       "-- upgrade\nCREATE TABLE authors (id INT, name TEXT);\n"
                       "-- rollback\nDROP TABLE authors;\n");
    {
        auto otherWindow = openWindow(otherProject);
        answerNextConfirmation();
        clickAction(*otherWindow, "upgradeAction");
        QTRY_VERIFY_WITH_TIMEOUT(idle(*otherWindow), 20000);
    }
    QVERIFY(other.exec(QStringLiteral("CREATE TABLE reviews (id INTEGER PRIMARY KEY, body TEXT)")));
    auto window = openWindow(project);
    QTRY_VERIFY(window->operations()->hasProject());
    answerNextConfirmation();
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window), 20000);

    clickAction(*window, "compareWithAction");
    auto *dialog = window->findChild<ui::CompareDialog *>(QStringLiteral("compareDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    // Nothing typed: a hint, no comparison.
    QTest::mouseClick(dialog->compareButton(), Qt::LeftButton);
    QVERIFY(dialog->summaryText().contains(QStringLiteral("Type the URL")));
    QTest::keyClicks(dialog->urlEdit(), other.url());
    QTest::mouseClick(dialog->compareButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
    QTableWidget *table = dialog->historyTable();
    QCOMPARE(table->rowCount(), 3);
    QStringList states;
    for (int row = 0; row < table->rowCount(); ++row)
        states.append(table->item(row, 0)->text() + u' ' +
                      table->item(row, 0)->data(Qt::UserRole).toString());
    QCOMPARE(states, (QStringList{"1 checksum_differs", "2 only_here", "3 only_here"}));
    QVERIFY(table->item(1, 3)->text().contains(QStringLiteral("not applied")));
    QVERIFY2(dialog->summaryText().contains(QStringLiteral("3 migration(s) differ")),
             qPrintable(dialog->summaryText()));

    // The schema review: the other database's column and table are what this one lacks; its
    // tables are what the other lacks.
    QVERIFY(dialog->schemaButton()->isEnabled());
    QTest::mouseClick(dialog->schemaButton(), Qt::LeftButton);
    auto *review = dialog->findChild<ui::ReviewDialog *>(QStringLiteral("compareReviewDialog"));
    QVERIFY(review);
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy() && review->migration().has_value(), 20000);
    QStringList kinds;
    for (const SchemaChange &c : review->changes())
        kinds.append(schemaChangeKindName(c.kind) + u' ' + c.table);
    kinds.sort();
    QCOMPARE(kinds, (QStringList{"add_column authors", "add_table reviews", "drop_table books",
                                 "drop_table sales"}));
    QVERIFY(review->saveAsMigration());
    QVERIFY(review->savedPath().endsWith(QStringLiteral("__catch_up.sql")));
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(*window)->rowCount(), 4, 20000);
}

// Generate Migration: the review opens on the project's jetbase/schema.sql, Save writes the
// file, and the list shows it as pending.
void TestWindowTools::generateMigration()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    QFile schema(project.jetbaseDir() + QStringLiteral("/schema.sql"));
    QVERIFY(schema.open(QIODevice::WriteOnly));
    schema.write("CREATE TABLE users (id INTEGER PRIMARY KEY, email VARCHAR(200) NOT NULL);\n");
    schema.close();
    auto window = openWindow(project);
    QTRY_VERIFY(window->operations()->hasProject());
    QCOMPARE(rowsOf(*window)->rowCount(), 0);

    clickAction(*window, "generateMigrationAction");
    auto *review = window->findChild<ui::ReviewDialog *>(QStringLiteral("reviewDialog"));
    QVERIFY(review);
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy() && review->migration().has_value(), 20000);
    QCOMPARE(review->changes().size(), 1);
    QCOMPARE(review->changes().first().kind, SchemaChange::Kind::AddTable);
    QVERIFY(review->saveAsMigration());
    QTRY_COMPARE_WITH_TIMEOUT(rowsOf(*window)->rowCount(), 1, 20000);
    QCOMPARE(rowsOf(*window)->row(0).entry.state, MigrationState::Pending);
    QVERIFY(rowsOf(*window)->row(0).entry.fileName.endsWith(u"__auto_generated.sql"));
}

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
    QVERIFY(!journal->findChild<QLabel *>(QStringLiteral("journalError")));
    journal->close();
}

// A journal table that cannot be read: the window still opens, and the Journal dialog says why
// its list is empty.
void TestWindowTools::unreadableJournal()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE tidemark_journal (id INTEGER)")));
    TempProject project(db.url());
    project.write("V1__first.sql", "CREATE TABLE t (id INT);\n");
    auto window = openWindow(project);
    QTRY_VERIFY_WITH_TIMEOUT(window->operations()->hasProject(), 20000);
    QCOMPARE(statesOf(*window), QStringList{"pending"});

    clickAction(*window, "journalAction");
    auto *journal = window->findChild<ui::JournalDialog *>();
    QVERIFY(journal && journal->isVisible());
    QCOMPARE(journal->findChild<QStandardItemModel *>()->rowCount(), 0);
    auto *error = journal->findChild<QLabel *>(QStringLiteral("journalError"));
    QVERIFY(error && error->isVisible());
    const QString prefix = QStringLiteral("The journal could not be read: ");
    QVERIFY2(error->text().startsWith(prefix) && error->text().size() > prefix.size(),
             qPrintable(error->text()));
    journal->close();
}

void TestWindowTools::openFromCurrentDirectoryAndSwitch()
{
    ScratchDatabase dbA(SqlDialect::Sqlite);
    TempProject a(dbA.url());
    a.write("V1__in_a.sql", "CREATE TABLE a_t (id INT);\n");
    ScratchDatabase dbB(SqlDialect::Sqlite);
    TempProject b(dbB.url());
    b.write("V1__in_b.sql", "CREATE TABLE b_t (id INT);\n");
    b.write("V2__more_b.sql", "CREATE TABLE b2_t (id INT);\n");

    // No project given: found by walking up from the start directory.
    ui::MainWindow window(QString(), a.migrationsDir());
    window.show();
    // Idle too: the load stays busy until the check contexts are in, and a busy window
    // refuses to open another project.
    QTRY_VERIFY_WITH_TIMEOUT(window.operations()->hasProject() && idle(window), 20000);
    QCOMPARE(window.operations()->snapshot().jetbaseDir, a.jetbaseDir());
    QCOMPARE(rowsOf(window)->row(0).entry.fileName, QStringLiteral("V1__in_a.sql"));

    window.openProject(b.root());
    QTRY_VERIFY_WITH_TIMEOUT(idle(window) && rowsOf(window)->rowCount() == 2, 20000);
    QCOMPARE(window.operations()->snapshot().jetbaseDir, b.jetbaseDir());
    const QStringList recent = ui::RecentProjects::list();
    QCOMPARE(recent.value(0), b.jetbaseDir());
    QVERIFY(recent.contains(a.jetbaseDir()));

    // A folder without a project: the banner says so and the actions wait for a project.
    QTemporaryDir empty;
    window.openProject(empty.path());
    QTRY_VERIFY_WITH_TIMEOUT(idle(window) && !window.operations()->hasProject(), 20000);
    QVERIFY(!action(window, "upgradeAction")->isEnabled());
    QVERIFY(action(window, "openAction")->isEnabled());
    auto *banner = window.findChild<QLabel *>(QStringLiteral("problemBanner"));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("Open Project")), qPrintable(banner->text()));
}

QTEST_MAIN(TestWindowTools)
#include "tst_windowtools.moc"
