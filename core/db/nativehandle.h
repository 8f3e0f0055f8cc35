#pragma once

#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <initializer_list>

namespace tidemark {

// The driver's native handle when its registered type is one of the names (Qt registers
// PGconn* under its struct tag, "pg_conn*"); nullptr otherwise.
template <typename Handle>
Handle nativeHandle(const QSqlDatabase &database, std::initializer_list<const char *> typeNames)
{
    const QVariant handle = database.driver() ? database.driver()->handle() : QVariant();
    if (!handle.isValid())
        return nullptr;
    for (const char *name : typeNames) {
        if (qstrcmp(handle.typeName(), name) == 0)
            return *static_cast<Handle const *>(handle.constData());
    }
    return nullptr;
}

} // namespace tidemark
