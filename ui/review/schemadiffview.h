#pragma once

#include "common/sqldialect.h"
#include "sidebysidediff.h"

#include <QWidget>

class QLabel;

namespace tidemark::ui {

class SqlEditor;

// The schema before and after, side by side in two read-only highlighted editors whose
// scrolling is linked; lines are aligned and paired by DTL, removed lines marked on the left,
// added ones on the right, changed ones on both. The margins show the original line numbers.
class SchemaDiffView : public QWidget
{
    Q_OBJECT
public:
    explicit SchemaDiffView(QWidget *parent = nullptr);

    void setDialect(SqlDialect dialect);
    // The captions above the two sides (default: the review's "Schema now" and "Schema after
    // the ticked changes").
    void setTitles(const QString &before, const QString &after);
    // Texts as describeSchema() writes them (one line per column, key, index).
    void setTexts(const QString &before, const QString &after);
    void clear();

    const SideBySideDiff &diff() const { return m_diff; }
    SqlEditor *beforeEditor() const { return m_before; }
    SqlEditor *afterEditor() const { return m_after; }

private:
    void fill(SqlEditor *editor, const QStringList &lines, const QList<int> &lineNumbers);

    SqlEditor *m_before;
    SqlEditor *m_after;
    QLabel *m_summary;
    QLabel *m_beforeLabel = nullptr;
    QLabel *m_afterLabel = nullptr;
    SideBySideDiff m_diff;
    bool m_syncing = false;
};

} // namespace tidemark::ui
