// The real window on SQLite projects, driven through its toolbar, its list and its dialogs:
// open, upgrade, roll back to a selection, dry run, production confirmation, Stop during a long
// run, and a list of 10,000 rows.
#include "windowtest.h"

#include "editor/migrationeditor.h"
#include "editor/sqleditor.h"
#include "list/migrationtablemodel.h"
#include "run/confirmations.h"

#include <QComboBox>
#include <QDialog>
#include <QElapsedTimer>
#include <QHelpEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTreeWidget>

using namespace tidemark;
using namespace tidemark::test;

class TestWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useTestSettings(); }
    void cleanup() { dropPendingAnswers(); }
    void opensAndShowsPending();
    void upgradeAndRollBackToSelected();
    void dryRunChangesNothing();
    void productionAsksForTheDatabaseName();
    void stopDuringLongRun();
    void tenThousandRows();
    void editorShowsSelectedFileAndFailure();
    void confirmationNamesWhatIsLost();
    void pendingCountsAgree();
    void emptyStateWithoutSelection();
    void confirmationShowsCheckFindings();
    void rehearsalStandsInForTheTypedName();
    void driftBannerShowsAndChecks();
    void editorMarkersKnowTheLiveDatabase_data();
    void editorMarkersKnowTheLiveDatabase();
    void listComesBeforeCheckMarkers();
};

void TestWindow::opensAndShowsPending()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 3);
    QCOMPARE(statesOf(*window), QStringList(3, QStringLiteral("pending")));
    QVERIFY2(window->windowTitle().contains(QFileInfo(project.root()).fileName()),
             qPrintable(window->windowTitle()));
    QVERIFY(window->windowTitle().contains(QStringLiteral("sqlite:")));
    auto *pending = window->findChild<QLabel *>(QStringLiteral("pendingLabel"));
    QCOMPARE(pending->text(), QStringLiteral("3 pending"));

    // The text filter narrows the list.
    auto *filter = window->findChild<QLineEdit *>(QStringLiteral("migrationFilter"));
    QTest::keyClicks(filter, QStringLiteral("books"));
    QCOMPARE(window->list()->view()->model()->rowCount(), 1);
    filter->clear();
    QCOMPARE(window->list()->view()->model()->rowCount(), 3);
}

void TestWindow::upgradeAndRollBackToSelected()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 3);

    auto upgrade = answerNextConfirmation();
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(upgrade->seen, 20000);
    QCOMPARE(upgrade->willRun, QStringLiteral("V1__create_authors.sql\nV2__create_books.sql\n"
                                              "V3__create_sales.sql"));
    QVERIFY(upgrade->sql.contains(QStringLiteral("CREATE TABLE books (id INT)")));
    QTRY_VERIFY_WITH_TIMEOUT(
        idle(*window) && statesOf(*window) == QStringList(3, QStringLiteral("applied")), 20000);
    QCOMPARE(appliedVersions(db), (QStringList{"1", "2", "3"}));
    QVERIFY(db.tableExists(QStringLiteral("sales")));
    QVERIFY(
        window->runPanel()->logText().contains(QStringLiteral("Finished V3__create_sales.sql")));
    QVERIFY(!rowsOf(*window)->row(0).appliedBy.isEmpty());

    // Roll back to version 1 from the list's selection, with Ctrl+Shift+R.
    QVERIFY(clickRowOf(*window, QStringLiteral("V1__create_authors.sql")));
    QVERIFY(action(*window, "rollbackToSelectedAction")->isEnabled());
    auto rollback = answerNextConfirmation();
    // The offscreen platform does not give the window back its activation after a dialog.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window.get()));
    QTest::keyClick(window->list()->view(), Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY2_WITH_TIMEOUT(rollback->seen,
                              qPrintable(window->runPanel()->logText() + u'|' +
                                         (QApplication::activeModalWidget()
                                              ? QApplication::activeModalWidget()->objectName()
                                              : QString())),
                              20000);
    QCOMPARE(rollback->willRun, QStringLiteral("V3__create_sales.sql\nV2__create_books.sql"));
    QVERIFY(rollback->willBeLost.contains(QStringLiteral("V2__create_books.sql")));
    // Named from the rollback statements: what exactly is lost.
    QVERIFY2(rollback->willBeLost.contains(
                 QStringLiteral("V3__create_sales.sql: drops table sales and its rows")),
             qPrintable(rollback->willBeLost));
    QVERIFY(rollback->sql.contains(QStringLiteral("DROP TABLE sales")));
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && statesOf(*window) ==
                                                  (QStringList{"applied", "pending", "pending"}),
                             20000);
    QCOMPARE(appliedVersions(db), QStringList{"1"});
    QVERIFY(!db.tableExists(QStringLiteral("books")));
    QVERIFY(db.tableExists(QStringLiteral("authors")));
}

