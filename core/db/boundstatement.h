#pragma once

#include <QString>
#include <QVariantList>

namespace tidemark {

// One of Tidemark's own statements with its positional ('?') bind values, built by the
// history stores and run by Connection::exec or together by Connection::commitWith.
struct BoundStatement
{
    QString sql;
    QVariantList binds;
};

} // namespace tidemark
