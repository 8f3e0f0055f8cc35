#pragma once

#include "common/result.h"
#include "common/sqldialect.h"

#include <QList>
#include <QString>

namespace tidemark {

// One statement as it will be sent to the database.
struct SqlStatement
{
    QString text; // the statement without its delimiter, trimmed; inner comments kept
    int line = 0; // 1-based file line where the statement's first token starts
};

struct SplitOptions
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString delimiter = QStringLiteral(";"); // from the "-- jetbase: delimiter=" directive
    int firstLine = 1; // file line of the first character of the text being split
};

// Splits SQL text into statements with a real lexer for the dialect (see JETBASE-COMPAT.md §4):
// single quotes with doubled quotes; double-quoted identifiers; PostgreSQL E'...' with
// backslash escapes and $tag$...$tag$ bodies and nested /* */ comments; MySQL backquotes,
// backslash escapes in strings and # comments; -- comments everywhere; BEGIN ... END bodies of
// CREATE TRIGGER (and MySQL CREATE PROCEDURE/FUNCTION/EVENT) are not split at inner ';'.
// With a custom delimiter only that delimiter ends statements (outside quotes and comments).
// Statements that contain only comments or whitespace are dropped. A last statement without a
// delimiter is kept. Unterminated quotes, dollar quotes, backquotes or block comments are an
// Error::Code::Parse whose line is where the construct started.
Result<QList<SqlStatement>> splitStatements(const QString &sql, const SplitOptions &options);

} // namespace tidemark
