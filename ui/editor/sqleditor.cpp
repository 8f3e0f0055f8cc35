#include "editor/sqleditor.h"

#include "editor/findreplacedialog.h"
#include "highlighting/sqlhighlighting.h"

#include <QAction>
#include <QEvent>
#include <QHelpEvent>
#include <QResizeEvent>
#include <QToolTip>

namespace tidemark::ui {

namespace {

constexpr int lineNumberMargin = 0;
constexpr int markerMargin = 1;
constexpr int foldMargin = 2;

QColor blend(const QColor &base, const QColor &tint, qreal amount)
{
    return QColor::fromRgbF(base.redF() * (1 - amount) + tint.redF() * amount,
                            base.greenF() * (1 - amount) + tint.greenF() * amount,
                            base.blueF() * (1 - amount) + tint.blueF() * amount);
}

} // namespace

SqlEditor::SqlEditor(QWidget *parent, SqlDialect dialect)
    : QsciScintilla(parent)
{
    setUtf8(true);
    m_highlighting = createSqlHighlighting(this, dialect);

    setMarginType(lineNumberMargin, NumberMargin);
    setMarginLineNumbers(lineNumberMargin, true);
    setMarginWidth(lineNumberMargin, QStringLiteral("00000"));
    setMarginType(markerMargin, SymbolMargin);
    setMarginWidth(markerMargin, 14);
    setMarginSensitivity(markerMargin, false);
    setMarginMarkerMask(markerMargin, 1 << FailureMarker);
    setFolding(BoxedTreeFoldStyle, foldMargin);
    setBraceMatching(SloppyBraceMatch);
    setAutoIndent(true);
    setIndentationsUseTabs(false);
    setTabWidth(4);
    setCaretLineVisible(true);
    setAnnotationDisplay(AnnotationBoxed);
    setWrapMode(WrapNone);

    markerDefine(RightArrow, FailureMarker);
    markerDefine(Background, AddedMarker);
    markerDefine(Background, RemovedMarker);
    markerDefine(Background, ChangedMarker);
    markerDefine(Background, WarningMarker); // a tinted line, like the diff marks
    m_failureIndicator = indicatorDefine(SquiggleIndicator);

    auto addShortcut = [this](const QKeySequence &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcut(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    addShortcut(QKeySequence::Find, [this] { showFind(false); });
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_H), [this] { showFind(true); });
    addShortcut(QKeySequence::FindNext, [this] { findNextMatch(); });

    connect(this, &QsciScintilla::linesChanged, this, &SqlEditor::numberLines);
    applyPalette();
}

SqlEditor::~SqlEditor() = default;

void SqlEditor::setFirstLineNumber(int number)
{
    if (number == m_firstLineNumber)
        return;
    m_firstLineNumber = number;
    if (number == 1) {
        clearMarginText();
        setMarginType(lineNumberMargin, NumberMargin);
        setMarginLineNumbers(lineNumberMargin, true);
    } else {
        setMarginType(lineNumberMargin, TextMarginRightJustified);
    }
    numberLines();
}

// Scintilla numbers lines from 1 only; other numbers are the margin's text, line by line.
void SqlEditor::numberLines()
{
    if (m_firstLineNumber == 1)
        return;
    const int count = lines();
    for (int line = 0; line < count; ++line)
        setMarginText(line, QString::number(m_firstLineNumber + line), STYLE_LINENUMBER);
}

SqlDialect SqlEditor::dialect() const
{
    return m_highlighting->dialect();
}

void SqlEditor::setDialect(SqlDialect dialect)
{
    m_highlighting->setDialect(dialect);
    applyPalette(); // setting the lexer again resets margins and caret colours
}

QString SqlEditor::highlightingBackend() const
{
    return m_highlighting->backendName();
}

void SqlEditor::markFailure(int line, const QString &message)
{
    clearFailure();
    if (line < 1)
        return;
    m_failureLine = line;
    m_failureMessage = message;
    const int index = line - 1;
    markerAdd(index, FailureMarker);
    placeFailureIndicator();
    if (!message.isEmpty())
        annotate(index, message, m_failureStyle);
    setCursorPosition(index, 0);
    ensureLineVisible(index);
}

void SqlEditor::clearFailure()
{
    markerDeleteAll(FailureMarker);
    clearIndicatorRange(0, 0, qMax(0, lines() - 1), lineLength(qMax(0, lines() - 1)),
                        m_failureIndicator);
    clearAnnotations();
    m_failureLine = 0;
    m_failureMessage.clear();
    annotateWarnings();
}

void SqlEditor::setWarnings(const QList<std::pair<int, QString>> &warnings)
{
    m_warnings = warnings;
    reannotate();
}

void SqlEditor::resizeEvent(QResizeEvent *event)
{
    QsciScintilla::resizeEvent(event);
    if (!m_warnings.isEmpty() && event->size().width() != event->oldSize().width())
        reannotate(); // wrapped for the new width
}

void SqlEditor::reannotate()
{
    markerDeleteAll(WarningMarker);
    clearAnnotations();
    if (m_failureLine > 0)
        annotate(m_failureLine - 1, m_failureMessage, m_failureStyle);
    annotateWarnings();
}

QString SqlEditor::toolTipAt(const QPoint &position) const
{
    // The nearest position, also from the margin (POSITIONFROMPOINTCLOSE gives none there).
    const long at = SendScintilla(SCI_POSITIONFROMPOINT, position.x(), position.y());
    const int line = int(SendScintilla(SCI_LINEFROMPOSITION, at)) + 1;
    if (line == m_failureLine)
        return m_failureMessage;
    QStringList messages;
    for (const auto &[warned, message] : m_warnings) {
        if (warned == line)
            messages << message;
    }
    return messages.join(u'\n');
}

bool SqlEditor::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QsciScintilla::viewportEvent(event);
}

