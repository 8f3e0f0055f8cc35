// The review of a generated migration on a real SQLite project: the changes listed with their
// data-loss warnings, unticking one takes its statement out of the SQL and its lines out of the
// "after" schema, the side-by-side view marks the changed lines, Save writes the file, and after
// the upgrade the unticked change is still a difference. Real widgets, offscreen.

#include "windowtest.h"

#include "editor/sqleditor.h"
#include "engine/schemadiff.h"
#include "review/changelist.h"
#include "review/reviewdialog.h"
#include "review/schemadiffview.h"
#include "review/sidebysidediff.h"

#include <QElapsedTimer>
#include <QImage>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QTabWidget>

using namespace tidemark;
using namespace tidemark::test;
using namespace tidemark::ui;

namespace {

Project openProject(const TempProject &project)
{
    ProjectOptions options;
    options.projectDir = project.root();
    options.environment = cleanEnvironment();
    Result<Project> opened = Project::open(options);
    if (!opened)
        qFatal("%s", qPrintable(opened.error().fullText()));
    return opened.value();
}

void writeSchema(const TempProject &project, const QByteArray &sql)
{
    QFile file(project.jetbaseDir() + QStringLiteral("/schema.sql"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write schema.sql");
    file.write(sql);
}

GenerateOptions optionsFor(const TempProject &project)
{
    GenerateOptions options;
    options.source.schemaPath = project.jetbaseDir() + QStringLiteral("/schema.sql");
    options.description = QStringLiteral("reviewed");
    return options;
}

qsizetype findChange(const QList<SchemaChange> &changes, SchemaChange::Kind kind,
                     const QString &table)
{
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (changes.at(i).kind == kind && changes.at(i).table == table)
            return i;
    }
    return -1;
}

// The 1-based rows of a side whose text contains `needle`.
QList<int> rowsWith(const QStringList &side, const QString &needle)
{
    QList<int> rows;
    for (qsizetype i = 0; i < side.size(); ++i) {
        if (side.at(i).contains(needle))
            rows.append(int(i) + 1);
    }
    return rows;
}

// Takes the next generationFinished of the spy, waiting for it when it has not come yet: a quick
// generation can finish while the test processes events (showing the dialog), and
// QSignalSpy::wait() alone would then wait for one more that never comes.
bool nextGeneration(QSignalSpy &finished)
{
    if (finished.isEmpty() && !finished.wait(60000))
        return false;
    finished.takeFirst();
    return true;
}

} // namespace

class TestReviewDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useTestSettings(); }
    void sideBySidePairsLines();
    void reviewUntickAndSave();
    void acceptRename();
    void keyboardAndRememberedLayout();
    void viewsAndTriggersReviewed();
    void closingStopsTheGeneration();
};

void TestReviewDialog::sideBySidePairsLines()
{
    const SideBySideDiff diff = sideBySideDiff({"a", "b", "c", "d"}, {"a", "B", "c", "d", "e"});
    QCOMPARE(diff.count(), 5);
    QCOMPARE(diff.rows.at(0), SideBySideDiff::Row::Same);
    QCOMPARE(diff.rows.at(1), SideBySideDiff::Row::Changed);
    QCOMPARE(diff.left.at(1), QStringLiteral("b"));
    QCOMPARE(diff.right.at(1), QStringLiteral("B"));
    QCOMPARE(diff.rows.at(4), SideBySideDiff::Row::Added);
    QCOMPARE(diff.leftLine.at(4), 0); // a filler on the left
    QCOMPARE(diff.rightLine.at(4), 5);
    const SideBySideDiff removed = sideBySideDiff({"x", "y"}, {"y"});
    QCOMPARE(removed.rows,
             (QList<SideBySideDiff::Row>{SideBySideDiff::Row::Removed, SideBySideDiff::Row::Same}));
    QCOMPARE(removed.right.at(0), QString());
}

