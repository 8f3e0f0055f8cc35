// The real window on a SQLite project driven with the keyboard only: Ctrl+K to the filter, Tab
// to the list, the arrows, the Menu key and Shift+F10 for the context menu, Enter on a
// destructive confirmation (which must cancel) and Alt+U to accept it, F6 between the panes;
// then the remembered layout (header, state filter, splitter) after closing and reopening.
#include "windowtest.h"

#include "editor/migrationeditor.h"
#include "editor/sqleditor.h"
#include "list/migrationtablemodel.h"

#include <QComboBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QSplitter>

using namespace tidemark;
using namespace tidemark::test;

namespace {

// A key as the user types it: to the widget holding the focus.
void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget *target = QApplication::focusWidget();
    QVERIFY2(target, "no widget has the focus");
    QTest::keyClick(target, key, modifiers);
}

// Runs `act` (from a timer, as the popup or the dialog runs its own event loop) on the next
// visible, active widget `find` returns.
void actOnNext(std::function<QWidget *()> find, std::function<void(QWidget *)> act)
{
    auto *timer = new QTimer(qApp);
    timer->setObjectName(QStringLiteral("answerTimer"));
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, find, act] {
        QWidget *widget = find();
        if (!widget || !widget->isVisible())
            return;
        if (!widget->isActiveWindow()) {
            widget->activateWindow();
            return;
        }
        timer->stop();
        timer->deleteLater();
        act(widget);
    });
    timer->start();
}

QWidget *popupMenu()
{
    return qobject_cast<QMenu *>(QApplication::activePopupWidget());
}

QWidget *confirmDialog()
{
    return qobject_cast<ui::ConfirmDialog *>(QApplication::activeModalWidget());
}

// What the keyboard did in a popup or a dialog.
struct Seen
{
    bool done = false;
    QString text;
};

// Opens the list's context menu with `menuKey` and takes its first item with Down and Enter;
// records the item's object name.
std::shared_ptr<Seen> chooseFirstMenuItem()
{
    auto seen = std::make_shared<Seen>();
    actOnNext(popupMenu, [seen](QWidget *popup) {
        auto *menu = static_cast<QMenu *>(popup);
        QTest::keyClick(menu, Qt::Key_Down);
        seen->text = menu->activeAction() ? menu->activeAction()->objectName() : QString();
        QTest::keyClick(menu, Qt::Key_Return);
        seen->done = true;
    });
    return seen;
}

// Answers the next confirmation with one key to its focus widget; records the accept button's
// text and whether the dialog is still open afterwards.
std::shared_ptr<Seen> answerWithKey(Qt::Key key, Qt::KeyboardModifiers modifiers = {})
{
    auto seen = std::make_shared<Seen>();
    actOnNext(confirmDialog, [seen, key, modifiers](QWidget *dialog) {
        seen->text = dialog->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok)->text();
        QWidget *focus = QApplication::focusWidget();
        QTest::keyClick(focus && dialog->isAncestorOf(focus) ? focus : dialog, key, modifiers);
        // A mnemonic clicks the button animated, a moment later.
        (void)QTest::qWaitFor([dialog] { return !dialog->isVisible(); }, 2000);
        if (dialog->isVisible()) { // the key did nothing: fail the test, do not hang it
            seen->text += QStringLiteral(" (still open)");
            static_cast<QDialog *>(dialog)->reject();
        }
        seen->done = true;
    });
    return seen;
}

QString selectedFile(ui::MainWindow &window)
{
    const ui::MigrationRow *row = window.list()->selectedRow();
    return row ? row->entry.fileName : QString();
}

bool activate(ui::MainWindow &window)
{
    // The offscreen platform does not give the window back its activation after a dialog.
    window.activateWindow();
    return QTest::qWaitForWindowActive(&window);
}

} // namespace

class TestKeyboardNavigation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useTestSettings(); }
    void init() { QSettings().clear(); }
    void cleanup() { dropPendingAnswers(); }
    void upgradeToSelectedWithKeysOnly();
    void panesAndEditor();
    void layoutSurvivesReopening();
    void menusHaveDistinctMnemonics();

private:
    static void writeFour(const TempProject &project);
};

void TestKeyboardNavigation::writeFour(const TempProject &project)
{
    writeThreeTables(project);
    project.write("V4__index_authors.sql", "-- upgrade\nCREATE INDEX authors_id ON authors (id);\n"
                                           "-- rollback\nDROP INDEX authors_id;\n");
}

