// Connection profiles against a real Secret Service (GNOME Keyring in a D-Bus session of the
// test's own, see with-keyring.sh) and the PostgreSQL test server: the password goes to the
// keychain and never to the settings file; Test Connection; the window on a chosen profile.
#include "windowtest.h"

#include "compare/comparedialog.h"
#include "connections/connectionchooser.h"
#include "connections/connectionprofiles.h"
#include "connections/connectionprofilesdialog.h"
#include "connections/profilekeychain.h"
#include "review/reviewdialog.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QComboBox>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QStatusBar>
#include <QTableWidget>
#include <QTimer>

#include <memory>
#include <optional>

using namespace tidemark;
using namespace tidemark::test;
using ui::ConnectionProfiles;
using ui::ConnectionProfilesDialog;

namespace {

// What the keychain holds for the profile, read with secret-tool: not through QtKeychain, so
// the test does not trust the code it checks. Empty when there is no entry.
QString keychainEntry(const QString &profileId)
{
    QProcess tool;
    tool.start(QStringLiteral("secret-tool"),
               {QStringLiteral("lookup"), QStringLiteral("server"), ui::ProfileKeychain::service(),
                QStringLiteral("user"), profileId});
    if (!tool.waitForFinished(10000))
        return QStringLiteral("<secret-tool did not finish>"); // never reads as "no entry"
    return QString::fromUtf8(tool.readAllStandardOutput());
}

QByteArray settingsBytes()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

template <typename T> T *child(QWidget *parent, const char *name)
{
    auto *widget = parent->findChild<T *>(QLatin1String(name));
    if (!widget)
        qWarning("no %s", name);
    return widget;
}

// The editor's answer once it is no longer working: ok and the text shown.
struct Shown
{
    bool ok = false;
    QString text;
};

// nullopt when the editor did not answer in time (QVERIFY it at the call site).
std::optional<Shown> waitForResult(ConnectionProfilesDialog *dialog, int timeout = 20000)
{
    auto *label = child<QLabel>(dialog, "profileResultLabel");
    if (!label)
        return std::nullopt;
    if (!QTest::qWaitFor(
            [label] {
                return !label->property("working").toBool() && label->property("ok").isValid();
            },
            timeout)) {
        qWarning("the editor did not answer in time");
        return std::nullopt;
    }
    Shown shown{label->property("ok").toBool(), label->text()};
    label->setProperty("ok", QVariant()); // the next wait sees only a new answer
    return shown;
}

bool typeInto(QWidget *dialog, const char *name, const QString &text)
{
    auto *edit = child<QLineEdit>(dialog, name);
    if (!edit)
        return false;
    edit->clear();
    QTest::keyClicks(edit, text);
    return edit->text() == text;
}

// Clicks the button; false when there is none or it is disabled (QVERIFY it at the call site).
bool click(QWidget *dialog, const char *name)
{
    auto *button = child<QPushButton>(dialog, name);
    if (!button || !button->isEnabled()) {
        qWarning("%s is missing or disabled", name);
        return false;
    }
    QTest::mouseClick(button, Qt::LeftButton);
    return true;
}

// Fills the editor's form for a new profile and clicks Save; nullopt when a step failed or the
// editor did not answer.
std::optional<Shown> addProfile(ConnectionProfilesDialog *dialog, const QString &name,
                                const QString &url, const QString &password,
                                bool production = false)
{
    auto *check = child<QCheckBox>(dialog, "profileProductionCheck");
    if (!check || !click(dialog, "addProfileButton") ||
        !typeInto(dialog, "profileNameEdit", name) || !typeInto(dialog, "profileUrlEdit", url) ||
        !typeInto(dialog, "profilePasswordEdit", password))
        return std::nullopt;
    if (check->isChecked() != production)
        QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(4, check->height() / 2));
    if (check->isChecked() != production || !click(dialog, "saveProfileButton"))
        return std::nullopt;
    return waitForResult(dialog);
}

