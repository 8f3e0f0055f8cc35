// Help > About Tidemark: the menu is there and the dialog names the version, the Qt version,
// and links to the project. Runs offscreen; the dialog is shown, never exec()'d.
#include "dialogs/aboutdialog.h"
#include "mainwindow.h"
#include "offscreennoise.h"

#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using tidemark::ui::AboutDialog;
using tidemark::ui::MainWindow;

class TestAboutDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { tidemark::test::dropOffscreenNoise(); }
    void showsVersionsAndLinks();
    void helpMenuOpensIt();
};

void TestAboutDialog::showsVersionsAndLinks()
{
    AboutDialog dialog;
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto text = [&dialog](const char *name) {
        auto *label = dialog.findChild<QLabel *>(QLatin1String(name));
        return label ? label->text() : QString();
    };
    QVERIFY(text("nameLabel").contains(QStringLiteral(TIDEMARK_VERSION)));
    QVERIFY(text("qtLabel").contains(QString::fromLatin1(qVersion())));
    QVERIFY(text("linksLabel").contains(u"href=\"https://"));
    QVERIFY(!text("descriptionLabel").isEmpty());
    auto *icon = dialog.findChild<QLabel *>(QStringLiteral("iconLabel"));
    QVERIFY(icon && !icon->pixmap().isNull());
}

void TestAboutDialog::helpMenuOpensIt()
{
    QTemporaryDir dir;
    MainWindow window(dir.path(), dir.path());
    auto *help = window.findChild<QMenu *>(QStringLiteral("helpMenu"));
    QVERIFY(help);
    QStringList texts;
    for (QAction *action : help->actions())
        texts << action->text();
    QCOMPARE(texts, QStringList({QStringLiteral("&About Tidemark"), QStringLiteral("About &Qt")}));

    help->actions().first()->trigger();
    AboutDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window.findChild<AboutDialog *>()) && dialog->isVisible());
    dialog->close();
    QTRY_VERIFY(!window.findChild<AboutDialog *>());
    QTRY_VERIFY(!window.statusBar()->findChild<QLabel *>()->text().startsWith(u"Loading"));
}

QTEST_MAIN(TestAboutDialog)
#include "tst_aboutdialog.moc"
