// The one place that chooses a highlighting backend.
//
// TIDEMARK_HAVE_KSYNTAXHIGHLIGHTING is defined (to 1) by ui/CMakeLists.txt when the CMake option
// TIDEMARK_KSYNTAXHIGHLIGHTING found KF6SyntaxHighlighting. Debian 12 ships Qt 6.4.2 and KF6
// needs Qt 6.5 or later, so it is never found there and no KSyntaxHighlighting backend is
// written yet: code that cannot be compiled and tested here is not kept. When one is written, it
// implements SqlHighlighting and is created in the #if below.

#include "sqlhighlighting.h"

#include "qscisqlhighlighting.h"

#include <QPalette>

namespace tidemark::ui {

std::unique_ptr<SqlHighlighting> createSqlHighlighting(QsciScintilla *editor, SqlDialect dialect)
{
#if defined(TIDEMARK_HAVE_KSYNTAXHIGHLIGHTING) && TIDEMARK_HAVE_KSYNTAXHIGHLIGHTING
    // Found, but no backend uses it yet: fall through to QScintilla's lexer.
#endif
    return std::make_unique<QsciSqlHighlighting>(editor, dialect);
}

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < palette.color(QPalette::Text).lightness();
}

} // namespace tidemark::ui
