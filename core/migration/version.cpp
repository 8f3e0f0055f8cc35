#include "version.h"

namespace tidemark {

namespace {

bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }

// Compares two non-negative integers written as digit strings without leading zeros, so that
// versions with 30-digit components never overflow.
int compareDigits(const QString &a, const QString &b)
{
    if (a.size() != b.size())
        return a.size() < b.size() ? -1 : 1;
    const int c = a.compare(b);
    return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

} // namespace

bool Version::isValidRaw(const QString &raw)
{
    if (raw.isEmpty())
        return false;
    bool expectDigit = true;
    for (QChar c : raw) {
        if (isAsciiDigit(c)) {
            expectDigit = false;
        } else if (c == u'.' || c == u'_') {
            if (expectDigit)
                return false;
            expectDigit = true;
        } else {
            return false;
        }
    }
    return !expectDigit;
}

Version Version::fromKey(const QString &key)
{
    Version v;
    if (!isValidRaw(key) || key.contains(u'_'))
        return v;
    v.m_key = key;
    const QStringList parts = key.split(u'.');
    for (const QString &part : parts) {
        qsizetype i = 0;
        while (i + 1 < part.size() && part.at(i) == u'0')
            ++i;
        v.m_parts.append(part.mid(i));
    }
    while (v.m_parts.size() > 1 && v.m_parts.last() == u"0")
        v.m_parts.removeLast();
    return v;
}

int Version::compare(const Version &other) const
{
    const qsizetype n = std::max(m_parts.size(), other.m_parts.size());
    for (qsizetype i = 0; i < n; ++i) {
        const QString a = i < m_parts.size() ? m_parts.at(i) : QStringLiteral("0");
        const QString b = i < other.m_parts.size() ? other.m_parts.at(i) : QStringLiteral("0");
        if (const int c = compareDigits(a, b))
            return c;
    }
    return 0;
}

} // namespace tidemark