void TestReviewDialog::reviewUntickAndSave()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    QVERIFY(db.exec(QStringLiteral(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT)")));
    QVERIFY(db.exec(QStringLiteral("INSERT INTO users (name, email) VALUES ('ann', 'a@x')")));
    TempProject project(db.url());
    writeSchema(project, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                         "age INTEGER);\n"
                         "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT NOT NULL);\n");
    const Project opened = openProject(project);

    ReviewDialog dialog(opened, optionsFor(project));
    dialog.show();
    QSignalSpy finished(&dialog, &ReviewDialog::generationFinished);
    QVERIFY(dialog.isBusy());
    QVERIFY(nextGeneration(finished));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.upgradeEditor()->dialect(), SqlDialect::Sqlite);
    QVERIFY(dialog.upgradeEditor()->isReadOnly());

    const QList<SchemaChange> changes = dialog.changes();
    const qsizetype addPosts = findChange(changes, SchemaChange::Kind::AddTable, "posts");
    const qsizetype dropEmail = findChange(changes, SchemaChange::Kind::DropColumn, "users");
    const qsizetype addAge = findChange(changes, SchemaChange::Kind::AddColumn, "users");
    QVERIFY(addPosts >= 0 && dropEmail >= 0 && addAge >= 0);
    ChangeList *list = dialog.changeList();
    QCOMPARE(list->changeCount(), changes.size());
    QCOMPARE(list->changeItem(addPosts)->checkState(0), Qt::Checked);
    // The dropped column holds a value: its warning is listed under it.
    QTreeWidgetItem *dropItem = list->changeItem(dropEmail);
    QCOMPARE(dropItem->childCount(), 1);
    QVERIFY2(dropItem->child(0)->text(0).contains(QStringLiteral("email")),
             qPrintable(dropItem->child(0)->text(0)));
    QVERIFY(list->changeItem(addPosts)->childCount() == 0);

    QVERIFY(dialog.upgradeEditor()->text().contains(QStringLiteral("posts")));
    QVERIFY(dialog.rollbackEditor()->text().contains(QStringLiteral("posts")));
    SchemaDiffView *view = dialog.schemaView();
    QVERIFY(!rowsWith(view->diff().right, QStringLiteral("table posts")).isEmpty());

    // Untick "add table posts": generated again without it.
    list->changeItem(addPosts)->setCheckState(0, Qt::Unchecked);
    QVERIFY(dialog.isBusy());
    QVERIFY(nextGeneration(finished));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(list->excluded(), (QSet<qsizetype>{addPosts}));
    QVERIFY2(!dialog.upgradeEditor()->text().contains(QStringLiteral("posts")),
             qPrintable(dialog.upgradeEditor()->text()));
    QVERIFY(!dialog.rollbackEditor()->text().contains(QStringLiteral("posts")));
    QVERIFY(dialog.upgradeEditor()->text().contains(QStringLiteral("age")));
    QCOMPARE(dialog.changes().size(), changes.size()); // the list keeps every change

    // The side-by-side view: no posts on the right; the email line marked on the left, the age
    // line on the right, both editors as long as each other.
    QVERIFY(rowsWith(view->diff().right, QStringLiteral("posts")).isEmpty());
    const QList<int> emailRows = rowsWith(view->diff().left, QStringLiteral("column email"));
    const QList<int> ageRows = rowsWith(view->diff().right, QStringLiteral("column age"));
    QCOMPARE(emailRows.size(), 1);
    QCOMPARE(ageRows.size(), 1);
    SqlEditor *before = view->beforeEditor();
    SqlEditor *after = view->afterEditor();
    QCOMPARE(before->lines(), after->lines());
    QVERIFY(before->hasLineMark(emailRows.first(), SqlEditor::LineMark::Removed) ||
            before->hasLineMark(emailRows.first(), SqlEditor::LineMark::Changed));
    QVERIFY(after->hasLineMark(ageRows.first(), SqlEditor::LineMark::Added) ||
            after->hasLineMark(ageRows.first(), SqlEditor::LineMark::Changed));
    const QList<int> nameRows = rowsWith(view->diff().right, QStringLiteral("column name"));
    QCOMPARE(nameRows.size(), 1);
    QVERIFY(!after->hasLineMark(nameRows.first(), SqlEditor::LineMark::Changed));
    QVERIFY(!after->hasLineMark(nameRows.first(), SqlEditor::LineMark::Added));

    // A new description gives a new file name (generated again).
    auto *description = dialog.findChild<QLineEdit *>();
    QVERIFY(description);
    description->setText(QStringLiteral("reviewed twice"));
    Q_EMIT description->editingFinished();
    QVERIFY(nextGeneration(finished));
    QVERIFY2(dialog.migration()->fileName.endsWith(QStringLiteral("__reviewed_twice.sql")),
             qPrintable(dialog.migration()->fileName));
    QVERIFY(!dialog.upgradeEditor()->text().contains(QStringLiteral("posts"))); // still unticked

    // Save, upgrade, and the unticked change is still a difference.
    QSignalSpy saved(&dialog, &ReviewDialog::saved);
    QVERIFY(dialog.saveAsMigration());
    QCOMPARE(saved.count(), 1);
    const QString path = dialog.savedPath();
    QVERIFY2(path.endsWith(QStringLiteral("__reviewed_twice.sql")), qPrintable(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    QVERIFY(text.contains(QStringLiteral("-- upgrade")));
    QVERIFY2(!text.contains(QStringLiteral("posts")), qPrintable(text));

    TM_SERVICE(service, project);
    Result<RunOutcome> upgraded = service->upgrade(UpgradeOptions{}, false);
    TM_VERIFY_OK(upgraded);
    Result<DiffReport> diff = diffSchemas(opened, optionsFor(project).source);
    TM_VERIFY_OK(diff);
    QCOMPARE(diff->diff.changes.size(), 1);
    QCOMPARE(diff->diff.changes.first().kind, SchemaChange::Kind::AddTable);
    QCOMPARE(diff->diff.changes.first().table, QStringLiteral("posts"));
}

void TestReviewDialog::acceptRename()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT)")));
    TempProject project(db.url());
    writeSchema(project, "CREATE TABLE users (id INTEGER PRIMARY KEY, mail TEXT);\n");
    ReviewDialog dialog(openProject(project), optionsFor(project));
    QSignalSpy finished(&dialog, &ReviewDialog::generationFinished);
    QVERIFY(nextGeneration(finished));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    ChangeList *list = dialog.changeList();
    QCOMPARE(list->renameCount(), 1);
    QCOMPARE(list->renameItem(0)->checkState(0), Qt::Unchecked);
    QCOMPARE(dialog.changes().size(), 2); // drop email, add mail

    list->renameItem(0)->setCheckState(0, Qt::Checked);
    QCOMPARE(list->acceptedRenames(), QStringList{QStringLiteral("users.email=mail")});
    QVERIFY(nextGeneration(finished));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
    QCOMPARE(dialog.changes().size(), 1);
    QCOMPARE(dialog.changes().first().kind, SchemaChange::Kind::RenameColumn);
    QCOMPARE(list->renameCount(), 1); // still listed, to be refused again
    QVERIFY2(dialog.upgradeEditor()->text().contains(QStringLiteral("RENAME"), Qt::CaseInsensitive),
             qPrintable(dialog.upgradeEditor()->text()));
}

