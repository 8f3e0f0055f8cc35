#pragma once

#include <QString>
#include <QStringView>

namespace tidemark {

// Python's str.isspace(), which Jetbase's str.strip() uses; it differs from QChar::isSpace()
// (U+001C..U+001F count, for instance), and checksums depend on it.
bool isPythonSpace(QChar c);
QStringView pythonStrip(QStringView text);
QStringView pythonRStrip(QStringView text);
// Python's str.rstrip(chars): removes every trailing character that occurs in chars.
QStringView pythonRStripChars(QStringView text, QStringView chars);

} // namespace tidemark
