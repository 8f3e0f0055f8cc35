#pragma once

#include <QDialog>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QsciScintilla;

namespace tidemark::ui {

// A small modeless find-and-replace dialog for one QScintilla editor (its parent): plain text
// or a regular expression, case, whole words; searches wrap around.
class FindReplaceDialog : public QDialog
{
    Q_OBJECT
public:
    explicit FindReplaceDialog(QsciScintilla *editor);

    // Shows the dialog with or without the replace row; a non-empty text becomes the search.
    void showFor(bool replace, const QString &text);

    QString findText() const;
    void setFindText(const QString &text);
    void setReplaceText(const QString &text);

public Q_SLOTS:
    bool findNext();
    bool findPrevious();
    // Replaces the current match (when it is one) and finds the next.
    bool replaceCurrent();
    // Replaces every match in one undo step; returns how many.
    int replaceAll();

private:
    bool find(bool forward, bool fromStart = false);
    bool selectionIsMatch() const;

    QsciScintilla *m_editor;
    QLineEdit *m_find;
    QLineEdit *m_replace;
    QLabel *m_replaceLabel;
    QCheckBox *m_caseSensitive;
    QCheckBox *m_wholeWords;
    QCheckBox *m_regex;
    QPushButton *m_replaceButton;
    QPushButton *m_replaceAllButton;
    QLabel *m_status;
    bool m_searching = false; // a findFirst() is active, findNext() may continue it
};

} // namespace tidemark::ui