QString idOf(const QString &name)
{
    const QList<ui::ConnectionProfile> profiles = ConnectionProfiles::list();
    for (const ui::ConnectionProfile &profile : profiles) {
        if (profile.name == name)
            return profile.id;
    }
    return {};
}

// The PG server's URL split into the URL without its password and the password.
ui::SplitUrl pgServer()
{
    Result<ui::SplitUrl> split = ui::splitPassword(serverUrl(SqlDialect::Postgres));
    return split ? split.value() : ui::SplitUrl{};
}

// The PG URL of a scratch database without its password.
QString withoutPassword(const ScratchDatabase &db)
{
    Result<ui::SplitUrl> split = ui::splitPassword(db.url());
    return split ? split->url : QString();
}

// Chooses the profile in the window's Connection combo as a user does: opens its popup and
// clicks the profile's row.
bool chooseConnection(ui::MainWindow &window, const QString &id)
{
    auto *combo = window.findChild<QComboBox *>(QStringLiteral("connectionCombo"));
    const int target = combo->findData(id);
    if (target < 0 || !combo->isEnabled())
        return false;
    combo->showPopup();
    QAbstractItemView *view = combo->view();
    if (!QTest::qWaitForWindowExposed(view->window()))
        return false;
    const QModelIndex index = view->model()->index(target, 0);
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
    return combo->currentIndex() == target;
}

ConnectionProfilesDialog *openEditor(ui::MainWindow &window)
{
    action(window, "connectionProfilesAction")->trigger();
    auto *dialog = window.findChild<ConnectionProfilesDialog *>();
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        qWarning("the editor was not shown");
    return dialog;
}

} // namespace

class TestConnectionProfiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void splitsPassword_data();
    void splitsPassword();
    void savedPasswordLivesInKeychainOnly();
    void testConnectionSucceeds();
    void wrongPasswordShowsServerErrorWithoutPassword();
    void malformedUrlGivesClearError_data();
    void malformedUrlGivesClearError();
    void windowUsesChosenProfile();
    void productionProfileAsksForDatabaseName();
    void deleteRemovesKeychainEntry();
    void unreachableKeychainSavesNothing();
    void passwordlessProfileNeedsNoKeychain();
    void pendingKeychainReadIsNoRun();
    void compareWithProfile();
};

void TestConnectionProfiles::initTestCase()
{
    useTestSettings();
    // Only in the keyring's own session (with-keyring.sh): never the developer's keyring.
    if (qEnvironmentVariable("TIDEMARK_TEST_KEYRING") != u"1")
        QFAIL("run through tests/ui/with-keyring.sh (ctest does)");
}

void TestConnectionProfiles::cleanup()
{
    dropPendingAnswers();
    for (QWidget *widget : QApplication::topLevelWidgets()) {
        if (qobject_cast<QDialog *>(widget))
            widget->close();
    }
}

void TestConnectionProfiles::splitsPassword_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("password");
    QTest::newRow("plain") << "postgresql://app:s3cret@db.example:5432/shop"
                           << "postgresql://app@db.example:5432/shop"
                           << "s3cret";
    QTest::newRow("encoded @ and :")
        << "postgresql+psycopg2://app:p%40ss%3Aw@host/db?sslmode=require"
        << "postgresql+psycopg2://app@host/db?sslmode=require"
        << "p@ss:w";
    // Azure style: a raw '@' in the user name; the password goes after the whole of it.
    QTest::newRow("raw @ in user") << "postgresql://admin@srv:s3cret@srv.example:5432/db"
                                   << "postgresql://admin@srv@srv.example:5432/db"
                                   << "s3cret";
    QTest::newRow("no password") << "mariadb://app@localhost/app"
                                 << "mariadb://app@localhost/app"
                                 << "";
    QTest::newRow("sqlite") << "sqlite:///data/app.db"
                            << "sqlite:///data/app.db"
                            << "";
}

