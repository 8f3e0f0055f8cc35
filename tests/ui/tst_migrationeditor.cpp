// MigrationEditor: loading a file into its upgrade and rollback editors, saving it (byte for
// byte when nothing changed, a rollback section added where there was none), the warning before
// saving an applied file (No leaves the file as it was, Yes saves), file line numbers and the
// failure marker in either section. Real widgets, offscreen.

#include "editor/migrationeditor.h"
#include "editor/sqleditor.h"
#include "offscreennoise.h"

#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace tidemark::ui;

namespace {

const QByteArray original = "-- upgrade\nCREATE TABLE a (id int);\n\n-- rollback\nDROP TABLE a;\n";

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Answers the next message box with the button, once it shows; records its text.
void answerNextMessageBox(QMessageBox::StandardButton button, QString *text)
{
    auto *timer = new QTimer(qApp);
    timer->setInterval(20);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, text] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        *text = box->text();
        box->button(button)->click();
        timer->deleteLater();
    });
    timer->start();
}

} // namespace

class TestMigrationEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { tidemark::test::dropOffscreenNoise(); }
    void init();
    void loadAndSavePending();
    void saveAppliedAsksFirst();
    void unreadableFile();
    void failureMarked();
    void nearMissMarkerWarned();
    void checkFindingsMarked();
    void sectionsKeepBytes_data();
    void sectionsKeepBytes();
    void rollbackAddedToFileWithoutOne();
    void rollbackNumberedAsFileLines();
    void failureInRollbackSection();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void TestMigrationEditor::init()
{
    m_path = m_dir.filePath(QStringLiteral("V1__create_a.sql"));
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(original);
}

void TestMigrationEditor::loadAndSavePending()
{
    MigrationEditor pane;
    QVERIFY(pane.setMigration(m_path, false));
    QCOMPARE(pane.upgradeEditor()->text(),
             QStringLiteral("-- upgrade\nCREATE TABLE a (id int);\n\n"));
    QCOMPARE(pane.rollbackEditor()->text(), QStringLiteral("DROP TABLE a;\n"));
    QCOMPARE(pane.text().toUtf8(), original);
    QVERIFY(!pane.isModified());
    QSignalSpy saved(&pane, &MigrationEditor::saved);
    pane.rollbackEditor()->append(QStringLiteral("-- more\n"));
    QVERIFY(pane.isModified());
    QVERIFY(pane.save()); // no question for a pending file
    QCOMPARE(readAll(m_path), original + "-- more\n");
    QCOMPARE(saved.count(), 1);
    QVERIFY(!pane.isModified());
}

void TestMigrationEditor::saveAppliedAsksFirst()
{
    MigrationEditor pane;
    pane.show();
    QVERIFY(pane.setMigration(m_path, true));
    pane.rollbackEditor()->append(QStringLiteral("-- changed\n"));

    QString question;
    answerNextMessageBox(QMessageBox::No, &question);
    QVERIFY(!pane.save());
    QVERIFY2(question.contains(QStringLiteral("checksum")), qPrintable(question));
    QCOMPARE(readAll(m_path), original);
    QVERIFY(pane.isModified());

    // Ctrl+S goes through the same question.
    question.clear();
    answerNextMessageBox(QMessageBox::Yes, &question);
    QSignalSpy saved(&pane, &MigrationEditor::saved);
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    pane.activateWindow();
    pane.upgradeEditor()->setFocus();
    QTRY_VERIFY(pane.upgradeEditor()->hasFocus());
    QTest::keySequence(pane.upgradeEditor(), QKeySequence::Save);
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(!question.isEmpty());
    QCOMPARE(readAll(m_path), original + "-- changed\n");
}

void TestMigrationEditor::unreadableFile()
{
    MigrationEditor pane;
    QVERIFY(!pane.setMigration(m_dir.filePath(QStringLiteral("missing.sql")), false));
    QVERIFY(pane.upgradeEditor()->isReadOnly());
    QVERIFY(pane.rollbackEditor()->isReadOnly());
    QVERIFY(!pane.save());
}

