#pragma once

#include "common/sqldialect.h"

#include <QString>

#include <memory>

class QPalette;
class QsciScintilla;

namespace tidemark::ui {

// The highlighting seam: how an SqlEditor gets its colours. One implementation is built here,
// a QsciLexerSQL subclass per editor (QsciSqlHighlighting). A KSyntaxHighlighting one could be
// added behind createSqlHighlighting() when TIDEMARK_HAVE_KSYNTAXHIGHLIGHTING is set; that
// #if lives in sqlhighlightingfactory.cpp and nowhere else.
class SqlHighlighting
{
public:
    virtual ~SqlHighlighting() = default;

    // "qscintilla" or "ksyntaxhighlighting".
    virtual QString backendName() const = 0;
    virtual SqlDialect dialect() const = 0;
    // Switches the keyword sets; the editor re-styles its text.
    virtual void setDialect(SqlDialect dialect) = 0;
    // Recolours every style from the palette: light or dark, following QPalette::Base.
    virtual void applyPalette(const QPalette &palette) = 0;
};

// Installs highlighting for the dialect on the editor (the editor owns what it installs) and
// returns the handle the editor keeps. Never null.
std::unique_ptr<SqlHighlighting> createSqlHighlighting(QsciScintilla *editor, SqlDialect dialect);

// Whether the palette is a dark one (its base darker than its text).
bool isDarkPalette(const QPalette &palette);

} // namespace tidemark::ui