void TestWindow::dryRunChangesNothing()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 3);
    clickAction(*window, "dryRunAction");
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() &&
                                 QApplication::activeModalWidget()->objectName() == u"textDialog",
                             20000);
    QWidget *dialog = QApplication::activeModalWidget();
    auto *editor = dialog->findChild<ui::SqlEditor *>(QStringLiteral("sqlText"));
    QVERIFY(editor);
    QVERIFY(editor->isReadOnly());
    QCOMPARE(editor->dialect(), SqlDialect::Sqlite); // highlighted for the connection
    const QString sql = editor->text();
    QVERIFY2(sql.contains(QStringLiteral("CREATE TABLE authors (id INT)")), qPrintable(sql));
    QVERIFY(sql.contains(QStringLiteral("V3__create_sales.sql")));
    dialog->close();
    QVERIFY(!db.tableExists(QStringLiteral("authors")));
    QCOMPARE(appliedVersions(db), QStringList{});
}

void TestWindow::productionAsksForTheDatabaseName()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    QFile toml(project.jetbaseDir() + QStringLiteral("/jetbase.toml"));
    QVERIFY(toml.open(QIODevice::WriteOnly));
    toml.write("production = true\n");
    toml.close();
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 3);

    // A wrong name leaves OK disabled: nothing runs.
    auto wrong = answerNextConfirmation(true, QStringLiteral("nope.db"));
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(wrong->seen, 20000);
    QVERIFY(!wrong->okEnabledBeforeTyping);
    QTest::qWait(300);
    QVERIFY(idle(*window));
    QCOMPARE(appliedVersions(db), QStringList{});

    auto right = answerNextConfirmation(true, QStringLiteral("test.db"));
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(right->seen, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && appliedVersions(db).size() == 3, 20000);
}

void TestWindow::stopDuringLongRun()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write("V1__log.sql", "CREATE TABLE slow_log (n INT);\n");
    QByteArray slow;
    for (int i = 0; i < 40; ++i)
        slow += "INSERT INTO slow_log SELECT count(*) FROM (WITH RECURSIVE c(x) AS (SELECT 1 "
                "UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT x FROM c);\n";
    project.write("V2__slow.sql", slow);
    project.write("V3__after.sql", "CREATE TABLE after_t (id INT);\n");
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 3);

    // The window keeps answering: a timer of the GUI thread fires all along the run.
    int ticks = 0;
    QTimer ticker;
    ticker.setInterval(10);
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    auto confirmation = answerNextConfirmation();
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(confirmation->seen, 20000);
    auto *statement = window->findChild<QLabel *>(QStringLiteral("statementLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(statement->text().startsWith(QStringLiteral("Statement 3 of 40")),
                             30000);
    ticker.start();
    QElapsedTimer clock;
    clock.start();
    QTest::qWait(400); // a statement takes about 0.2 s: the run is inside V2 all along
    QVERIFY(!idle(*window));
    QVERIFY2(ticks >= 10, qPrintable(QString::number(ticks)));
    auto *stop = window->findChild<QPushButton *>(QStringLiteral("stopButton"));
    QVERIFY(stop->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window), 20000);
    QVERIFY2(clock.elapsed() < 5000, "Stop did not stop between statements");

    // V1 stays, V2 was rolled back whole, V3 never ran, the lock is free.
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && rowsOf(*window)->rowCount() == 3 &&
                                 statesOf(*window).first() == u"applied",
                             20000);
    QCOMPARE(appliedVersions(db), QStringList{"1"});
    QCOMPARE(countRows(db, QStringLiteral("slow_log")), 0);
    QVERIFY(!db.tableExists(QStringLiteral("after_t")));
    QCOMPARE(db.query(QStringLiteral("SELECT COUNT(*) FROM jetbase_lock WHERE is_locked")),
             QStringList{"0"});
    QCOMPARE(rowsOf(*window)->row(1).state, ui::RowState::PendingAfterFailure);
    QVERIFY(window->runPanel()->logText().contains(QStringLiteral("Stopped V2__slow.sql")));
}

