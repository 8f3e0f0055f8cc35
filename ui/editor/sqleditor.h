#pragma once

#include "common/sqldialect.h"

#include "editor/qscintilla.h"

#include <memory>

namespace tidemark::ui {

class FindReplaceDialog;
class SqlHighlighting;

// The SQL editor of the window: highlighting for the connection's dialect (one SqlLexer per
// editor, through the SqlHighlighting seam), line numbers, folding, brace matching, find and
// replace (Ctrl+F, Ctrl+H, F3), read-only mode (QsciScintilla::setReadOnly), the failing
// statement of a run marked, and colours that follow the palette (light or dark).
//
// Line numbers in this API are 1-based, as database errors and migration files name them.
class SqlEditor : public QsciScintilla
{
    Q_OBJECT
public:
    // Marker numbers (QsciScintilla::markersAtLine() bits).
    enum Marker {
        FailureMarker = 0,
        AddedMarker = 1,
        RemovedMarker = 2,
        ChangedMarker = 3,
        WarningMarker = 4,
    };
    // Whole-line backgrounds for a side-by-side diff.
    enum class LineMark { Added, Removed, Changed };

    explicit SqlEditor(QWidget *parent = nullptr, SqlDialect dialect = SqlDialect::Sqlite);
    ~SqlEditor() override;

    SqlDialect dialect() const;
    void setDialect(SqlDialect dialect);
    // The highlighting backend in use ("qscintilla" here).
    QString highlightingBackend() const;

    // Marks the line that failed: an arrow in the margin, a squiggle under the line and the
    // database's message in a box below it; moves the cursor there. Replaces an earlier mark.
    void markFailure(int line, const QString &message);
    void clearFailure();
    int failureLine() const { return m_failureLine; } // 0 when none
    QString failureMessage() const { return m_failureMessage; }

    // Marks lines that are legal but probably not meant (a mistyped rollback marker, check's
    // findings): an amber marker in the margin, the message in a box below the line and, on
    // hover over the marker or the line, as a tool tip. Replaces earlier warnings.
    void setWarnings(const QList<std::pair<int, QString>> &warnings);
    QList<std::pair<int, QString>> warnings() const { return m_warnings; }
    // The tool tip for a point of the viewport: the warning or failure of the line there
    // (empty when it has none).
    QString toolTipAt(const QPoint &position) const;

    void setLineMark(int line, LineMark mark);
    void clearLineMarks();
    bool hasLineMark(int line, LineMark mark) const;

    // The number the margin shows beside the first line (1 by default): an editor that shows
    // a later part of a file numbers its lines as the file does.
    void setFirstLineNumber(int number);
    int firstLineNumber() const { return m_firstLineNumber; }

    // The colour the text is drawn on (from the palette's Base).
    QColor paperColor() const;

public Q_SLOTS:
    // Shows the find (replace = false) or the find-and-replace dialog, seeded with the selection.
    void showFind(bool replace = false);
    // Finds the next match of the last search (F3); false when there is none.
    bool findNextMatch();

protected:
    void changeEvent(QEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void applyPalette();
    void placeFailureIndicator();
    void annotateWarnings();
    void reannotate(); // the failure's and the warnings' annotations and markers again
    void numberLines();

    std::unique_ptr<SqlHighlighting> m_highlighting;
    FindReplaceDialog *m_findDialog = nullptr;
    int m_firstLineNumber = 1;
    int m_failureLine = 0;
    QString m_failureMessage;
    int m_failureStyle = -1;
    int m_warningStyle = -1;
    QList<std::pair<int, QString>> m_warnings; // 1-based editor lines
    int m_failureIndicator = -1;
    bool m_applyingPalette = false;
};

} // namespace tidemark::ui
