#pragma once

#include "common/sqldialect.h"

#include <QString>

namespace tidemark {

// An identifier as generated SQL writes it: bare when it is a plain lower-case name that is no
// reserved word in any of our dialects, else quoted ("..." or `...` on MySQL/MariaDB) with the
// quote character doubled. Bare names keep generated files readable; quoting the rest keeps
// reserved words, mixed case and spaces exact.
QString sqlName(SqlDialect dialect, const QString &name);

// A string literal as generated SQL writes it: quotes doubled, and on MySQL/MariaDB (where a
// backslash escapes by default) backslashes doubled too.
QString sqlString(SqlDialect dialect, const QString &text);

// True for words that PostgreSQL, MySQL/MariaDB or SQLite reserve (case-insensitive).
bool isReservedWord(const QString &word);

} // namespace tidemark