void TestConnectionProfiles::splitsPassword()
{
    QFETCH(QString, typed);
    QFETCH(QString, url);
    QFETCH(QString, password);
    Result<ui::SplitUrl> split = ui::splitPassword(typed);
    QVERIFY2(split.ok(), qPrintable(split ? QString() : split.error().fullText()));
    QCOMPARE(split->url, url);
    QCOMPARE(split->password, password);
    // Put back, core's parser reads the same user and password.
    Result<DatabaseUrl> joined = parseDatabaseUrl(joinUrlPassword(split->url, split->password));
    QVERIFY(joined.ok());
    QCOMPARE(joined->password, password);
    QCOMPARE(joined->user, parseDatabaseUrl(typed)->user);
    QCOMPARE(joined->database, parseDatabaseUrl(typed)->database);
}

void TestConnectionProfiles::savedPasswordLivesInKeychainOnly()
{
    const QString secret = QStringLiteral("Sekr1t-Kept-Apart");
    {
        ConnectionProfilesDialog dialog({});
        dialog.show();
        // The password typed into the URL: moved out of it.
        const std::optional<Shown> saved = addProfile(
            &dialog, QStringLiteral("staging"),
            QStringLiteral("postgresql://deploy:%1@127.0.0.1:1/stage").arg(secret), {}, true);
        QVERIFY2(saved, "no answer in time");
        QVERIFY2(saved->ok, qPrintable(saved->text));
        QCOMPARE(child<QLineEdit>(&dialog, "profileUrlEdit")->text(),
                 QStringLiteral("postgresql://deploy@127.0.0.1:1/stage"));
        QVERIFY(child<QLineEdit>(&dialog, "profilePasswordEdit")->text().isEmpty());
    }
    const QString id = idOf(QStringLiteral("staging"));
    QVERIFY(!id.isEmpty());
    const QByteArray bytes = settingsBytes();
    QVERIFY2(bytes.contains("postgresql://deploy@127.0.0.1:1/stage"), bytes.constData());
    QVERIFY2(!bytes.contains(secret.toUtf8()), "the settings file holds the password");
    QVERIFY(!bytes.contains(QUrl::toPercentEncoding(secret.left(6))));
    QCOMPARE(keychainEntry(id), secret);

    // The store read anew: the profile, and its password from the keychain.
    const ui::ConnectionProfile loaded = ConnectionProfiles::find(id);
    QCOMPARE(loaded.name, QStringLiteral("staging"));
    QCOMPARE(loaded.url, QStringLiteral("postgresql://deploy@127.0.0.1:1/stage"));
    QVERIFY(loaded.production);
    QObject context;
    std::optional<QString> read;
    ui::ProfileKeychain::read(id, &context,
                              [&read](bool ok, const QString &password, const QString &error) {
                                  read = ok ? password : u"error: " + error;
                              });
    QTRY_VERIFY_WITH_TIMEOUT(read.has_value(), 10000);
    QCOMPARE(*read, secret);

    // The editor shown anew lists it, without the password anywhere in its form.
    ConnectionProfilesDialog again({});
    again.show();
    again.select(id);
    QCOMPARE(child<QLineEdit>(&again, "profileNameEdit")->text(), QStringLiteral("staging"));
    QVERIFY(child<QLineEdit>(&again, "profilePasswordEdit")->text().isEmpty());
    QVERIFY(child<QCheckBox>(&again, "profileProductionCheck")->isChecked());
    QVERIFY(child<QListWidget>(&again, "profileList")->count() >= 1);
}

