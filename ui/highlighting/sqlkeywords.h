#pragma once

#include "common/sqldialect.h"

#include <QByteArray>

namespace tidemark::ui {

// Lower-case, space-separated word lists for QsciLexerSQL's keyword sets, per dialect: the
// standard SQL words plus the dialect's own.
struct SqlKeywords
{
    QByteArray keywords;  // set 1: statements and clauses (style Keyword)
    QByteArray types;     // set 5: data types (style KeywordSet5)
    QByteArray functions; // set 6: built-in functions (style KeywordSet6)
};

SqlKeywords sqlKeywords(SqlDialect dialect);

} // namespace tidemark::ui
