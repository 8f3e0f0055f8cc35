#include "terminaltable.h"

namespace tidemark::cli {

namespace {

// Terminal cells a character takes: wide East Asian characters take two, combining marks none.
int displayWidth(const QString &text)
{
    int width = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (c < 0x0300) { // Latin: one cell, and most of what a table holds
            ++width;
            continue;
        }
        if (text.at(i).isHighSurrogate() && i + 1 < text.size()) {
            c = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            ++i;
        }
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_Enclosing)
            continue;
        width += (c >= 0x1100 && (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) ||
                                  (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
                                  (c >= 0xFF00 && c <= 0xFF60) || (c >= 0x1F300 && c <= 0x1FAFF)))
                     ? 2
                     : 1;
    }
    return width;
}

void appendRule(QString &out, const QList<int> &widths, QChar left, QChar fill, QChar middle,
                QChar right)
{
    out += left;
    for (qsizetype i = 0; i < widths.size(); ++i) {
        out.append(QString(widths.at(i) + 2, fill));
        out += i + 1 < widths.size() ? middle : right;
    }
    out += u'\n';
}

void appendRow(QString &out, const QStringList &cells, const QList<int> &widths, QChar border)
{
    out += border;
    for (qsizetype i = 0; i < widths.size(); ++i) {
        const QString cell = cells.value(i);
        out += u' ';
        out += cell;
        for (int pad = widths.at(i) - displayWidth(cell); pad > 0; --pad)
            out += u' ';
        out += u' ';
        out += border;
    }
    out += u'\n';
}

} // namespace

TerminalTable::TerminalTable(QString title, QStringList headers)
    : m_title(std::move(title))
    , m_headers(std::move(headers))
{}

void TerminalTable::addRow(QStringList cells)
{
    for (QString &cell : cells)
        cell.replace(u'\n', u' ');
    m_rows.append(std::move(cells));
}

QString TerminalTable::render() const
{
    QList<int> widths;
    for (const QString &header : m_headers)
        widths.append(displayWidth(header));
    for (const QStringList &cells : m_rows) {
        for (qsizetype i = 0; i < widths.size(); ++i)
            widths[i] = std::max(widths.at(i), displayWidth(cells.value(i)));
    }
    int total = 1;
    for (int w : widths)
        total += w + 3;

    QString out;
    out.reserve((m_rows.size() + 5) * (total + 1));
    if (!m_title.isEmpty()) {
        out += QString(std::max(0, (total - displayWidth(m_title)) / 2), u' ');
        out += m_title;
        out += u'\n';
    }
    appendRule(out, widths, u'┏', u'━', u'┳', u'┓');
    appendRow(out, m_headers, widths, u'┃');
    appendRule(out, widths, u'┡', u'━', u'╇', u'┩');
    for (const QStringList &cells : m_rows)
        appendRow(out, cells, widths, u'│');
    appendRule(out, widths, u'└', u'─', u'┴', u'┘');
    return out;
}

} // namespace tidemark::cli
