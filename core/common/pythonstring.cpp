#include "pythonstring.h"

namespace tidemark {

bool isPythonSpace(QChar c)
{
    const char16_t u = c.unicode();
    if (u <= 0x20)
        return u == 0x20 || (u >= 0x09 && u <= 0x0D) || (u >= 0x1C && u <= 0x1F);
    switch (u) {
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
        return true;
    default:
        return u >= 0x2000 && u <= 0x200A;
    }
}

QStringView pythonRStrip(QStringView text)
{
    qsizetype end = text.size();
    while (end > 0 && isPythonSpace(text.at(end - 1)))
        --end;
    return text.first(end);
}

QStringView pythonStrip(QStringView text)
{
    text = pythonRStrip(text);
    qsizetype begin = 0;
    while (begin < text.size() && isPythonSpace(text.at(begin)))
        ++begin;
    return text.sliced(begin);
}

QStringView pythonRStripChars(QStringView text, QStringView chars)
{
    qsizetype end = text.size();
    while (end > 0 && chars.contains(text.at(end - 1)))
        --end;
    return text.first(end);
}

} // namespace tidemark
