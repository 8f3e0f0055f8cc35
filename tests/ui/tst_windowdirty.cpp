// A file that runs without a transaction, in the window: the upgrade confirmation says so, a
// failure part way shows the dirty banner, and Database ▸ Resolve records the repair.
#include "windowtest.h"

#include "list/migrationlistwidget.h"

#include <QLabel>
#include <QMessageBox>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

// Clicks the named button of the next QMessageBox with that object name, from a timer.
std::shared_ptr<QString> answerNextMessageBox(const QString &boxName, const QString &buttonName)
{
    auto text = std::make_shared<QString>();
    auto *timer = new QTimer(qApp);
    timer->setObjectName(QStringLiteral("answerTimer"));
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, text, boxName, buttonName] {
        for (QWidget *top : QApplication::topLevelWidgets()) {
            auto *box = top->findChild<QMessageBox *>(boxName);
            if (!box || !box->isVisible())
                continue;
            timer->stop();
            timer->deleteLater();
            *text = box->text();
            if (auto *button = box->findChild<QPushButton *>(buttonName))
                QTest::mouseClick(button, Qt::LeftButton);
            return;
        }
    });
    timer->start();
    return text;
}

} // namespace

class TestWindowDirty : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { useTestSettings(); }
    void cleanup() { dropPendingAnswers(); }
    void partlyAppliedFileIsResolved_data() { addDialectRows(); }
    void partlyAppliedFileIsResolved()
    {
        TM_SCRATCH(db, project);
        project.write("V1__partly.sql", "-- tidemark: transaction=off\n"
                                        "CREATE TABLE p1 (id INT);\n"
                                        "CREATE TABLE p1 (id INT);\n");
        auto window = openWindow(project);
        QTRY_COMPARE_WITH_TIMEOUT(rowsOf(*window)->rowCount(), 1, 20000);
        QVERIFY(!action(*window, "resolveAction")->isEnabled());

        auto upgrade = answerNextConfirmation();
        clickAction(*window, "upgradeAction");
        QTRY_VERIFY_WITH_TIMEOUT(upgrade->seen, 20000);
        QVERIFY2(upgrade->willRun.contains(u"V1__partly.sql — without a transaction"_s),
                 qPrintable(upgrade->willRun));
        // The failure's message box, then the refreshed window shows the dirty state.
        QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && action(*window, "resolveAction")->isEnabled(),
                                 30000);
        if (QWidget *error = QApplication::activeModalWidget())
            error->close();
        auto *banner = window->findChild<QLabel *>(u"problemBanner"_s);
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(u"V1__partly.sql (upgrade) failed after statement 1 of "
                                         "2 (line 2): statement 1 took effect"_s),
                 qPrintable(banner->text()));
        QCOMPARE(statesOf(*window), QStringList{u"partly applied: resolve"_s});
        QVERIFY(db.tableExists(u"p1"_s));
        QCOMPARE(appliedVersions(db), QStringList{});

        auto resolve = answerNextMessageBox(u"resolveDialog"_s, u"resolveAppliedButton"_s);
        action(*window, "resolveAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!resolve->isEmpty(), 20000);
        QVERIFY(resolve->contains(u"V1__partly.sql"_s));
        QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && statesOf(*window) == QStringList{u"applied"_s},
                                 30000);
        QCOMPARE(appliedVersions(db), QStringList{u"1"_s});
        QVERIFY(!action(*window, "resolveAction")->isEnabled());
        QVERIFY(!banner->isVisible());
    }

    // A SQLite project whose database file is not there yet: all pending, said in the banner,
    // nothing created by opening it.
    void missingDatabaseFile()
    {
        TempProject project;
        project.setUrl(u"sqlite:///not_yet.db"_s);
        project.write("V1__one.sql", "CREATE TABLE one1 (id INT);\n");
        auto window = openWindow(project);
        QTRY_COMPARE_WITH_TIMEOUT(statesOf(*window), QStringList{u"pending"_s}, 20000);
        auto *banner = window->findChild<QLabel *>(u"problemBanner"_s);
        QVERIFY(banner && banner->isVisible());
        QVERIFY2(banner->text().contains(u"does not exist yet"_s), qPrintable(banner->text()));
        QVERIFY2(!banner->text().contains(u"refuse"_s), qPrintable(banner->text()));
        QVERIFY(!QFileInfo::exists(project.jetbaseDir() + u"/not_yet.db"_s));
    }
};

QTEST_MAIN(TestWindowDirty)
#include "tst_windowdirty.moc"