void TestConnectionProfiles::testConnectionSucceeds()
{
    const ui::SplitUrl server = pgServer();
    if (server.url.isEmpty()) {
        if (serversRequired())
            QFAIL("TIDEMARK_TEST_PG_URL not set but TIDEMARK_REQUIRE_SERVERS=1");
        QSKIP("TIDEMARK_TEST_PG_URL not set");
    }
    ConnectionProfilesDialog dialog({});
    dialog.show();
    QVERIFY(click(&dialog, "addProfileButton"));
    QVERIFY(typeInto(&dialog, "profileNameEdit", QStringLiteral("pg test server")));
    QVERIFY(typeInto(&dialog, "profileUrlEdit", server.url));
    QVERIFY(typeInto(&dialog, "profilePasswordEdit", server.password));
    QVERIFY(click(&dialog, "testConnectionButton"));
    std::optional<Shown> shown = waitForResult(&dialog);
    QVERIFY2(shown, "no answer in time");
    QVERIFY2(shown->ok, qPrintable(shown->text));
    QVERIFY2(shown->text.contains(u"PostgreSQL"), qPrintable(shown->text)); // the server's version
    QVERIFY(!shown->text.contains(server.password));

    // Saved, then tested with the password the keychain holds (the field left empty).
    QVERIFY(click(&dialog, "saveProfileButton"));
    shown = waitForResult(&dialog);
    QVERIFY2(shown, "no answer in time");
    QVERIFY2(shown->ok, qPrintable(shown->text));
    QVERIFY(child<QLineEdit>(&dialog, "profilePasswordEdit")->text().isEmpty());
    QVERIFY(click(&dialog, "testConnectionButton"));
    shown = waitForResult(&dialog);
    QVERIFY2(shown, "no answer in time");
    QVERIFY2(shown->ok, qPrintable(shown->text));
    QVERIFY(shown->text.contains(u"PostgreSQL"));
}

void TestConnectionProfiles::wrongPasswordShowsServerErrorWithoutPassword()
{
    const ui::SplitUrl server = pgServer();
    if (server.url.isEmpty()) {
        if (serversRequired())
            QFAIL("TIDEMARK_TEST_PG_URL not set but TIDEMARK_REQUIRE_SERVERS=1");
        QSKIP("TIDEMARK_TEST_PG_URL not set");
    }
    const QString wrong = QStringLiteral("Wr0ng-Passw0rd-xyz");
    ConnectionProfilesDialog dialog({});
    dialog.show();
    QVERIFY(click(&dialog, "addProfileButton"));
    QVERIFY(typeInto(&dialog, "profileUrlEdit", joinUrlPassword(server.url, wrong)));
    QVERIFY(click(&dialog, "testConnectionButton"));
    const std::optional<Shown> shown = waitForResult(&dialog);
    QVERIFY2(shown, "no answer in time");
    QVERIFY(!shown->ok);
    QVERIFY2(shown->text.contains(u"password authentication failed"), qPrintable(shown->text));
    QVERIFY2(!shown->text.contains(wrong), qPrintable(shown->text));
    QVERIFY2(shown->text.contains(u":***@"), qPrintable(shown->text)); // the URL, redacted
}

void TestConnectionProfiles::malformedUrlGivesClearError_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unknown scheme") << "oracle://scott:T1ger-Secret@db/orcl"
                                    << "oracle";
    QTest::newRow("no scheme") << "localhost:5432/app"
                               << "no valid scheme";
    QTest::newRow("bad port") << "postgresql://app:T1ger-Secret@host:port/app"
                              << "port";
    QTest::newRow("secret in query") << "postgresql://app@host/app?password=T1ger-Secret"
                                     << "Password field";
    QTest::newRow("empty") << ""
                           << "empty";
}

void TestConnectionProfiles::malformedUrlGivesClearError()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    ConnectionProfilesDialog dialog({});
    dialog.show();
    QVERIFY(click(&dialog, "addProfileButton"));
    QVERIFY(typeInto(&dialog, "profileUrlEdit", url));
    QVERIFY(click(&dialog, "testConnectionButton"));
    const std::optional<Shown> shown = waitForResult(&dialog, 15000);
    QVERIFY2(shown, "no answer in time");
    QVERIFY(!shown->ok);
    QVERIFY2(shown->text.size() > 20, qPrintable(shown->text));
    QVERIFY2(shown->text.contains(expected, Qt::CaseInsensitive), qPrintable(shown->text));
    QVERIFY2(!shown->text.contains(u"T1ger-Secret"), qPrintable(shown->text));
    // Save refuses the same URL and keeps nothing.
    QVERIFY(typeInto(&dialog, "profileNameEdit", QStringLiteral("broken")));
    QVERIFY(click(&dialog, "saveProfileButton"));
    const std::optional<Shown> refused = waitForResult(&dialog);
    QVERIFY2(refused, "no answer in time");
    QVERIFY(!refused->ok);
    QVERIFY(idOf(QStringLiteral("broken")).isEmpty());
    QVERIFY(!settingsBytes().contains("T1ger-Secret"));
}

