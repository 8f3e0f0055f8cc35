#pragma once

#include "common/result.h"

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QVariant>

namespace tidemark {

struct TomlEntry
{
    QVariant value; // QString, bool, qlonglong, double or QStringList (arrays of scalars)
    int line = 0;   // 1-based line of the key in the file
};
using TomlEntries = QMap<QString, TomlEntry>;

// Reads the keys of a TOML file: the top-level ones when table is empty, else those of the
// dotted table (pyproject.toml's "tool.jetbase"). Nested tables and arrays of tables are left
// out; dates and times read as their TOML text. A missing file, or a file without the table,
// reads as empty; an unreadable or invalid file is an Error::Code::Config with the file and the
// line of the parse error.
Result<TomlEntries> readTomlTable(const QString &path, const QString &table = {});

// The same for a file's bytes already read; path only names the file in errors.
Result<TomlEntries> parseTomlTable(const QByteArray &bytes, const QString &path,
                                   const QString &table = {});

} // namespace tidemark
