#pragma once

#include "engine/migrationservice.h"

#include <QJsonArray>
#include <QJsonObject>

namespace tidemark::cli {

// The documented, stable JSON field names of --json output (see README "JSON output").
QJsonObject toJson(const StatusEntry &entry);
QJsonObject toJson(const HistoryRow &row);
QJsonObject toJson(const ValidationProblem &problem);
QJsonObject toJson(const PlannedFile &file);
QJsonObject toJson(const JournalEntry &entry);
QJsonObject toJson(const LockState &state);
QJsonObject toJson(const FileProgress &progress);
QJsonObject toJson(const IgnoredEntry &entry);
QJsonValue nullable(const QString &text);

template <typename T> QJsonArray toJsonArray(const QList<T> &items)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(toJson(item));
    return array;
}

} // namespace tidemark::cli