void TestConnectionProfiles::windowUsesChosenProfile()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    const ui::SplitUrl server = pgServer();
    TempProject project; // no URL of its own
    project.write("V1__create_authors.sql", "-- upgrade\nCREATE TABLE authors (id INT);\n"
                                            "-- rollback\nDROP TABLE authors;\n");
    QString id;
    {
        auto window = openWindow(project);
        QVERIFY(!window->operations()->hasProject()); // nothing to connect to yet
        ConnectionProfilesDialog *editor = openEditor(*window);
        QVERIFY(editor);
        const std::optional<Shown> saved =
            addProfile(editor, QStringLiteral("scratch"), withoutPassword(db), server.password);
        QVERIFY2(saved, "no answer in time");
        QVERIFY2(saved->ok, qPrintable(saved->text));
        editor->close();
        id = idOf(QStringLiteral("scratch"));
        QVERIFY(chooseConnection(*window, id));
        QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && rowsOf(*window)->rowCount() == 1, 20000);
        QCOMPARE(statesOf(*window), QStringList{QStringLiteral("pending")});
        QVERIFY(window->windowTitle().contains(db.name()));
        QVERIFY2(window->windowTitle().contains(u":***@"), qPrintable(window->windowTitle()));
        QVERIFY(!window->windowTitle().contains(server.password));
        auto *label = window->statusBar()->findChild<QLabel *>(QStringLiteral("connectionLabel"));
        QVERIFY(label->text().contains(u"scratch"));
        QVERIFY(label->text().contains(db.name()));
        QVERIFY(!label->text().contains(server.password));
        QVERIFY(!window->runPanel()->findChild<QPlainTextEdit *>()->toPlainText().contains(
            server.password));
        window->close();
    }
    QCOMPARE(ConnectionProfiles::chosenFor(project.jetbaseDir()), id);
    QVERIFY(!settingsBytes().contains(server.password.toUtf8()));

    // Opened again, the project comes back on its remembered profile at once.
    auto window = openWindow(project);
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && rowsOf(*window)->rowCount() == 1, 20000);
    QCOMPARE(window->findChild<QComboBox *>(QStringLiteral("connectionCombo"))->currentData(),
             QVariant(id));
    QVERIFY(window->windowTitle().contains(db.name()));
}

void TestConnectionProfiles::productionProfileAsksForDatabaseName()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    const ui::SplitUrl server = pgServer();
    ScratchDatabase other(SqlDialect::Sqlite);
    TempProject project(other.url()); // the project's own URL: another database
    project.write("V1__create_authors.sql", "-- upgrade\nCREATE TABLE authors (id INT);\n"
                                            "-- rollback\nDROP TABLE authors;\n");
    auto window = openWindow(project);
    QTRY_VERIFY_WITH_TIMEOUT(window->operations()->hasProject(), 20000);
    ConnectionProfilesDialog *editor = openEditor(*window);
    QVERIFY(editor);
    const std::optional<Shown> saved =
        addProfile(editor, QStringLiteral("live"), withoutPassword(db), server.password, true);
    QVERIFY2(saved, "no answer in time");
    QVERIFY2(saved->ok, qPrintable(saved->text));
    editor->close();
    QVERIFY(chooseConnection(*window, idOf(QStringLiteral("live"))));
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && window->windowTitle().contains(db.name()), 20000);
    QVERIFY(window->operations()->snapshot().production);

    window->activateWindow();
    auto upgrade = answerNextConfirmation(true, db.name());
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(upgrade->seen, 20000);
    QVERIFY2(!upgrade->okEnabledBeforeTyping, "no typed confirmation on a production profile");
    QTRY_VERIFY_WITH_TIMEOUT(
        idle(*window) && statesOf(*window) == QStringList{QStringLiteral("applied")}, 30000);
    QCOMPARE(appliedVersions(db), QStringList{"1"});
    QVERIFY(!other.tableExists(QStringLiteral("authors"))); // the project's URL untouched
}

