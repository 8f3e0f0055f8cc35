// SqlEditor: the dialect's keyword sets, the failure marker, colours from the palette, find and
// replace. Real widgets on the offscreen platform.

#include "editor/findreplacedialog.h"
#include "editor/sqleditor.h"
#include "highlighting/sqllexer.h"
#include "offscreennoise.h"

#include <QApplication>
#include <QPalette>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::ui;

namespace {

int styleOfWord(SqlEditor &editor, const QString &word)
{
    const int at = editor.text().indexOf(word);
    if (at < 0)
        return -1;
    editor.SendScintilla(QsciScintilla::SCI_COLOURISE, 0, -1);
    const long position =
        editor.positionFromLineIndex(0, 0) + editor.text().left(at).toUtf8().size();
    return int(editor.SendScintilla(QsciScintilla::SCI_GETSTYLEAT, position));
}

QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    return dark;
}

} // namespace

class TestSqlEditor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { tidemark::test::dropOffscreenNoise(); }
    void dialectKeywords();
    void failureMarker();
    void paletteRecolours();
    void applicationPaletteRecolours();
    void findAndReplace();
    void readOnly();
};

void TestSqlEditor::dialectKeywords()
{
    SqlEditor editor(nullptr, SqlDialect::Postgres);
    QCOMPARE(editor.highlightingBackend(), QStringLiteral("qscintilla"));
    auto *lexer = qobject_cast<SqlLexer *>(editor.lexer());
    QVERIFY(lexer);
    QCOMPARE(lexer->dialect(), SqlDialect::Postgres);
    editor.setText(
        QStringLiteral("SELECT id FROM t; -- note\nCREATE TABLE x (id serial, v jsonb);\n"
                       "PRAGMA foreign_keys = ON;\n"));
    QCOMPARE(styleOfWord(editor, QStringLiteral("SELECT")), int(QsciLexerSQL::Keyword));
    QCOMPARE(styleOfWord(editor, QStringLiteral("-- note")), int(QsciLexerSQL::CommentLine));
    QCOMPARE(styleOfWord(editor, QStringLiteral("serial")), int(QsciLexerSQL::KeywordSet5));
    QCOMPARE(styleOfWord(editor, QStringLiteral("jsonb")), int(QsciLexerSQL::KeywordSet5));
    QCOMPARE(styleOfWord(editor, QStringLiteral("PRAGMA")), int(QsciLexerSQL::Identifier));

    editor.setDialect(SqlDialect::Sqlite);
    QCOMPARE(editor.dialect(), SqlDialect::Sqlite);
    QCOMPARE(editor.lexer(), lexer); // the same lexer of its own, keywords switched
    QCOMPARE(styleOfWord(editor, QStringLiteral("PRAGMA")), int(QsciLexerSQL::Keyword));
    QCOMPARE(styleOfWord(editor, QStringLiteral("serial")), int(QsciLexerSQL::Identifier));

    SqlEditor other(nullptr, SqlDialect::MySql);
    QVERIFY(other.lexer() != editor.lexer()); // never shared
    other.setText(QStringLiteral("ALTER TABLE t MODIFY c tinyint AUTO_INCREMENT;"));
    QCOMPARE(styleOfWord(other, QStringLiteral("MODIFY")), int(QsciLexerSQL::Keyword));
    QCOMPARE(styleOfWord(other, QStringLiteral("tinyint")), int(QsciLexerSQL::KeywordSet5));
}

void TestSqlEditor::failureMarker()
{
    SqlEditor editor;
    editor.setText(
        QStringLiteral("-- upgrade\nCREATE TABLE a (id int);\nINSERT INTO nope VALUES (1);\n"));
    const QString message = QStringLiteral("no such table: nope");
    editor.markFailure(3, message);
    QCOMPARE(editor.failureLine(), 3);
    QCOMPARE(editor.failureMessage(), message);
    QVERIFY(editor.markersAtLine(2) & (1 << SqlEditor::FailureMarker));
    QVERIFY(!(editor.markersAtLine(1) & (1 << SqlEditor::FailureMarker)));
    QCOMPARE(editor.annotation(2), message);
    int line = -1, index = -1;
    editor.getCursorPosition(&line, &index);
    QCOMPARE(line, 2);

    editor.markFailure(2, QStringLiteral("other"));
    QVERIFY(!(editor.markersAtLine(2) & (1 << SqlEditor::FailureMarker)));
    QVERIFY(editor.markersAtLine(1) & (1 << SqlEditor::FailureMarker));

    editor.clearFailure();
    QCOMPARE(editor.failureLine(), 0);
    QCOMPARE(editor.markersAtLine(1), 0u);
    QVERIFY(editor.annotation(1).isEmpty());
}