void TestWindow::tenThousandRows()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    auto window = openWindow(project);
    StatusReport report;
    for (int i = 1; i <= 10000; ++i) {
        StatusEntry entry;
        entry.version = QString::number(i);
        entry.description = QStringLiteral("migration number %1").arg(i);
        entry.fileName = QStringLiteral("V%1__migration_number_%1.sql").arg(i);
        entry.state = i % 7 ? MigrationState::Applied : MigrationState::Pending;
        entry.appliedAt = i % 7 ? QStringLiteral("2026-01-01 10:00:00") : QString();
        report.entries.append(entry);
    }
    QElapsedTimer clock;
    clock.start();
    window->list()->setRows(ui::buildRows(report, {}));
    QTableView *view = window->list()->view();
    QScrollBar *bar = view->verticalScrollBar();
    for (int step = 0; step <= 50; ++step) {
        bar->setValue(bar->maximum() * step / 50);
        view->viewport()->repaint();
    }
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    QCOMPARE(view->model()->rowCount(), 10000);
    // The state filter keeps the pending rows only.
    auto *states = window->findChild<QComboBox *>(QStringLiteral("stateFilter"));
    states->setCurrentIndex(states->findData(int(ui::RowState::Pending)));
    QCOMPARE(view->model()->rowCount(), 10000 / 7);
}