void TestConnectionProfiles::deleteRemovesKeychainEntry()
{
    ConnectionProfilesDialog dialog({});
    dialog.show();
    const std::optional<Shown> saved =
        addProfile(&dialog, QStringLiteral("to delete"),
                   QStringLiteral("mariadb://app@127.0.0.1:1/app"), QStringLiteral("Gone-Soon-42"));
    QVERIFY2(saved, "no answer in time");
    QVERIFY2(saved->ok, qPrintable(saved->text));
    const QString id = idOf(QStringLiteral("to delete"));
    QCOMPARE(keychainEntry(id), QStringLiteral("Gone-Soon-42"));
    dialog.select(id);
    QVERIFY(click(&dialog, "deleteProfileButton"));
    const std::optional<Shown> deleted = waitForResult(&dialog);
    QVERIFY2(deleted, "no answer in time");
    QVERIFY2(deleted->ok, qPrintable(deleted->text));
    QVERIFY(idOf(QStringLiteral("to delete")).isEmpty());
    QVERIFY(keychainEntry(id).isEmpty());
    QVERIFY(!settingsBytes().contains(id.toUtf8()));
}

namespace {

// Whether this process is the child that runs a test without a reachable Secret Service.
bool inChildWithoutKeychain()
{
    return qEnvironmentVariable("TIDEMARK_TEST_CHILD") == u"nokeychain";
}

// Runs the test function in a child process whose session bus address leads nowhere (libsecret
// keeps its first bus connection for the life of the process, so it cannot be done here).
// Empty when the child passed, else its output.
QString runWithoutKeychain(const char *function)
{
    QProcess child;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TIDEMARK_TEST_CHILD"), QStringLiteral("nokeychain"));
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                       QStringLiteral("unix:path=/nonexistent/tidemark-bus"));
    environment.remove(QStringLiteral("GNOME_KEYRING_CONTROL"));
    child.setProcessEnvironment(environment);
    child.setProcessChannelMode(QProcess::MergedChannels);
    child.start(QCoreApplication::applicationFilePath(), {QLatin1String(function)});
    const bool finished = child.waitForFinished(90000);
    const QByteArray output = child.readAll();
    const bool passed =
        finished && child.exitStatus() == QProcess::NormalExit && child.exitCode() == 0 &&
        output.contains(QByteArray(QByteArray("PASS   : TestConnectionProfiles::") + function));
    if (passed)
        return {};
    // The failures, without the warnings that would push them out of the shown message.
    QStringList lines = QString::fromUtf8(output).split(u'\n');
    lines.removeIf([](const QString &line) { return line.startsWith(u"QWARN"); });
    return lines.join(u'\n') + (finished ? QString() : QStringLiteral("\n(timed out)"));
}

} // namespace

// Without a reachable Secret Service, saving a profile with a password says so and keeps
// nothing.
void TestConnectionProfiles::unreachableKeychainSavesNothing()
{
    if (!inChildWithoutKeychain()) {
        const QString failure = runWithoutKeychain("unreachableKeychainSavesNothing");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        return;
    }
    ConnectionProfilesDialog dialog({});
    dialog.show();
    const std::optional<Shown> saved = addProfile(
        &dialog, QStringLiteral("no keychain"), QStringLiteral("postgresql://app@127.0.0.1:1/app"),
        QStringLiteral("Never-Stored-7"));
    QVERIFY2(saved, "no answer in time");
    QVERIFY(!saved->ok);
    QVERIFY2(saved->text.startsWith(u"Failed: Not saved. "), qPrintable(saved->text));
    QVERIFY2(saved->text.contains(u"keychain"), qPrintable(saved->text));
    QVERIFY2(!saved->text.contains(u"Never-Stored-7"), qPrintable(saved->text));
    QVERIFY(idOf(QStringLiteral("no keychain")).isEmpty());
    QVERIFY(!settingsBytes().contains("Never-Stored-7"));
    // The typed password stays in its (hidden) field for another try.
    QCOMPARE(child<QLineEdit>(&dialog, "profilePasswordEdit")->text(),
             QStringLiteral("Never-Stored-7"));
}