// Space ticks, the arrows move, Tab goes round the dialog and back to the change list; the size
// and the splitter come back in the next dialog.
void TestReviewDialog::keyboardAndRememberedLayout()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)")));
    TempProject project(db.url());
    writeSchema(project, "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, age INTEGER);\n"
                         "CREATE TABLE posts (id INTEGER PRIMARY KEY, title TEXT);\n");
    const auto press = [](Qt::Key key, Qt::KeyboardModifiers modifiers = {}) {
        QWidget *focus = QApplication::focusWidget();
        QVERIFY2(focus, "no widget has the focus");
        QTest::keyClick(focus, key, modifiers);
    };
    QSize size;
    QList<int> splitterSizes;
    {
        ReviewDialog dialog(openProject(project), optionsFor(project));
        QSignalSpy finished(&dialog, &ReviewDialog::generationFinished);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowActive(&dialog));
        QVERIFY(nextGeneration(finished));
        QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));
        ChangeList *list = dialog.changeList();
        // The first result puts the focus on the list, on the first change.
        QCOMPARE(QApplication::focusWidget(), list);
        QCOMPARE(list->currentItem(), list->changeItem(0));
        const qsizetype addPosts =
            findChange(dialog.changes(), SchemaChange::Kind::AddTable, QStringLiteral("posts"));
        QVERIFY(addPosts >= 0);
        for (qsizetype i = 0; i < addPosts; ++i)
            press(Qt::Key_Down);
        QCOMPARE(list->currentItem(), list->changeItem(addPosts));

        // Space unticks "add table posts": generated again without it; Space ticks it again.
        press(Qt::Key_Space);
        QCOMPARE(list->changeItem(addPosts)->checkState(0), Qt::Unchecked);
        QVERIFY(nextGeneration(finished));
        QCOMPARE(list->excluded(), (QSet<qsizetype>{addPosts}));
        QVERIFY(!dialog.upgradeEditor()->text().contains(QStringLiteral("posts")));
        QVERIFY(dialog.upgradeEditor()->text().contains(QStringLiteral("age")));
        press(Qt::Key_Space);
        QVERIFY(nextGeneration(finished));
        QCOMPARE(list->excluded(), QSet<qsizetype>{});
        QVERIFY(dialog.upgradeEditor()->text().contains(QStringLiteral("posts")));
        QCOMPARE(QApplication::focusWidget(), list);

        // Tab goes through the SQL tabs, the description and the buttons, back to the list
        // (the read-only SQL editors do not keep it).
        QList<QWidget *> visited;
        do {
            press(Qt::Key_Tab);
            visited.append(QApplication::focusWidget());
        } while (QApplication::focusWidget() != list && visited.size() < 20);
        QCOMPARE(QApplication::focusWidget(), list);
        QVERIFY(visited.contains(dialog.findChild<QLineEdit *>()));
        QVERIFY(visited.contains(dialog.tabs()->tabBar()));
        // Alt+D to the description, Alt+C back to the changes.
        press(Qt::Key_D, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), dialog.findChild<QLineEdit *>());
        press(Qt::Key_C, Qt::AltModifier);
        QCOMPARE(QApplication::focusWidget(), list);

        dialog.resize(930, 610);
        auto *splitter = dialog.findChild<QSplitter *>(QStringLiteral("reviewSplitter"));
        QVERIFY(splitter);
        const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
        splitter->setSizes({total / 2, total - total / 2});
        size = dialog.size();
        splitterSizes = splitter->sizes();
        press(Qt::Key_Escape); // closes it: Close is the reject button
        QVERIFY(!dialog.isVisible());
    }
    ReviewDialog again(openProject(project), optionsFor(project));
    QSignalSpy finished(&again, &ReviewDialog::generationFinished);
    QCOMPARE(again.size(), size);
    again.show();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.findChild<QSplitter *>(QStringLiteral("reviewSplitter"))->sizes(),
             splitterSizes);
    QVERIFY(nextGeneration(finished));
}