void TestKeyboardNavigation::upgradeToSelectedWithKeysOnly()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeFour(project);
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 4);
    ui::MigrationListWidget *list = window->list();
    QTableView *view = list->view();

    // Ctrl+K puts the focus in the filter; typing filters.
    press(Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(QApplication::focusWidget(), list->filterEdit());
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("create"));
    QCOMPARE(view->model()->rowCount(), 3);
    // Escape clears the filter (and stops nothing: no run).
    press(Qt::Key_Escape);
    QCOMPARE(list->filterEdit()->text(), QString());
    QCOMPARE(view->model()->rowCount(), 4);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("create"));
    QCOMPARE(view->model()->rowCount(), 3);

    // Tab: the state filter, then the list.
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), list->stateFilter());
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), view);
    // Arriving by Tab selects the first row.
    QCOMPARE(selectedFile(*window), QStringLiteral("V1__create_authors.sql"));
    press(Qt::Key_Down);
    press(Qt::Key_Down);
    QCOMPARE(selectedFile(*window), QStringLiteral("V3__create_sales.sql"));
    press(Qt::Key_Up);
    QCOMPARE(selectedFile(*window), QStringLiteral("V2__create_books.sql"));

    // The Menu key opens the context menu; its first item is Upgrade to Selected. Enter alone
    // on the confirmation cancels: nothing runs.
    auto cancelled = answerWithKey(Qt::Key_Return);
    auto firstItem = chooseFirstMenuItem();
    press(Qt::Key_Menu);
    QVERIFY(firstItem->done);
    QCOMPARE(firstItem->text, QStringLiteral("upgradeToSelectedAction"));
    QTRY_VERIFY_WITH_TIMEOUT(cancelled->done, 20000);
    QCOMPARE(cancelled->text, QStringLiteral("&Upgrade"));
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window), 20000);
    QVERIFY2(window->runPanel()->logText().contains(QStringLiteral("Cancelled by the user")),
             qPrintable(window->runPanel()->logText()));
    QCOMPARE(appliedVersions(db), QStringList{});
    QVERIFY(!db.tableExists(QStringLiteral("authors")));

    // Back in the window the focus is on the list again; Shift+F10 opens the menu, Alt+U
    // accepts the confirmation.
    QVERIFY(activate(*window));
    QTRY_COMPARE(QApplication::focusWidget(), view);
    QCOMPARE(selectedFile(*window), QStringLiteral("V2__create_books.sql"));
    auto accepted = answerWithKey(Qt::Key_U, Qt::AltModifier);
    firstItem = chooseFirstMenuItem();
    press(Qt::Key_F10, Qt::ShiftModifier);
    QVERIFY(firstItem->done);
    QCOMPARE(firstItem->text, QStringLiteral("upgradeToSelectedAction"));
    QTRY_VERIFY_WITH_TIMEOUT(accepted->done, 20000);
    QCOMPARE(accepted->text, QStringLiteral("&Upgrade"));
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && appliedVersions(db) == (QStringList{"1", "2"}),
                             20000);
    QVERIFY(db.tableExists(QStringLiteral("authors")));
    QVERIFY(db.tableExists(QStringLiteral("books")));
    QVERIFY(!db.tableExists(QStringLiteral("sales")));
}

void TestKeyboardNavigation::panesAndEditor()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeFour(project);
    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 4);
    QTableView *view = window->list()->view();
    ui::SqlEditor *editor = window->editor()->upgradeEditor();
    ui::SqlEditor *rollbackEditor = window->editor()->rollbackEditor();

    // Down in the filter goes to the list; Enter on a row puts the focus in its SQL.
    press(Qt::Key_K, Qt::ControlModifier);
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("sales"));
    press(Qt::Key_Down);
    QCOMPARE(QApplication::focusWidget(), view);
    QCOMPARE(selectedFile(*window), QStringLiteral("V3__create_sales.sql"));
    press(Qt::Key_Return);
    QCOMPARE(QApplication::focusWidget(), editor);
    QVERIFY(editor->text().contains(QStringLiteral("CREATE TABLE sales")));

    // F6 from the upgrade editor: the rollback editor, the run log; again: the list; Shift+F6
    // back to the log.
    press(Qt::Key_F6);
    QCOMPARE(QApplication::focusWidget(), rollbackEditor);
    press(Qt::Key_F6);
    QCOMPARE(QApplication::focusWidget(), window->runPanel()->logView());
    press(Qt::Key_F6);
    QCOMPARE(QApplication::focusWidget(), view);
    press(Qt::Key_F6, Qt::ShiftModifier);
    QCOMPARE(QApplication::focusWidget(), window->runPanel()->logView());
    // Tab from the list goes to the editor, not through the cells or to the run panel.
    press(Qt::Key_F6);
    press(Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(), editor);

    // Accessible names for the widgets without a visible label.
    QVERIFY(!view->accessibleName().isEmpty());
    QVERIFY(!editor->accessibleName().isEmpty());
    QVERIFY(!rollbackEditor->accessibleName().isEmpty());
    QVERIFY(!window->list()->filterEdit()->accessibleName().isEmpty());
    QVERIFY(!window->runPanel()->logView()->accessibleName().isEmpty());
}