void TestWindow::editorShowsSelectedFileAndFailure()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    project.write("V4__broken.sql", "-- upgrade\nCREATE TABLE ok_t (id INT);\n\n"
                                    "CREATE TABLE broken (id INT,);\n");
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 4);
    ui::MigrationEditor *editor = window->editor();
    // Opening selects the first pending migration.
    QTRY_COMPARE(QFileInfo(editor->path()).fileName(), QStringLiteral("V1__create_authors.sql"));
    QVERIFY(clickRowOf(*window, QStringLiteral("V2__create_books.sql")));
    QCOMPARE(QFileInfo(editor->path()).fileName(), QStringLiteral("V2__create_books.sql"));
    QVERIFY(editor->upgradeEditor()->text().contains(QStringLiteral("CREATE TABLE books")));

    // A failed upgrade selects the failing file and marks its statement's line.
    auto upgrade = answerNextConfirmation();
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(upgrade->seen, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::activeModalWidget() &&
                                 QApplication::activeModalWidget()->objectName() == u"errorMessage",
                             20000);
    QApplication::activeModalWidget()->close();
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window), 20000);
    QCOMPARE(QFileInfo(editor->path()).fileName(), QStringLiteral("V4__broken.sql"));
    QCOMPARE(editor->failureLine(), 4);
    QCOMPARE(editor->upgradeEditor()->failureLine(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(statesOf(*window).last(),
                              QStringLiteral("pending: failed in the last run"), 20000);
    QCOMPARE(appliedVersions(db), (QStringList{"1", "2", "3"}));
}

// The rollback confirmation's "Will be lost" list, as the dialog shows it, for statements beyond
// what SQLite runs: comma lists, CASCADE, other kinds, and a DROP whose form is not recognised.
void TestWindow::confirmationNamesWhatIsLost()
{
    ui::ProjectSnapshot snapshot;
    snapshot.displayUrl = QStringLiteral("postgresql://localhost/shop");
    const QList<ui::PlannedFileView> plan = {
        {QStringLiteral("V2__reporting.sql"),
         {QStringLiteral("DROP TABLE sales, \"sales archive\" CASCADE"),
          QStringLiteral("DROP SCHEMA reporting"), QStringLiteral("DROP DOMAIN positive_int")},
         true,
         {},
         {}},
        {QStringLiteral("V1__shop.sql"),
         {QStringLiteral("TRUNCATE ONLY app.books")},
         true,
         {},
         {}}};
    ui::ConfirmDialog dialog(ui::rollbackConfirmation(snapshot, plan));
    auto *lost = dialog.findChild<QPlainTextEdit *>(QStringLiteral("willBeLostList"));
    QVERIFY(lost);
    QCOMPARE(lost->toPlainText(),
             QStringLiteral("V2__reporting.sql: drops table sales and its rows and everything "
                            "that depends on it, drops table sales archive and its rows and "
                            "everything that depends on it, drops schema reporting and everything "
                            "in it, runs a DROP statement that is not recognised: DROP DOMAIN "
                            "positive_int\nV1__shop.sql: deletes rows from books"));
}

// One definition of pending (what the next upgrade runs): the status bar's count, the rows whose
// state says "pending" and the list's "pending" filter agree, with a runs-always file and a
// changed runs-on-change file among them.
void TestWindow::pendingCountsAgree()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    project.write("RA__touch.sql", "CREATE TABLE IF NOT EXISTS touched (id INT);\n");
    project.write("ROC__view.sql", "DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT 1 AS one;\n");
    auto window = openWindow(project);
    auto *pending = window->findChild<QLabel *>(QStringLiteral("pendingLabel"));
    auto *stateFilter = window->findChild<QComboBox *>(QStringLiteral("stateFilter"));
    QVERIFY(pending && stateFilter);
    const auto pendingRows = [&] {
        int n = 0;
        for (const QString &state : statesOf(*window))
            n += state.startsWith(QStringLiteral("pending")) ? 1 : 0;
        return n;
    };
    const auto filteredPending = [&] {
        stateFilter->setCurrentIndex(stateFilter->findData(int(ui::RowState::Pending)));
        const int shown = window->list()->view()->model()->rowCount();
        stateFilter->setCurrentIndex(0);
        return shown;
    };
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 5);
    QCOMPARE(pending->text(), QStringLiteral("5 pending"));
    QCOMPARE(pendingRows(), 5);
    QCOMPARE(filteredPending(), 5);

    auto upgrade = answerNextConfirmation();
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(upgrade->seen, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && pending->text() == u"1 pending", 20000);
    QCOMPARE(statesOf(*window), (QStringList{"applied", "applied", "applied",
                                             "pending: runs on every upgrade", "applied"}));
    QCOMPARE(pendingRows(), 1);
    QCOMPARE(filteredPending(), 1);

    project.write("ROC__view.sql", "DROP VIEW IF EXISTS v;\nCREATE VIEW v AS SELECT 2 AS two;\n");
    clickAction(*window, "refreshAction");
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && pending->text() == u"2 pending", 20000);
    QCOMPARE(statesOf(*window).last(), QStringLiteral("pending: changed since its last run"));
    QCOMPARE(pendingRows(), 2);
    QCOMPARE(filteredPending(), 2);
}

// Without a selected migration the editor shows an empty state, not two empty editors; a project
// with pending migrations opens with the first of them selected.
void TestWindow::emptyStateWithoutSelection()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject empty(db.url());
    auto window = openWindow(empty);
    ui::MigrationEditor *editor = window->editor();
    auto *emptyState = editor->findChild<QLabel *>(QStringLiteral("emptyState"));
    QVERIFY(emptyState);
    QTRY_VERIFY(idle(*window));
    QVERIFY(editor->path().isEmpty());
    QVERIFY(emptyState->isVisible());
    QVERIFY(!editor->upgradeEditor()->isVisible());
    QVERIFY(editor->upgradeEditor()->isReadOnly());
    QVERIFY(editor->rollbackEditor()->isReadOnly());
    QCOMPARE(editor->rollbackEditor()->firstLineNumber(), 1);

    TempProject project(db.url());
    writeThreeTables(project);
    window->openProject(project.root());
    QTRY_COMPARE(QFileInfo(editor->path()).fileName(), QStringLiteral("V1__create_authors.sql"));
    QVERIFY(!emptyState->isVisible());
    QVERIFY(editor->upgradeEditor()->isVisible());
    QVERIFY(!editor->upgradeEditor()->isReadOnly());
    QVERIFY(window->list()->selectedRow());
    QCOMPARE(window->list()->selectedRow()->entry.fileName,
             QStringLiteral("V1__create_authors.sql"));
}