// A profile without a password never needs the keychain: without one it is saved, chosen in the
// window, tested and deleted, and no keychain error shows anywhere.
void TestConnectionProfiles::passwordlessProfileNeedsNoKeychain()
{
    if (!inChildWithoutKeychain()) {
        const QString failure = runWithoutKeychain("passwordlessProfileNeedsNoKeychain");
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        return;
    }
    ScratchDatabase db(SqlDialect::Sqlite);
    TIDEMARK_REQUIRE(db);
    TempProject project; // no URL of its own
    project.write("V1__create_authors.sql", "-- upgrade\nCREATE TABLE authors (id INT);\n"
                                            "-- rollback\nDROP TABLE authors;\n");
    auto window = openWindow(project);
    ConnectionProfilesDialog *editor = openEditor(*window);
    QVERIFY(editor);
    const std::optional<Shown> saved =
        addProfile(editor, QStringLiteral("local file"), db.url(), {});
    QVERIFY2(saved, "no answer in time");
    QVERIFY2(saved->ok, qPrintable(saved->text));
    const QString id = idOf(QStringLiteral("local file"));
    QVERIFY(!id.isEmpty());
    QVERIFY(!ConnectionProfiles::find(id).hasPassword);
    editor->close();

    // Chosen: the window loads the file's database, without a keychain warning.
    QVERIFY(chooseConnection(*window, id));
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window) && rowsOf(*window)->rowCount() == 1, 20000);
    QCOMPARE(statesOf(*window), QStringList{QStringLiteral("pending")});
    QVERIFY2(!window->findChild<QMessageBox *>(QStringLiteral("keychainMessage")),
             "the window asked the keychain for a profile without a password");

    // Tested with the password field empty: no keychain read.
    editor = openEditor(*window);
    QVERIFY(editor);
    editor->select(id);
    QCOMPARE(child<QLineEdit>(editor, "profileUrlEdit")->text(), db.url());
    QVERIFY(click(editor, "testConnectionButton"));
    const std::optional<Shown> tested = waitForResult(editor);
    QVERIFY2(tested, "no answer in time");
    QVERIFY2(tested->ok, qPrintable(tested->text));
    QVERIFY2(tested->text.contains(u"SQLite"), qPrintable(tested->text));

    // Deleted without the keychain; the window goes back to the project's own URL.
    QVERIFY(click(editor, "deleteProfileButton"));
    const std::optional<Shown> deleted = waitForResult(editor);
    QVERIFY2(deleted, "no answer in time");
    QVERIFY2(deleted->ok, qPrintable(deleted->text));
    QVERIFY(idOf(QStringLiteral("local file")).isEmpty());
    QVERIFY(!settingsBytes().contains(id.toUtf8()));
    editor->close();
    QVERIFY(!window->findChild<QMessageBox *>(QStringLiteral("keychainMessage")));
}

