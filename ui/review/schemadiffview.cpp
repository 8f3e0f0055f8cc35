#include "schemadiffview.h"

#include "editor/sqleditor.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollBar>

namespace tidemark::ui {

SchemaDiffView::SchemaDiffView(QWidget *parent)
    : QWidget(parent)
    , m_before(new SqlEditor(this))
    , m_after(new SqlEditor(this))
    , m_summary(new QLabel(this))
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *beforeLabel = new QLabel(this);
    beforeLabel->setBuddy(m_before);
    auto *afterLabel = new QLabel(this);
    afterLabel->setBuddy(m_after);
    m_beforeLabel = beforeLabel;
    m_afterLabel = afterLabel;
    setTitles(tr("Schema now"), tr("Schema after the ticked changes"));
    layout->addWidget(beforeLabel, 0, 0);
    layout->addWidget(afterLabel, 0, 1);
    layout->addWidget(m_before, 1, 0);
    layout->addWidget(m_after, 1, 1);
    layout->addWidget(m_summary, 2, 0, 1, 2);
    for (SqlEditor *editor : {m_before, m_after}) {
        editor->setReadOnly(true);
        editor->setFolding(QsciScintilla::NoFoldStyle);
        editor->setCaretLineVisible(false);
        // Original line numbers as margin text: filler rows have none.
        editor->setMarginType(0, QsciScintilla::TextMarginRightJustified);
        editor->setMarginWidth(1, 0);
    }
    m_before->setObjectName(QStringLiteral("schemaBefore"));
    m_after->setObjectName(QStringLiteral("schemaAfter"));

    auto link = [this](QScrollBar *from, QScrollBar *to) {
        connect(from, &QScrollBar::valueChanged, this, [this, to](int value) {
            if (m_syncing)
                return;
            m_syncing = true;
            to->setValue(value);
            m_syncing = false;
        });
    };
    link(m_before->verticalScrollBar(), m_after->verticalScrollBar());
    link(m_after->verticalScrollBar(), m_before->verticalScrollBar());
    link(m_before->horizontalScrollBar(), m_after->horizontalScrollBar());
    link(m_after->horizontalScrollBar(), m_before->horizontalScrollBar());
}

void SchemaDiffView::setTitles(const QString &before, const QString &after)
{
    m_beforeLabel->setText(before);
    m_afterLabel->setText(after);
    m_before->setAccessibleName(before);
    m_after->setAccessibleName(after);
}

void SchemaDiffView::setDialect(SqlDialect dialect)
{
    m_before->setDialect(dialect);
    m_after->setDialect(dialect);
}

void SchemaDiffView::setTexts(const QString &before, const QString &after)
{
    auto lines = [](const QString &text) {
        QStringList list = text.split(u'\n');
        if (!list.isEmpty() && list.constLast().isEmpty())
            list.removeLast();
        return list;
    };
    m_diff = sideBySideDiff(lines(before), lines(after));
    fill(m_before, m_diff.left, m_diff.leftLine);
    fill(m_after, m_diff.right, m_diff.rightLine);
    for (qsizetype row = 0; row < m_diff.count(); ++row) {
        const int line = int(row) + 1;
        switch (m_diff.rows.at(row)) {
        case SideBySideDiff::Row::Same:
            break;
        case SideBySideDiff::Row::Removed:
            m_before->setLineMark(line, SqlEditor::LineMark::Removed);
            break;
        case SideBySideDiff::Row::Added:
            m_after->setLineMark(line, SqlEditor::LineMark::Added);
            break;
        case SideBySideDiff::Row::Changed:
            m_before->setLineMark(line, SqlEditor::LineMark::Changed);
            m_after->setLineMark(line, SqlEditor::LineMark::Changed);
            break;
        }
    }
    const qsizetype changed = m_diff.changedRows();
    m_summary->setText(changed == 0
                           ? tr("No difference")
                           : tr("%n line(s) differ: red removed, green added, orange changed",
                                nullptr, int(changed)));
}

void SchemaDiffView::clear()
{
    m_diff = {};
    fill(m_before, {}, {});
    fill(m_after, {}, {});
    m_summary->clear();
}

void SchemaDiffView::fill(SqlEditor *editor, const QStringList &lines,
                          const QList<int> &lineNumbers)
{
    editor->clearLineMarks();
    editor->clearMarginText();
    editor->setText(lines.join(u'\n'));
    int widest = 0;
    for (qsizetype i = 0; i < lineNumbers.size(); ++i) {
        if (lineNumbers.at(i) > 0) {
            editor->setMarginText(int(i), QString::number(lineNumbers.at(i)),
                                  QsciScintillaBase::STYLE_LINENUMBER);
            widest = qMax(widest, lineNumbers.at(i));
        }
    }
    editor->setMarginWidth(0, QString(QString::number(widest).size() + 1, u'0'));
}

} // namespace tidemark::ui