// The upgrade confirmation lists what check finds in the files; with an error among them the
// button says so, Cancel runs nothing, and going ahead runs them (the window's --no-check).
void TestWindow::confirmationShowsCheckFindings()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write("V1__purge.sql", "CREATE TABLE log (id INT);\nDELETE FROM log;\n"
                                   "-- rollback\nDROP TABLE log;\n");
    QFile toml(project.jetbaseDir() + QStringLiteral("/jetbase.toml"));
    QVERIFY(toml.open(QIODevice::WriteOnly));
    toml.write("check_error = [\"delete-without-where\"]\n");
    toml.close();
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 1);

    auto cancelled = answerNextConfirmation(false);
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(cancelled->seen, 20000);
    QCOMPARE(cancelled->findings,
             QStringLiteral("V1__purge.sql:2: error [delete-without-where] DELETE without WHERE "
                            "deletes every row.\n    Add a WHERE clause naming the rows to "
                            "delete."));
    // A table the pending file makes itself has no rows to count yet; one that exists does
    // (below).
    QCOMPARE(cancelled->okText, QStringLiteral("&Upgrade despite 1 error(s)"));
    QTest::qWait(300);
    QVERIFY(idle(*window));
    QCOMPARE(appliedVersions(db), QStringList{});

    auto accepted = answerNextConfirmation(true);
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(accepted->seen, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && appliedVersions(db) == QStringList{"1"}, 20000);

    QVERIFY(db.exec(QStringLiteral("INSERT INTO log VALUES (1), (2)")));
    project.write("V2__purge_again.sql", "DELETE FROM log;\n-- rollback\nSELECT 1;\n");
    window->refresh();
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && rowsOf(*window)->rowCount() == 2, 20000);
    auto counted = answerNextConfirmation(false);
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(counted->seen, 20000);
    QVERIFY2(counted->findings.contains(QStringLiteral("log has 2 row(s) now.")),
             qPrintable(counted->findings));
}

// Rehearse in the window: the result file by file; on a production connection a passed
// rehearsal of exactly the files to run stands in for the typed name, a failed one or a changed
// file does not.
void TestWindow::rehearsalStandsInForTheTypedName()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    QFile toml(project.jetbaseDir() + QStringLiteral("/jetbase.toml"));
    QVERIFY(toml.open(QIODevice::WriteOnly));
    toml.write("production = true\n");
    toml.close();
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 3);

    const auto rehearse = [&]() -> QTreeWidget * {
        clickAction(*window, "rehearseAction");
        QWidget *dialog = nullptr;
        const auto shown = [&] {
            dialog = QApplication::activeModalWidget();
            return dialog && dialog->objectName() == u"rehearsalDialog";
        };
        if (!QTest::qWaitFor(shown, 30000))
            return nullptr;
        return dialog->findChild<QTreeWidget *>(QStringLiteral("rehearsalResults"));
    };
    QTreeWidget *results = rehearse();
    QVERIFY(results);
    QCOMPARE(results->topLevelItemCount(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(results->topLevelItem(i)->text(1), QStringLiteral("passed"));
    results->window()->close();
    QCOMPARE(appliedVersions(db), QStringList{}); // rehearse never touches the database

    // A file changed since the rehearsal: the name must be typed again.
    project.write("V3__create_sales.sql", "-- upgrade\nCREATE TABLE sales (id INT, n INT);\n"
                                          "-- rollback\nDROP TABLE sales;\n");
    auto changed = answerNextConfirmation(false);
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(changed->seen, 20000);
    QVERIFY(!changed->okEnabledBeforeTyping);
    QVERIFY2(changed->rehearsal.contains(QStringLiteral("not rehearsed")),
             qPrintable(changed->rehearsal));

    // A rollback that forgets a column fails the rehearsal: still the typed name.
    project.write("V3__create_sales.sql", "-- upgrade\nCREATE TABLE sales (id INT);\n"
                                          "ALTER TABLE authors ADD COLUMN born INT;\n"
                                          "-- rollback\nDROP TABLE sales;\n");
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window), 20000);
    results = rehearse();
    QVERIFY(results);
    QCOMPARE(results->topLevelItem(2)->text(1),
             QStringLiteral("FAILED: schema differs after rollback"));
    QVERIFY2(results->topLevelItem(2)->text(2).contains(QStringLiteral("authors.born")),
             qPrintable(results->topLevelItem(2)->text(2)));
    results->window()->close();
    auto failed = answerNextConfirmation(false);
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(failed->seen, 20000);
    QVERIFY(!failed->okEnabledBeforeTyping);
    QVERIFY2(failed->rehearsal.contains(QStringLiteral("FAILED")), qPrintable(failed->rehearsal));

    // Fixed and rehearsed: OK without typing, and the upgrade runs.
    project.write("V3__create_sales.sql", "-- upgrade\nCREATE TABLE sales (id INT);\n"
                                          "ALTER TABLE authors ADD COLUMN born INT;\n"
                                          "-- rollback\nALTER TABLE authors DROP COLUMN born;\n"
                                          "DROP TABLE sales;\n");
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window), 20000);
    results = rehearse();
    QVERIFY(results);
    QCOMPARE(results->topLevelItem(2)->text(1), QStringLiteral("passed"));
    results->window()->close();
    auto passed = answerNextConfirmation(true);
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(passed->seen, 20000);
    QVERIFY(passed->okEnabledBeforeTyping);
    QVERIFY2(passed->rehearsal.startsWith(QStringLiteral("Rehearsed at")),
             qPrintable(passed->rehearsal));
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && appliedVersions(db).size() == 3, 20000);
}

