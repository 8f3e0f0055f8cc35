#pragma once

#include "common/sqldialect.h"
#include "sqlkeywords.h"

#include "editor/qscintilla.h"

class QPalette;

namespace tidemark::ui {

// QsciLexerSQL with the keyword sets of one dialect (SQLite, PostgreSQL, MariaDB/MySQL; the
// others get standard SQL) and colours taken from a QPalette. One per editor, never shared.
class SqlLexer : public QsciLexerSQL
{
    Q_OBJECT
public:
    explicit SqlLexer(SqlDialect dialect, QObject *parent = nullptr);

    SqlDialect dialect() const { return m_dialect; }
    void setDialect(SqlDialect dialect);
    // Sets paper and text colours of every style: light or dark colours after the palette.
    void applyPalette(const QPalette &palette);

    const char *keywords(int set) const override;

private:
    SqlDialect m_dialect;
    SqlKeywords m_keywords;
};

} // namespace tidemark::ui