void TestKeyboardNavigation::layoutSurvivesReopening()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeFour(project);
    const int description = ui::MigrationTableModel::DescriptionColumn;
    const int state = ui::MigrationTableModel::StateColumn;
    const int appliedData = int(ui::RowState::Applied);
    QList<int> splitterSizes;
    QByteArray moved;
    {
        auto window = openWindow(project);
        QTRY_COMPARE(rowsOf(*window)->rowCount(), 4);
        QComboBox *stateFilter = window->list()->stateFilter();
        // The state filter by keyboard: focus it, type the start of a state's name.
        press(Qt::Key_K, Qt::ControlModifier);
        press(Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), stateFilter);
        QTest::keyClicks(stateFilter, ui::rowStateText(ui::RowState::Applied));
        QCOMPARE(stateFilter->currentData().toInt(), appliedData);
        QCOMPARE(window->list()->view()->model()->rowCount(), 0); // nothing applied yet

        QHeaderView *header = window->list()->view()->horizontalHeader();
        header->resizeSection(description, 41); // narrower than its text
        header->moveSection(header->visualIndex(state), 0);
        // Sort by the description, descending: two clicks on its header.
        const QPoint middle(header->sectionViewportPosition(description) +
                                header->sectionSize(description) / 2,
                            header->height() / 2);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, middle);
        QCOMPARE(header->sortIndicatorSection(), description);
        QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
        auto *splitter = window->findChild<QSplitter *>(QStringLiteral("listEditorSplitter"));
        const int total = splitter->sizes().value(0) + splitter->sizes().value(1);
        splitter->setSizes({total / 3, total - total / 3});
        splitterSizes = splitter->sizes();
        QVERIFY(window->close());
    }

    auto window = openWindow(project);
    QTRY_COMPARE(rowsOf(*window)->rowCount(), 4);
    QComboBox *stateFilter = window->list()->stateFilter();
    QCOMPARE(stateFilter->currentData().toInt(), appliedData);
    QCOMPARE(window->list()->view()->model()->rowCount(), 0);
    QHeaderView *header = window->list()->view()->horizontalHeader();
    QCOMPARE(header->sectionSize(description), 41); // not fitted to the text again
    QCOMPARE(header->visualIndex(state), 0);
    QCOMPARE(header->sortIndicatorSection(), description);
    QCOMPARE(header->sortIndicatorOrder(), Qt::DescendingOrder);
    // The rows are sorted that way too: show them all and read the order.
    stateFilter->setCurrentIndex(0);
    auto *proxy = qobject_cast<QSortFilterProxyModel *>(window->list()->view()->model());
    QCOMPARE(proxy->sortColumn(), description);
    QCOMPARE(proxy->index(0, description).data().toString(), QStringLiteral("index authors"));
    auto *splitter = window->findChild<QSplitter *>(QStringLiteral("listEditorSplitter"));
    QCOMPARE(splitter->sizes(), splitterSizes);
}

// Every menu title and every item has an Alt letter, and no two in one menu share it.
void TestKeyboardNavigation::menusHaveDistinctMnemonics()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeFour(project);
    auto window = openWindow(project);
    const auto mnemonic = [](const QString &text) {
        for (qsizetype i = 0; i + 1 < text.size(); ++i) {
            if (text.at(i) == u'&') {
                if (text.at(i + 1) != u'&')
                    return text.at(i + 1).toLower();
                ++i;
            }
        }
        return QChar();
    };
    const auto check = [&mnemonic](const QString &menuName, const QList<QAction *> &actions) {
        QHash<QChar, QString> seen;
        for (QAction *action : actions) {
            if (action->isSeparator() || action->text().isEmpty())
                continue;
            const QChar key = mnemonic(action->text());
            QVERIFY2(!key.isNull(), qPrintable(menuName + u": " + action->text()));
            QVERIFY2(!seen.contains(key),
                     qPrintable(menuName + u": " + action->text() + u" and " + seen.value(key)));
            seen.insert(key, action->text());
        }
    };
    const QList<QAction *> menus = window->menuBar()->actions();
    check(QStringLiteral("menu bar"), menus);
    for (QAction *menuAction : menus) {
        QVERIFY(menuAction->menu());
        check(menuAction->text(), menuAction->menu()->actions());
    }
}

QTEST_MAIN(TestKeyboardNavigation)
#include "tst_keyboardnavigation.moc"