// A changed view and a new trigger: listed with icons of their own (not the table's), and the
// view's definition before and after shown as changed lines in the side-by-side view.
void TestReviewDialog::viewsAndTriggersReviewed()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE books (id INTEGER PRIMARY KEY, pages INTEGER)")));
    QVERIFY(db.exec(
        QStringLiteral("CREATE VIEW long_books AS SELECT id FROM books WHERE pages > 300")));
    TempProject project(db.url());
    writeSchema(project, "CREATE TABLE books (id INTEGER PRIMARY KEY, pages INTEGER);\n"
                         "CREATE TABLE seen (book_id INTEGER);\n"
                         "CREATE VIEW long_books AS SELECT id FROM books WHERE pages > 400;\n"
                         "CREATE TRIGGER books_seen AFTER INSERT ON books BEGIN "
                         "INSERT INTO seen VALUES (NEW.id); END;\n");
    const Project opened = openProject(project);
    ReviewDialog dialog(opened, optionsFor(project));
    dialog.show();
    QSignalSpy finished(&dialog, &ReviewDialog::generationFinished);
    QVERIFY(nextGeneration(finished));
    QVERIFY2(dialog.errorText().isEmpty(), qPrintable(dialog.errorText()));

    const QList<SchemaChange> changes = dialog.changes();
    qsizetype view = -1, trigger = -1, table = -1;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        if (changes.at(i).kind == SchemaChange::Kind::ChangeView)
            view = i;
        else if (changes.at(i).kind == SchemaChange::Kind::AddTrigger)
            trigger = i;
        else if (changes.at(i).kind == SchemaChange::Kind::AddTable)
            table = i;
    }
    QVERIFY(view >= 0 && trigger >= 0 && table >= 0);
    ChangeList *list = dialog.changeList();
    QCOMPARE(list->changeItem(view)->data(0, ChangeList::kindRole).toString(),
             QStringLiteral("change_view"));
    QCOMPARE(list->changeItem(trigger)->data(0, ChangeList::kindRole).toString(),
             QStringLiteral("add_trigger"));
    QVERIFY(list->changeItem(view)->toolTip(0).startsWith(QStringLiteral("View: ")));
    QVERIFY(list->changeItem(trigger)->toolTip(0).startsWith(QStringLiteral("Trigger: ")));
    const auto image = [&](qsizetype i) {
        return list->changeItem(i)->icon(0).pixmap(16, 16).toImage();
    };
    QVERIFY(!image(view).isNull());
    QVERIFY(image(view) != image(trigger));  // other letters
    QVERIFY(image(trigger) != image(table)); // both added: other letters on the same colour

    // The view's old condition on the left, the new one on the right, on one changed row.
    SchemaDiffView *diffView = dialog.schemaView();
    const QList<int> oldRows = rowsWith(diffView->diff().left, QStringLiteral("pages > 300"));
    const QList<int> newRows = rowsWith(diffView->diff().right, QStringLiteral("pages > 400"));
    QCOMPARE(oldRows.size(), 1);
    QCOMPARE(newRows, oldRows);
    QVERIFY(diffView->afterEditor()->hasLineMark(newRows.first(), SqlEditor::LineMark::Changed));
    QVERIFY(
        !rowsWith(diffView->diff().right, QStringLiteral("trigger books.books_seen")).isEmpty());

    // The SQL drops and makes the view (SQLite has no CREATE OR REPLACE VIEW) and makes the
    // trigger after the table it writes to.
    const QString upgrade = dialog.upgradeEditor()->text();
    QVERIFY2(upgrade.indexOf(QStringLiteral("DROP VIEW long_books")) <
                     upgrade.indexOf(QStringLiteral("pages > 400")) &&
                 upgrade.indexOf(QStringLiteral("CREATE TABLE seen")) <
                     upgrade.indexOf(QStringLiteral("CREATE TRIGGER books_seen")) &&
                 upgrade.contains(QStringLiteral("DROP VIEW long_books")),
             qPrintable(upgrade));
    QVERIFY(dialog.rollbackEditor()->text().contains(QStringLiteral("DROP TRIGGER books_seen")));
}