// Check Drift: a column added by hand shows the banner above the list; Show opens the history's
// schema beside the live one; after the column is gone, Check Now hides the banner.
void TestWindow::driftBannerShowsAndChecks()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeThreeTables(project);
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 3);
    auto upgrade = answerNextConfirmation();
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && appliedVersions(db).size() == 3, 20000);
    auto *banner = window->findChild<QFrame *>(QStringLiteral("driftBanner"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());

    QVERIFY(db.exec(QStringLiteral("ALTER TABLE authors ADD COLUMN note TEXT")));
    clickAction(*window, "checkDriftAction");
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 20000);
    QVERIFY2(banner->findChild<QLabel *>(QStringLiteral("driftText"))
                 ->text()
                 .startsWith(QStringLiteral("Drift: 1 change(s) made by hand")),
             qPrintable(banner->findChild<QLabel *>(QStringLiteral("driftText"))->text()));

    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("driftShowButton")),
                      Qt::LeftButton);
    QDialog *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (dialog = window->findChild<QDialog *>(QStringLiteral("driftDialog"))) &&
            dialog->isVisible(),
        5000);
    auto *changes = dialog->findChild<QPlainTextEdit *>(QStringLiteral("driftChanges"));
    QVERIFY(changes);
    QVERIFY2(changes->toPlainText().startsWith(QStringLiteral("add column authors.note")),
             qPrintable(changes->toPlainText()));
    dialog->close();

    QVERIFY(db.exec(QStringLiteral("ALTER TABLE authors DROP COLUMN note")));
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window), 5000);
    QTest::mouseClick(banner->findChild<QPushButton *>(QStringLiteral("driftCheckButton")),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(window->runPanel()->logText().contains(QStringLiteral("No drift")),
                             5000);
}

void TestWindow::editorMarkersKnowTheLiveDatabase_data()
{
    QTest::addColumn<bool>("cached");
    QTest::newRow("files read") << false;
    // The window lists from the checksum cache, as status does: a pending file's SQL, which the
    // cache does not keep, is read for its markers.
    QTest::newRow("from the checksum cache") << true;
}