// The text broken at spaces into lines of at most columns characters (annotations do not wrap
// by themselves, and a long finding would run out of a narrow pane).
static QString wrapped(const QString &text, int columns)
{
    QStringList out;
    for (const QString &paragraph : text.split(u'\n')) {
        QString line;
        for (const QString &word : paragraph.split(u' ')) {
            if (!line.isEmpty() && line.size() + 1 + word.size() > columns) {
                out << line;
                line.clear();
            }
            line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
        }
        out << line;
    }
    return out.join(u'\n');
}

void SqlEditor::annotateWarnings()
{
    const int margins =
        int(SendScintilla(SCI_GETMARGINWIDTHN, 0) + SendScintilla(SCI_GETMARGINWIDTHN, 1) +
            SendScintilla(SCI_GETMARGINWIDTHN, 2));
    // The box's own font (the style's), measured wide.
    const int charWidth =
        m_warningStyle < 0 ? fontMetrics().averageCharWidth()
                           : int(SendScintilla(SCI_TEXTWIDTH, m_warningStyle, "mmmmmmmmmm")) / 10;
    const int columns = std::max(40, (viewport()->width() - margins) / std::max(1, charWidth) - 2);
    for (const auto &[line, message] : std::as_const(m_warnings)) {
        if (line < 1 || line == m_failureLine)
            continue;
        markerAdd(line - 1, WarningMarker);
        annotate(line - 1, wrapped(message, columns), m_warningStyle);
    }
}

void SqlEditor::placeFailureIndicator()
{
    const int index = m_failureLine - 1;
    fillIndicatorRange(index, 0, index, qMax(1, lineLength(index)), m_failureIndicator);
}

void SqlEditor::setLineMark(int line, LineMark mark)
{
    const int marker = mark == LineMark::Added     ? AddedMarker
                       : mark == LineMark::Removed ? RemovedMarker
                                                   : ChangedMarker;
    markerAdd(line - 1, marker);
}

void SqlEditor::clearLineMarks()
{
    markerDeleteAll(AddedMarker);
    markerDeleteAll(RemovedMarker);
    markerDeleteAll(ChangedMarker);
}

