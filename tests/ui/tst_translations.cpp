// The window in German: installTranslators(), the loader main() uses, picks Tidemark's embedded
// German translation and Qt's own for a German locale, nothing for English, and the window's
// strings come out German. Runs offscreen.
#include "mainwindow.h"
#include "offscreennoise.h"
#include "translations.h"

#include <QAbstractItemModel>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTranslator>
#include <QtTest>

using tidemark::ui::installTranslators;
using tidemark::ui::MainWindow;

class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { tidemark::test::dropOffscreenNoise(); }
    void cleanup();
    void germanFromSystemLocale();
    void germanWindow();
    void qtOwnStringsInGerman();
    void englishNeedsNoTranslator();

private:
    QList<QTranslator *> m_installed;
};

void TestTranslations::cleanup()
{
    qDeleteAll(m_installed);
    m_installed.clear();
    QLocale::setDefault(QLocale::c());
}

// ctest runs this with LANGUAGE=de and LANG=de_DE.UTF-8, the way a German desktop starts it.
void TestTranslations::germanFromSystemLocale()
{
    if (!qEnvironmentVariable("LANGUAGE").startsWith(u"de"))
        QSKIP("LANGUAGE is not German (ctest sets it)");
    QCOMPARE(QLocale::system().language(), QLocale::German);
    m_installed = installTranslators(qApp, QLocale::system());
    QVERIFY(!m_installed.isEmpty());
    QCOMPARE(QCoreApplication::translate("tidemark::ui::MainWindow", "&Refresh"),
             QStringLiteral("&Aktualisieren"));
}

void TestTranslations::germanWindow()
{
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    m_installed = installTranslators(qApp);
    QVERIFY(!m_installed.isEmpty());

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MainWindow window(dir.path(), dir.path());
    QToolBar *toolbar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolbar);
    QStringList actions;
    for (QAction *action : toolbar->actions())
        actions << action->text();
    QVERIFY2(actions.contains(QStringLiteral("&Aktualisieren")), qPrintable(actions.join(u',')));

    QStringList menus;
    for (QAction *action : window.menuBar()->actions())
        menus << action->text();
    QVERIFY2(menus.contains(QStringLiteral("&Hilfe")), qPrintable(menus.join(u',')));

    QAbstractItemModel *model = window.findChild<QTableView *>()->model();
    QStringList headers;
    for (int column = 0; column < model->columnCount(); ++column)
        headers << model->headerData(column, Qt::Horizontal).toString();
    QVERIFY2(headers.contains(QStringLiteral("Beschreibung")), qPrintable(headers.join(u',')));
    QVERIFY2(headers.contains(QStringLiteral("Zustand")), qPrintable(headers.join(u',')));
    // The status worker (no project here) reports back before the window goes.
    QTRY_VERIFY(!window.statusBar()->findChild<QLabel *>()->text().startsWith(u"Wird geladen"));
}

void TestTranslations::qtOwnStringsInGerman()
{
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFile::exists(dir + QStringLiteral("/qtbase_de.qm")))
        QSKIP("Qt's German translation is not installed (Debian: qt6-translations-l10n)");
    m_installed = installTranslators(qApp, QLocale(QLocale::German));
    QCOMPARE(m_installed.size(), 2);
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));
}

void TestTranslations::englishNeedsNoTranslator()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    m_installed = installTranslators(qApp);
    QVERIFY(m_installed.isEmpty());
    QCOMPARE(QCoreApplication::translate("tidemark::ui::MainWindow", "&Refresh"),
             QStringLiteral("&Refresh"));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