void TestSqlEditor::paletteRecolours()
{
    SqlEditor editor;
    editor.setText(QStringLiteral("SELECT 1;"));
    QPalette light;
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    editor.setPalette(light);
    QCOMPARE(editor.paperColor(), QColor(Qt::white));
    const QColor lightKeyword = editor.lexer()->color(QsciLexerSQL::Keyword);

    editor.setPalette(darkPalette());
    QCOMPARE(editor.paperColor(), QColor(0x1e, 0x1e, 0x1e));
    QCOMPARE(editor.lexer()->paper(QsciLexerSQL::Keyword), QColor(0x1e, 0x1e, 0x1e));
    QCOMPARE(editor.lexer()->color(QsciLexerSQL::Default), QColor(0xe0, 0xe0, 0xe0));
    QVERIFY(editor.lexer()->color(QsciLexerSQL::Keyword) != lightKeyword);
    // What Scintilla draws with, not only what the lexer holds.
    const long back = editor.SendScintilla(QsciScintilla::SCI_STYLEGETBACK, QsciLexerSQL::Keyword);
    QCOMPARE(back, long(0x1e1e1e)); // BGR

    editor.setPalette(light);
    QCOMPARE(editor.paperColor(), QColor(Qt::white));
    QCOMPARE(editor.lexer()->color(QsciLexerSQL::Keyword), lightKeyword);
}

void TestSqlEditor::applicationPaletteRecolours()
{
    // The application palette reaches shown windows and their children (the window's case).
    const QPalette original = QApplication::palette();
    QWidget window;
    auto *editor = new SqlEditor(&window);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QColor before = editor->paperColor();
    QVERIFY(before != QColor(0x1e, 0x1e, 0x1e));
    QApplication::setPalette(darkPalette());
    QTRY_COMPARE(editor->paperColor(), QColor(0x1e, 0x1e, 0x1e));
    QApplication::setPalette(original);
    QTRY_COMPARE(editor->paperColor(), before);
}

void TestSqlEditor::findAndReplace()
{
    SqlEditor editor;
    editor.setText(QStringLiteral("select a from t;\nselect b from t;\nSELECT c from u;\n"));
    FindReplaceDialog dialog(&editor);
    dialog.setFindText(QStringLiteral("select"));
    QVERIFY(dialog.findNext());
    QCOMPARE(editor.selectedText(), QStringLiteral("select"));
    dialog.setReplaceText(QStringLiteral("SELECT DISTINCT"));
    QCOMPARE(dialog.replaceAll(), 3);
    QCOMPARE(editor.text(), QStringLiteral("SELECT DISTINCT a from t;\nSELECT DISTINCT b from t;\n"
                                           "SELECT DISTINCT c from u;\n"));
    editor.undo();
    QCOMPARE(editor.text(),
             QStringLiteral("select a from t;\nselect b from t;\nSELECT c from u;\n"));
    dialog.setFindText(QStringLiteral("nothing here"));
    QVERIFY(!dialog.findNext());
}

void TestSqlEditor::readOnly()
{
    SqlEditor editor;
    editor.setText(QStringLiteral("select 1;"));
    editor.setReadOnly(true);
    FindReplaceDialog dialog(&editor);
    dialog.setFindText(QStringLiteral("1"));
    dialog.setReplaceText(QStringLiteral("2"));
    QCOMPARE(dialog.replaceAll(), 0);
    QCOMPARE(editor.text(), QStringLiteral("select 1;"));
}

QTEST_MAIN(TestSqlEditor)
#include "tst_sqleditor.moc"
