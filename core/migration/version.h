#pragma once

#include <QList>
#include <QString>

namespace tidemark {

// A migration version key ("1.2", "20260204.120000"), compared numerically component by
// component with leading zeros and trailing zero components ignored, as Python's
// packaging.version does for plain release numbers: 1 == 1.0 == 01, 1.10 > 1.9, 11 > 2.0.0.
class Version
{
public:
    Version() = default;
    // key: digits separated by '.' (already normalised from '_'). Invalid keys give isValid()
    // false.
    static Version fromKey(const QString &key);
    static bool isValidRaw(const QString &raw); // ^\d+([._]\d+)*$ with ASCII digits
    static QString keyFromRaw(const QString &raw) { return QString(raw).replace(u'_', u'.'); }

    bool isValid() const { return !m_key.isEmpty(); }
    const QString &key() const { return m_key; }
    // One spelling for all equal versions ("1.0" and "01" both give "1"), for hashing.
    QString canonicalKey() const;
    int compare(const Version &other) const; // <0, 0, >0

    friend bool operator==(const Version &a, const Version &b) { return a.compare(b) == 0; }
    friend bool operator<(const Version &a, const Version &b) { return a.compare(b) < 0; }
    friend bool operator>(const Version &a, const Version &b) { return a.compare(b) > 0; }
    friend bool operator<=(const Version &a, const Version &b) { return a.compare(b) <= 0; }

private:
    QString m_key;
    // Each component as a number, trailing zero components removed. A component too long for
    // 64 bits (versions are free text to users) switches to comparing digit strings.
    QList<quint64> m_numbers;
    QList<QString> m_digits; // only when m_big: components without leading zeros
    bool m_big = false;
};

} // namespace tidemark
