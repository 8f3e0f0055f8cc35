#pragma once

#include "db/databaseurl.h"
#include "schema/schemamodel.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace tidemark {

// The normalised desired schema of a PostgreSQL scratch load, kept in the user's cache folder
// (~/.cache/tidemark/schemas/, or under XDG_CACHE_HOME) under a key of everything the load
// depends on: Tidemark's version, the server (address, database, user, postgres_schema, server
// version, search_path, collation, installed extensions) and the desired statements. A second
// make-migrations or diff of an unchanged desired schema on the same server takes it from here
// instead of loading it into a scratch schema again. TIDEMARK_SCHEMA_CACHE=off turns it off.
class DesiredSchemaCache
{
public:
    // The cache entry for these statements on this server; nullopt when there is none to use:
    // not PostgreSQL, turned off, no cache folder, or the server could not be asked.
    static std::optional<DesiredSchemaCache> forServer(const ConnectionSpec &server,
                                                       const QStringList &statements);

    // The schema kept for the key; nullopt when there is none or it is damaged.
    std::optional<Schema> load() const;
    // Keeps the schema for the key (atomically) and removes all but the newest entries; a
    // cache that cannot be written is left alone, silently.
    void save(const Schema &schema) const;

private:
    QString m_file;
};

} // namespace tidemark