// "-- rollback:" is not the marker: the editor marks the line and says what it means, and the
// header says the file runs without a transaction.
void TestMigrationEditor::nearMissMarkerWarned()
{
    const QString path = m_dir.filePath(QStringLiteral("V2__near_miss.sql"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-- tidemark: transaction=off\nCREATE TABLE b (id INT);\n-- rollback:\n"
               "DROP TABLE b;\n");
    file.close();
    MigrationEditor pane;
    QVERIFY(pane.setMigration(path, false));
    const auto warnings = pane.upgradeEditor()->warnings();
    QMap<int, QString> byLine;
    for (const auto &[line, text] : warnings)
        byLine.insert(line, text);
    QVERIFY(byLine.value(3).contains(QStringLiteral("is not the rollback marker")));
    QVERIFY(byLine.value(3).contains(QStringLiteral("[near-miss-rollback-marker]")));
    // check's other findings on this file, joined on line 1: no rollback section, and a
    // transaction=off the two statements do not need.
    QVERIFY(byLine.value(1).contains(QStringLiteral("[missing-rollback]")));
    QVERIFY(byLine.value(1).contains(QStringLiteral("[transaction-off-could-be-atomic]")));
    QVERIFY(pane.upgradeEditor()->markersAtLine(2) & (1 << SqlEditor::WarningMarker));
    QVERIFY(
        pane.upgradeEditor()->annotation(2).simplified().contains(QStringLiteral("-- rollback:")));
    const auto labels = pane.findChildren<QLabel *>();
    QVERIFY(std::any_of(labels.cbegin(), labels.cend(), [](QLabel *l) {
        return l->text().contains(QStringLiteral("runs without a transaction"));
    }));
    QVERIFY(pane.setMigration(m_path, true)); // another file: no warnings left
    QVERIFY(pane.upgradeEditor()->warnings().isEmpty());
    QVERIFY(!(pane.upgradeEditor()->markersAtLine(2) & (1 << SqlEditor::WarningMarker)));
}

void TestMigrationEditor::checkFindingsMarked()
{
    // The window shows check's findings for the project's database on their lines; rules the
    // project switched off are not shown.
    const QString path = m_dir.filePath(QStringLiteral("V3__index.sql"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("-- upgrade\nCREATE INDEX ix_title ON books (title);\n-- rollback\n"
               "DROP INDEX ix_title;\n");
    file.close();
    MigrationEditor pane;
    QVERIFY(pane.setMigration(path, false));
    QVERIFY(pane.upgradeEditor()->warnings().isEmpty()); // SQLite: no lock hazard
    pane.setDialect(tidemark::SqlDialect::Postgres);
    QVERIFY(pane.setMigration(path, false));
    const auto warnings = pane.upgradeEditor()->warnings();
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(warnings.first().first, 2);
    QVERIFY2(warnings.first().second.startsWith(
                 QStringLiteral("warning [pg-index-without-concurrently]")),
             qPrintable(warnings.first().second));
    QVERIFY(pane.upgradeEditor()->markersAtLine(1) & (1 << SqlEditor::WarningMarker));
    tidemark::CheckSettings settings;
    settings.disabled.insert(QStringLiteral("pg-index-without-concurrently"));
    pane.setCheckSettings(settings);
    QVERIFY(pane.setMigration(path, false));
    QVERIFY(pane.upgradeEditor()->warnings().isEmpty());
}

void TestMigrationEditor::failureMarked()
{
    MigrationEditor pane;
    QVERIFY(pane.setMigration(m_path, true));
    pane.markFailure(2, QStringLiteral("table a already exists"));
    QVERIFY(pane.upgradeEditor()->markersAtLine(1) & (1 << SqlEditor::FailureMarker));
    QCOMPARE(pane.failureLine(), 2);
    QVERIFY(!pane.isModified()); // a mark is no edit
    QVERIFY(pane.setMigration(m_path, true));
    QCOMPARE(pane.failureLine(), 0); // another load clears it
    QCOMPARE(pane.upgradeEditor()->failureLine(), 0);
}

// A file saved after an edit that is undone again is the same bytes, whatever its line breaks,
// marker spelling or byte-order mark.
void TestMigrationEditor::sectionsKeepBytes_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("template") << QByteArray("-- upgrade\n\n-- rollback\n");
    QTest::newRow("crlf") << QByteArray("CREATE TABLE a (\r\n id INT\r\n);\r\n  --ROLLBACK \r\n"
                                        "DROP TABLE a;\r\n");
    QTest::newRow("bom, no final break")
        << QByteArray("\xEF\xBB\xBFSELECT 1;\n--rollback\nSELECT 2;");
    QTest::newRow("marker last") << QByteArray("SELECT 1;\n-- rollback");
    QTest::newRow("no rollback") << QByteArray("SELECT 1;\n");
    QTest::newRow("empty") << QByteArray();
}

void TestMigrationEditor::sectionsKeepBytes()
{
    QFETCH(QByteArray, content);
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
    MigrationEditor pane;
    QVERIFY(pane.setMigration(m_path, false));
    QCOMPARE(pane.text().toUtf8(), content);
    // An edit in each section, taken back: modified, saved, the same bytes.
    pane.upgradeEditor()->append(QStringLiteral("x"));
    pane.rollbackEditor()->append(QStringLiteral("y"));
    QVERIFY(pane.isModified());
    pane.upgradeEditor()->setText(pane.upgradeEditor()->text().chopped(1));
    pane.rollbackEditor()->setText(pane.rollbackEditor()->text().chopped(1));
    QVERIFY(pane.isModified());
    QVERIFY(pane.save());
    QCOMPARE(readAll(m_path), content);
}

void TestMigrationEditor::rollbackAddedToFileWithoutOne()
{
    {
        QFile file(m_path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write("CREATE TABLE b (id int);"); // no final line break
    }
    MigrationEditor pane;
    QVERIFY(pane.setMigration(m_path, false));
    QCOMPARE(pane.rollbackEditor()->text(), QString());
    QCOMPARE(pane.rollbackEditor()->firstLineNumber(), 3); // after a marker on line 2
    pane.rollbackEditor()->setText(QStringLiteral("DROP TABLE b;\n"));
    QVERIFY(pane.save());
    QCOMPARE(readAll(m_path), QByteArray("CREATE TABLE b (id int);\n-- rollback\nDROP TABLE b;\n"));
    // The editors show the file as it now is; the core reads the new section.
    QCOMPARE(pane.upgradeEditor()->text(), QStringLiteral("CREATE TABLE b (id int);\n"));
    QVERIFY(!pane.isModified());
}

void TestMigrationEditor::rollbackNumberedAsFileLines()
{
    MigrationEditor pane;
    QVERIFY(pane.setMigration(m_path, false)); // the marker is file line 4
    QCOMPARE(pane.upgradeEditor()->firstLineNumber(), 1);
    QCOMPARE(pane.rollbackEditor()->firstLineNumber(), 5);
    // Lines typed into the upgrade section move the rollback's numbers with them.
    pane.upgradeEditor()->insertAt(QStringLiteral("-- one\n-- two\n"), 0, 0);
    QCOMPARE(pane.rollbackEditor()->firstLineNumber(), 7);
}

void TestMigrationEditor::failureInRollbackSection()
{
    MigrationEditor pane;
    QVERIFY(pane.setMigration(m_path, true));
    pane.markFailure(5, QStringLiteral("no such table: a")); // DROP TABLE a; is file line 5
    QCOMPARE(pane.upgradeEditor()->failureLine(), 0);
    QCOMPARE(pane.rollbackEditor()->failureLine(), 1);
    QVERIFY(pane.rollbackEditor()->markersAtLine(0) & (1 << SqlEditor::FailureMarker));
    QCOMPARE(pane.failureLine(), 5);
}

QTEST_MAIN(TestMigrationEditor)
#include "tst_migrationeditor.moc"