// A pending file's markers in the editor say what check says with the database at hand: the rows
// a destructive statement hits now and the view a rename breaks; an applied file's do not.
void TestWindow::editorMarkersKnowTheLiveDatabase()
{
    QFETCH(bool, cached);
    QTemporaryDir cacheHome;
    const QByteArray oldCacheHome = qgetenv("XDG_CACHE_HOME");
    qputenv("XDG_CACHE_HOME", cacheHome.path().toUtf8());
    const auto restore = qScopeGuard([&] { qputenv("XDG_CACHE_HOME", oldCacheHome); });
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write("V1__books.sql", "CREATE TABLE books (id INT, title TEXT);\n"
                                   "DELETE FROM books;\n-- rollback\nDROP TABLE books;\n");
    {
        TM_SERVICE(service, project);
        UpgradeOptions noCheck;
        noCheck.skipCheck = true;
        Result<RunOutcome> ran = service->upgrade(noCheck, false);
        TM_VERIFY_OK(ran);
        TM_VERIFY_OK(ran->run);
    }
    project.write("V2__tidy.sql", "DELETE FROM books;\n"
                                  "ALTER TABLE books RENAME COLUMN title TO name;\n"
                                  "-- rollback\nALTER TABLE books RENAME COLUMN name TO title;\n");
    QVERIFY(db.exec(QStringLiteral("INSERT INTO books VALUES (1, 'a'), (2, 'b'), (3, 'c')")));
    QVERIFY(db.exec(QStringLiteral("CREATE VIEW shelf AS SELECT id, title FROM books")));
    if (cached) {
        QTest::qWait(2100); // files written within two seconds are not remembered
        TM_SERVICE(service, project);
        TM_VERIFY_OK(service->status());
        QVERIFY(!QDir(cacheHome.filePath(QStringLiteral("tidemark/checksums")))
                     .entryList(QDir::Files)
                     .isEmpty());
    }
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 2);
    ui::MigrationEditor *editor = window->editor();
    QTRY_COMPARE(QFileInfo(editor->path()).fileName(), QStringLiteral("V2__tidy.sql"));
    const auto markers = [editor] {
        QStringList lines;
        for (const auto &[line, text] : editor->upgradeEditor()->warnings())
            lines << QStringLiteral("%1: %2").arg(line).arg(text);
        return lines.join(u'\n');
    };
    QTRY_VERIFY2_WITH_TIMEOUT(markers().contains(QStringLiteral("books has 3 row(s) now.")),
                              qPrintable(markers()), 20000);
    QVERIFY2(markers().contains(QStringLiteral("2: warning [rename-used-by-view] Renames column "
                                               "books.title, which view(s) shelf read.")),
             qPrintable(markers()));
    // Hovering over the marker in the margin (x = 2) of line 2 shows its message.
    ui::SqlEditor *upgrade = editor->upgradeEditor();
    const int y = int(upgrade->SendScintilla(
                      QsciScintilla::SCI_POINTYFROMPOSITION, 0,
                      upgrade->SendScintilla(QsciScintilla::SCI_POSITIONFROMLINE, 1))) +
                  2;
    QVERIFY2(upgrade->toolTipAt(QPoint(2, y))
                 .startsWith(QStringLiteral("warning [rename-used-by-view]")),
             qPrintable(upgrade->toolTipAt(QPoint(2, y))));
    QHelpEvent hover(QEvent::ToolTip, QPoint(2, y), upgrade->viewport()->mapToGlobal(QPoint(2, y)));
    QApplication::sendEvent(upgrade->viewport(), &hover);
    QTRY_VERIFY(QToolTip::text().contains(QStringLiteral("which view(s) shelf read")));
    // The applied file ran long ago: its DELETE is not counted against today's rows.
    QVERIFY(clickRowOf(*window, QStringLiteral("V1__books.sql")));
    QCOMPARE(QFileInfo(editor->path()).fileName(), QStringLiteral("V1__books.sql"));
    QVERIFY2(markers().contains(QStringLiteral("[delete-without-where]")), qPrintable(markers()));
    QVERIFY2(!markers().contains(QStringLiteral("row(s) now")), qPrintable(markers()));
}

