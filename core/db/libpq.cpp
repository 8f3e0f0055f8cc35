#include "libpq.h"

#include <QLibrary>

#include <optional>

namespace tidemark {

namespace {

template <typename Function> bool resolve(QLibrary &library, const char *name, Function &function)
{
    function = reinterpret_cast<Function>(library.resolve(name));
    return function != nullptr;
}

std::optional<LibPq> load()
{
    // libpq.so.5 where the driver has loaded it (then this only finds it), libpq.dll on Windows.
    QLibrary library(QStringLiteral("pq"), 5);
    if (!library.load()) {
        library.setFileName(QStringLiteral("libpq"));
        if (!library.load())
            return std::nullopt;
    }
    LibPq pq{};
    const bool all =
        resolve(library, "PQsendQuery", pq.sendQuery) &&
        resolve(library, "PQgetResult", pq.getResult) &&
        resolve(library, "PQresultStatus", pq.resultStatus) &&
        resolve(library, "PQresultErrorField", pq.resultErrorField) &&
        resolve(library, "PQcmdStatus", pq.cmdStatus) && resolve(library, "PQclear", pq.clear) &&
        resolve(library, "PQerrorMessage", pq.errorMessage) &&
        resolve(library, "PQputCopyEnd", pq.putCopyEnd) &&
        resolve(library, "PQgetCopyData", pq.getCopyData) &&
        resolve(library, "PQfreemem", pq.freemem) &&
        resolve(library, "PQgetCancel", pq.getCancel) &&
        resolve(library, "PQfreeCancel", pq.freeCancel) && resolve(library, "PQcancel", pq.cancel);
    if (!all)
        return std::nullopt;
    return pq; // the library stays loaded: QLibrary never unloads on destruction
}

} // namespace

const LibPq *libPq()
{
    static const std::optional<LibPq> loaded = load();
    return loaded ? &*loaded : nullptr;
}

} // namespace tidemark