bool SqlEditor::hasLineMark(int line, LineMark mark) const
{
    const int marker = mark == LineMark::Added     ? AddedMarker
                       : mark == LineMark::Removed ? RemovedMarker
                                                   : ChangedMarker;
    return (const_cast<SqlEditor *>(this)->markersAtLine(line - 1) & (1 << marker)) != 0;
}

QColor SqlEditor::paperColor() const
{
    return lexer() ? lexer()->paper(QsciLexerSQL::Default) : paper();
}

void SqlEditor::showFind(bool replace)
{
    if (!m_findDialog)
        m_findDialog = new FindReplaceDialog(this);
    m_findDialog->showFor(replace, hasSelectedText() ? selectedText() : QString());
}

bool SqlEditor::findNextMatch()
{
    if (!m_findDialog) {
        showFind(false);
        return false;
    }
    return m_findDialog->findNext();
}

void SqlEditor::changeEvent(QEvent *event)
{
    QsciScintilla::changeEvent(event);
    if (event->type() == QEvent::PaletteChange && !m_applyingPalette)
        applyPalette();
}

void SqlEditor::applyPalette()
{
    m_applyingPalette = true;
    const QPalette pal = palette();
    m_highlighting->applyPalette(pal);
    const bool dark = isDarkPalette(pal);
    const QColor base = pal.color(QPalette::Base);
    const QColor text = pal.color(QPalette::Text);
    setMarginsBackgroundColor(pal.color(QPalette::Window));
    setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    setFoldMarginColors(pal.color(QPalette::Window), pal.color(QPalette::Window));
    setCaretForegroundColor(text);
    setCaretLineBackgroundColor(blend(base, text, 0.06));
    setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
    setMatchedBraceBackgroundColor(blend(base, QColor(0x3d, 0xae, 0xe9), 0.35));
    setMatchedBraceForegroundColor(text);
    setUnmatchedBraceForegroundColor(QColor(0xda, 0x44, 0x53));
    setMarkerBackgroundColor(blend(base, QColor(0x27, 0xae, 0x60), dark ? 0.30 : 0.22),
                             AddedMarker);
    setMarkerBackgroundColor(blend(base, QColor(0xda, 0x44, 0x53), dark ? 0.30 : 0.22),
                             RemovedMarker);
    setMarkerBackgroundColor(blend(base, QColor(0xf6, 0x74, 0x00), dark ? 0.30 : 0.22),
                             ChangedMarker);
    setMarkerBackgroundColor(QColor(0xda, 0x44, 0x53), FailureMarker);
    setMarkerForegroundColor(QColor(0xda, 0x44, 0x53), FailureMarker);
    setIndicatorForegroundColor(QColor(0xda, 0x44, 0x53), m_failureIndicator);

    // The annotation's style: the message in the error colour on a tinted paper.
    if (m_failureStyle < 0)
        m_failureStyle = STYLE_LASTPREDEFINED + 1 + 64; // clear of the lexer's styles
    SendScintilla(SCI_STYLESETFORE, m_failureStyle,
                  dark ? QColor(0xff, 0xb4, 0xb4) : QColor(0x9f, 0x1d, 0x2a));
    SendScintilla(SCI_STYLESETBACK, m_failureStyle, blend(base, QColor(0xda, 0x44, 0x53), 0.15));
    if (m_failureLine > 0)
        annotate(m_failureLine - 1, m_failureMessage, m_failureStyle);
    // Warnings: the same box in amber.
    setMarkerBackgroundColor(blend(base, QColor(0xf6, 0x74, 0x00), dark ? 0.30 : 0.22),
                             WarningMarker);
    if (m_warningStyle < 0)
        m_warningStyle = m_failureStyle + 1;
    SendScintilla(SCI_STYLESETFORE, m_warningStyle,
                  dark ? QColor(0xff, 0xd5, 0x9e) : QColor(0x8a, 0x4b, 0x00));
    SendScintilla(SCI_STYLESETBACK, m_warningStyle, blend(base, QColor(0xf6, 0x74, 0x00), 0.15));
    annotateWarnings();
    m_applyingPalette = false;
}

} // namespace tidemark::ui