// Closing the dialog while the desired schema loads stops the load on the server and drops the
// scratch schema at once, instead of leaving the statement running for nobody (here a 60 s
// sleep) and the scratch schema behind when the application quits.
void TestReviewDialog::closingStopsTheGeneration()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    writeSchema(project, "CREATE TABLE kept (id INT);\nSELECT pg_sleep(60);\n");
    const Project opened = openProject(project);
    const QString sleeping =
        QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE query LIKE "
                       "'%SELECT pg_sleep(60)%' AND pid <> pg_backend_pid()");
    const QString scratch =
        QStringLiteral("SELECT COUNT(*) FROM pg_namespace WHERE nspname LIKE 'tidemark_scratch_%'");
    {
        ReviewDialog dialog(opened, optionsFor(project));
        dialog.show();
        QVERIFY(dialog.isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(db.query(sleeping).value(0).toInt() > 0, 20000);
        QCOMPARE(db.query(scratch), QStringList{QStringLiteral("1")});
    }
    QElapsedTimer stopped;
    stopped.start();
    QTRY_VERIFY_WITH_TIMEOUT(
        db.query(sleeping).value(0).toInt() == 0 && db.query(scratch).value(0).toInt() == 0, 20000);
    qInfo("stopped and dropped %lld ms after closing", stopped.elapsed());
    QVERIFY(stopped.elapsed() < 10000); // the sleep alone would have taken 60 s
}

QTEST_MAIN(TestReviewDialog)
#include "tst_reviewdialog.moc"