// The list is shown as soon as the files and the database are read; the pending files' check
// contexts (each file checked against the live database, for the editor's markers) come just
// after, and the load stays busy until they are in. A load that fails sends none.
void TestWindow::listComesBeforeCheckMarkers()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    project.write("V1__books.sql",
                  "CREATE TABLE books (id INT);\n-- rollback\nDROP TABLE books;\n");
    {
        TM_SERVICE(service, project);
        Result<RunOutcome> ran = service->upgrade({}, false);
        TM_VERIFY_OK(ran);
        TM_VERIFY_OK(ran->run);
    }
    QVERIFY(db.exec(QStringLiteral("INSERT INTO books VALUES (1), (2)")));
    project.write("V2__empty_books.sql", "DELETE FROM books;\n-- rollback\nSELECT 1;\n");

    ui::MainWindow window(project.root(), project.root());
    ui::Operations *operations = window.operations();
    // Whether the editor's markers (it shows the first pending file, V2) count the rows now.
    const auto countedInEditor = [&window] {
        for (const auto &[line, text] : window.editor()->upgradeEditor()->warnings()) {
            if (text.contains(QStringLiteral("books has 2 row(s) now.")))
                return true;
        }
        return false;
    };
    auto *checking = window.findChild<QLabel *>(QStringLiteral("checkingLabel"));
    QVERIFY(checking);
    QStringList seen;
    connect(operations, &ui::Operations::loaded, this, [&](const ui::ProjectSnapshot &snapshot) {
        seen << QStringLiteral("loaded: busy %1, %2 rows, %3 contexts, editor counts %4, %5")
                    .arg(operations->isBusy())
                    .arg(window.list()->view()->model()->rowCount())
                    .arg(snapshot.checkContexts.size())
                    .arg(countedInEditor())
                    .arg(checking->text());
    });
    connect(operations, &ui::Operations::checkContextsLoaded, this,
            [&](const ui::CheckContexts &contexts) {
                seen << QStringLiteral("contexts: busy %1, files %2, books %3")
                            .arg(operations->isBusy())
                            .arg(contexts.keys().join(u','))
                            .arg(contexts.value(QStringLiteral("V2__empty_books.sql"))
                                     .rowCounts.value(QStringLiteral("books"), -2));
            });
    connect(operations, &ui::Operations::loadFailed, this,
            [&](const QString &error) { seen << QStringLiteral("failed: ") + error; });
    window.show();
    const QString contextsSeen =
        QStringLiteral("contexts: busy 1, files V2__empty_books.sql, books 2");
    QTRY_VERIFY_WITH_TIMEOUT(!operations->isBusy() && seen.size() >= 2, 20000);
    QCOMPARE(seen,
             (QStringList{QStringLiteral("loaded: busy 1, 2 rows, 0 contexts, editor counts 0, "
                                         "Checking the pending files against the database…"),
                          contextsSeen}));
    QCOMPARE(operations->snapshot().checkContexts.size(), 1);
    QVERIFY(countedInEditor());
    QCOMPARE(checking->text(), QString()); // the note goes once they are in

    // A refresh goes the same way, and the editor keeps the counts it has until the new ones are
    // in (no flicker on every save); one that fails (a file that is not UTF-8) sends no
    // contexts, is not left busy, and the markers lose their counts.
    seen.clear();
    window.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!operations->isBusy() && seen.size() >= 2, 20000);
    QCOMPARE(seen,
             (QStringList{QStringLiteral("loaded: busy 1, 2 rows, 0 contexts, editor counts 1, "
                                         "Checking the pending files against the database…"),
                          contextsSeen}));
    seen.clear();
    project.write("V3__broken.sql", QByteArray("SELECT '\xff';\n"));
    window.refresh();
    QTRY_VERIFY_WITH_TIMEOUT(!operations->isBusy() && !seen.isEmpty(), 20000);
    QTest::qWait(200);
    QCOMPARE(seen.size(), 1);
    QVERIFY2(seen.constFirst().startsWith(QStringLiteral("failed: ")), qPrintable(seen.join(u'|')));
    QVERIFY2(seen.constFirst().contains(QStringLiteral("V3__broken.sql")),
             qPrintable(seen.join(u'|')));
    QVERIFY(!countedInEditor());
    QCOMPARE(checking->text(), QString());
}

QTEST_MAIN(TestWindow)
#include "tst_window.moc"
