#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace tidemark::cli {

// A table drawn with box characters for a terminal, in the layout of Jetbase's rich tables
// (title centred above, a heavy header, light body), so that users and scripts see what they
// are used to.
class TerminalTable
{
public:
    TerminalTable(QString title, QStringList headers);
    void addRow(QStringList cells);
    QString render() const;

private:
    QString m_title;
    QStringList m_headers;
    QList<QStringList> m_rows;
};

} // namespace tidemark::cli
