#include "editor/findreplacedialog.h"

#include "editor/qscintilla.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

namespace tidemark::ui {

FindReplaceDialog::FindReplaceDialog(QsciScintilla *editor)
    : QDialog(editor)
    , m_editor(editor)
    , m_find(new QLineEdit(this))
    , m_replace(new QLineEdit(this))
    , m_replaceLabel(new QLabel(tr("Replace &with:"), this))
    , m_caseSensitive(new QCheckBox(tr("&Match case"), this))
    , m_wholeWords(new QCheckBox(tr("Whole &words"), this))
    , m_regex(new QCheckBox(tr("Regular e&xpression"), this))
    , m_replaceButton(new QPushButton(tr("&Replace"), this))
    , m_replaceAllButton(new QPushButton(tr("Replace &All"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Find and Replace"));
    auto *findLabel = new QLabel(tr("&Find:"), this);
    findLabel->setBuddy(m_find);
    m_replaceLabel->setBuddy(m_replace);
    auto *next = new QPushButton(tr("Find &Next"), this);
    auto *previous = new QPushButton(tr("Find &Previous"), this);
    next->setDefault(true);

    auto *layout = new QGridLayout(this);
    layout->addWidget(findLabel, 0, 0);
    layout->addWidget(m_find, 0, 1);
    layout->addWidget(next, 0, 2);
    layout->addWidget(previous, 0, 3);
    layout->addWidget(m_replaceLabel, 1, 0);
    layout->addWidget(m_replace, 1, 1);
    layout->addWidget(m_replaceButton, 1, 2);
    layout->addWidget(m_replaceAllButton, 1, 3);
    auto *options = new QHBoxLayout;
    options->addWidget(m_caseSensitive);
    options->addWidget(m_wholeWords);
    options->addWidget(m_regex);
    options->addStretch();
    layout->addLayout(options, 2, 0, 1, 4);
    layout->addWidget(m_status, 3, 0, 1, 4);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons, 4, 0, 1, 4);

    connect(next, &QPushButton::clicked, this, &FindReplaceDialog::findNext);
    connect(previous, &QPushButton::clicked, this, &FindReplaceDialog::findPrevious);
    connect(m_replaceButton, &QPushButton::clicked, this, &FindReplaceDialog::replaceCurrent);
    connect(m_replaceAllButton, &QPushButton::clicked, this, &FindReplaceDialog::replaceAll);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::hide);
    for (QCheckBox *box : {m_caseSensitive, m_wholeWords, m_regex})
        connect(box, &QCheckBox::toggled, this, [this] { m_searching = false; });
    connect(m_find, &QLineEdit::textEdited, this, [this] { m_searching = false; });
}

void FindReplaceDialog::showFor(bool replace, const QString &text)
{
    if (!text.isEmpty() && !text.contains(u'\n'))
        setFindText(text);
    const bool canReplace = replace && !m_editor->isReadOnly();
    for (QWidget *w :
         {static_cast<QWidget *>(m_replaceLabel), static_cast<QWidget *>(m_replace),
          static_cast<QWidget *>(m_replaceButton), static_cast<QWidget *>(m_replaceAllButton)})
        w->setVisible(canReplace);
    m_status->clear();
    show();
    raise();
    activateWindow();
    m_find->setFocus();
    m_find->selectAll();
}

QString FindReplaceDialog::findText() const
{
    return m_find->text();
}

void FindReplaceDialog::setFindText(const QString &text)
{
    m_find->setText(text);
    m_searching = false;
}

void FindReplaceDialog::setReplaceText(const QString &text)
{
    m_replace->setText(text);
}

bool FindReplaceDialog::find(bool forward, bool fromStart)
{
    if (m_find->text().isEmpty())
        return false;
    bool found = false;
    if (m_searching && !fromStart && forward) {
        found = m_editor->findNext();
    } else {
        int line = 0, index = 0;
        if (!fromStart) {
            int lineTo = 0, indexTo = 0;
            if (m_editor->hasSelectedText() && !forward)
                m_editor->getSelection(&line, &index, &lineTo, &indexTo);
            else
                m_editor->getCursorPosition(&line, &index);
        }
        found =
            m_editor->findFirst(m_find->text(), m_regex->isChecked(), m_caseSensitive->isChecked(),
                                m_wholeWords->isChecked(), !fromStart, forward, line, index);
    }
    m_searching = found && forward;
    m_status->setText(found ? QString() : tr("Not found: %1").arg(m_find->text()));
    return found;
}

bool FindReplaceDialog::findNext()
{
    return find(true);
}

bool FindReplaceDialog::findPrevious()
{
    m_searching = false;
    return find(false);
}

bool FindReplaceDialog::selectionIsMatch() const
{
    if (!m_editor->hasSelectedText())
        return false;
    const QString selected = m_editor->selectedText();
    if (m_regex->isChecked()) {
        QRegularExpression re(QStringLiteral("\\A(?:%1)\\z").arg(m_find->text()),
                              m_caseSensitive->isChecked()
                                  ? QRegularExpression::NoPatternOption
                                  : QRegularExpression::CaseInsensitiveOption);
        return re.match(selected).hasMatch();
    }
    return selected.compare(m_find->text(), m_caseSensitive->isChecked()
                                                ? Qt::CaseSensitive
                                                : Qt::CaseInsensitive) == 0;
}

bool FindReplaceDialog::replaceCurrent()
{
    if (m_editor->isReadOnly())
        return false;
    if (selectionIsMatch() && m_searching)
        m_editor->replace(m_replace->text());
    return find(true);
}

int FindReplaceDialog::replaceAll()
{
    if (m_editor->isReadOnly() || m_find->text().isEmpty())
        return 0;
    int count = 0;
    m_editor->beginUndoAction();
    bool found =
        m_editor->findFirst(m_find->text(), m_regex->isChecked(), m_caseSensitive->isChecked(),
                            m_wholeWords->isChecked(), false, true, 0, 0);
    // Searching continues after each replacement, so a replacement holding the text ends.
    while (found && count < 1000000) {
        m_editor->replace(m_replace->text());
        ++count;
        found = m_editor->findNext();
    }
    m_editor->endUndoAction();
    m_searching = false;
    m_status->setText(tr("%n replacement(s)", nullptr, count));
    return count;
}

} // namespace tidemark::ui
