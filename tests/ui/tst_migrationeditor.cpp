// MigrationEditor: loading a file, saving it, the warning before saving an applied file (No
// leaves the file as it was, Yes saves), the failure marker. Real widgets, offscreen.

#include "migrationeditor.h"
#include "sqleditor.h"

#include <QApplication>
#include <QFile>
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
    void init();
    void loadAndSavePending();
    void saveAppliedAsksFirst();
    void unreadableFile();
    void failureMarked();

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
    QCOMPARE(pane.editor()->text().toUtf8(), original);
    QVERIFY(!pane.isModified());
    QSignalSpy saved(&pane, &MigrationEditor::saved);
    pane.editor()->append(QStringLiteral("-- more\n"));
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
    pane.editor()->append(QStringLiteral("-- changed\n"));

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
    pane.editor()->setFocus();
    QTRY_VERIFY(pane.editor()->hasFocus());
    QTest::keySequence(pane.editor(), QKeySequence::Save);
    QTRY_COMPARE(saved.count(), 1);
    QVERIFY(!question.isEmpty());
    QCOMPARE(readAll(m_path), original + "-- changed\n");
}

void TestMigrationEditor::unreadableFile()
{
    MigrationEditor pane;
    QVERIFY(!pane.setMigration(m_dir.filePath(QStringLiteral("missing.sql")), false));
    QVERIFY(pane.editor()->isReadOnly());
    QVERIFY(!pane.save());
}

void TestMigrationEditor::failureMarked()
{
    MigrationEditor pane;
    QVERIFY(pane.setMigration(m_path, true));
    pane.markFailure(2, QStringLiteral("table a already exists"));
    QVERIFY(pane.editor()->markersAtLine(1) & (1 << SqlEditor::FailureMarker));
    QVERIFY(!pane.isModified()); // a mark is no edit
    QVERIFY(pane.setMigration(m_path, true));
    QCOMPARE(pane.editor()->failureLine(), 0); // another load clears it
}

QTEST_MAIN(TestMigrationEditor)
#include "tst_migrationeditor.moc"