// A profile's password still being read (Operations holds the window's requests) is no run: the
// window closes without asking to stop one. Connection Profiles is disabled while busy.
void TestConnectionProfiles::pendingKeychainReadIsNoRun()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    auto window = openWindow(project);
    QTRY_VERIFY_WITH_TIMEOUT(window->operations()->hasProject() && idle(*window), 20000);
    QAction *profiles = action(*window, "connectionProfilesAction");
    QVERIFY(profiles->isEnabled());
    window->operations()->holdConnection(); // what ConnectionChooser does while it reads
    QVERIFY(window->operations()->isBusy());
    QVERIFY(!window->operations()->isRunning());
    QVERIFY(!profiles->isEnabled());

    // Any question box is recorded and answered No (the window then stays open).
    auto asked = std::make_shared<QString>();
    auto *timer = new QTimer(window.get());
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, timer, [asked] {
        if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
            *asked = box->text();
            box->button(QMessageBox::No) ? box->button(QMessageBox::No)->click() : box->reject();
        }
    });
    timer->start();
    QVERIFY2(window->close(), qPrintable(*asked));
    QVERIFY2(asked->isEmpty(), qPrintable(*asked));
    timer->stop();

    window->operations()->setConnection({}, false);
    QVERIFY(!window->operations()->isBusy());
    QVERIFY(profiles->isEnabled());
}

// Database › Compare With… on a saved profile: its URL shown without the password, the
// password read from the keychain to connect, the histories and the schema review of the
// other PostgreSQL database, and the catch-up file named after the profile.
void TestConnectionProfiles::compareWithProfile()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    ScratchDatabase other(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(other);
    const ui::SplitUrl server = pgServer();
    QVERIFY(other.exec(QStringLiteral("CREATE TABLE reviews (id INTEGER PRIMARY KEY, body TEXT)")));
    TempProject project(db.url());
    project.write("V1__create_authors.sql", "-- upgrade\nCREATE TABLE authors (id INT);\n"
                                            "-- rollback\nDROP TABLE authors;\n");
    auto window = openWindow(project);
    QTRY_VERIFY(window->operations()->hasProject());
    answerNextConfirmation();
    clickAction(*window, "upgradeAction");
    QTRY_VERIFY_WITH_TIMEOUT(idle(*window), 20000);

    ConnectionProfilesDialog *editor = openEditor(*window);
    QVERIFY(editor);
    const std::optional<Shown> saved =
        addProfile(editor, QStringLiteral("staging copy"), withoutPassword(other), server.password);
    QVERIFY2(saved, "no answer in time");
    QVERIFY2(saved->ok, qPrintable(saved->text));
    editor->close();
    const QString id = idOf(QStringLiteral("staging copy"));

    clickAction(*window, "compareWithAction");
    auto *dialog = window->findChild<ui::CompareDialog *>(QStringLiteral("compareDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    const int index = dialog->targetCombo()->findData(id);
    QVERIFY2(index >= 0, "the new profile is not offered");
    dialog->targetCombo()->setCurrentIndex(index);
    QCOMPARE(dialog->urlEdit()->text(), withoutPassword(other));
    QVERIFY(dialog->urlEdit()->isReadOnly());
    QTest::mouseClick(dialog->compareButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy(), 20000);
    // Connected with the keychain's password: the other database has no history, so V1 is
    // applied here only.
    QTableWidget *table = dialog->historyTable();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->data(Qt::UserRole).toString(), QStringLiteral("only_here"));
    QVERIFY2(!dialog->summaryText().contains(server.password), "the password is shown");

    QVERIFY(dialog->schemaButton()->isEnabled());
    QTest::mouseClick(dialog->schemaButton(), Qt::LeftButton);
    auto *review = dialog->findChild<ui::ReviewDialog *>(QStringLiteral("compareReviewDialog"));
    QVERIFY(review);
    QTRY_VERIFY_WITH_TIMEOUT(!review->isBusy() && review->migration().has_value(), 20000);
    QStringList kinds;
    for (const SchemaChange &c : review->changes())
        kinds.append(schemaChangeKindName(c.kind) + u' ' + c.table);
    kinds.sort();
    QCOMPARE(kinds, (QStringList{"add_table reviews", "drop_table authors"}));
    QVERIFY(review->saveAsMigration());
    QVERIFY2(review->savedPath().endsWith(QStringLiteral("__catch_up_with_staging_copy.sql")),
             qPrintable(review->savedPath()));
    QFile file(review->savedPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(server.password.toUtf8()));
}

QTEST_MAIN(TestConnectionProfiles)
#include "tst_connectionprofiles.moc"
