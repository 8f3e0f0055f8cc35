#include "version.h"

namespace tidemark {

namespace {

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

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
    qsizetype start = 0;
    while (start <= key.size()) {
        qsizetype end = key.indexOf(u'.', start);
        if (end < 0)
            end = key.size();
        qsizetype first = start;
        while (first + 1 < end && key.at(first) == u'0')
            ++first;
        const QStringView digits = QStringView(key).sliced(first, end - first);
        v.m_digits.append(digits.toString());
        if (digits.size() > 19)
            v.m_big = true;
        else
            v.m_numbers.append(digits.toULongLong());
        start = end + 1;
    }
    while (v.m_digits.size() > 1 && v.m_digits.last() == u"0") {
        v.m_digits.removeLast();
        v.m_numbers.removeLast();
    }
    if (!v.m_big)
        v.m_digits.clear(); // the numbers say it all
    return v;
}

QString Version::canonicalKey() const
{
    if (m_big)
        return m_digits.join(u'.');
    QString key;
    for (qsizetype i = 0; i < m_numbers.size(); ++i) {
        if (i > 0)
            key += u'.';
        key += QString::number(m_numbers.at(i));
    }
    return key;
}

int Version::compare(const Version &other) const
{
    if (!m_big && !other.m_big) {
        const qsizetype n = std::max(m_numbers.size(), other.m_numbers.size());
        for (qsizetype i = 0; i < n; ++i) {
            const quint64 a = i < m_numbers.size() ? m_numbers.at(i) : 0;
            const quint64 b = i < other.m_numbers.size() ? other.m_numbers.at(i) : 0;
            if (a != b)
                return a < b ? -1 : 1;
        }
        return 0;
    }
    // Rare: at least one component of more than 19 digits.
    const auto digitsOf = [](const Version &v) {
        if (v.m_big)
            return v.m_digits;
        QList<QString> digits;
        for (quint64 n : v.m_numbers)
            digits.append(QString::number(n));
        return digits;
    };
    const QList<QString> mine = digitsOf(*this);
    const QList<QString> theirs = digitsOf(other);
    const qsizetype n = std::max(mine.size(), theirs.size());
    for (qsizetype i = 0; i < n; ++i) {
        const QString a = i < mine.size() ? mine.at(i) : QStringLiteral("0");
        const QString b = i < theirs.size() ? theirs.at(i) : QStringLiteral("0");
        if (const int c = compareDigits(a, b))
            return c;
    }
    return 0;
}

} // namespace tidemark
