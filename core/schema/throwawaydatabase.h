#pragma once

#include "common/result.h"
#include "db/databaseurl.h"

#include <QTemporaryDir>

#include <memory>

namespace tidemark {

class Connection;

// A database of the target's kind that a rehearsal may break: on SQLite a copy of the target
// file with its rows (VACUUM INTO: a consistent snapshot, also of a database in use), on
// PostgreSQL and MariaDB/MySQL a new, empty database on the target's server (not a schema: a
// migration that names public.x or live_db.x must not reach the live objects). The destructor
// drops it, also after a failure or Ctrl+C, unless keep() was called.
class ThrowawayDatabase
{
public:
    // What a SQLite throwaway starts as (server ones always start empty).
    enum class Start { CopyOfTarget, Empty };
    // target: the project's connection; server: where to create it (dev_url's, or target).
    static Result<std::unique_ptr<ThrowawayDatabase>>
    create(const ConnectionSpec &target, const ConnectionSpec &server, Start start);
    ~ThrowawayDatabase();
    ThrowawayDatabase(const ThrowawayDatabase &) = delete;
    ThrowawayDatabase &operator=(const ThrowawayDatabase &) = delete;

    const ConnectionSpec &spec() const { return m_spec; } // displayUrl: its redacted URL
    // "a copy of the SQLite file demo.db", "an empty PostgreSQL database tidemark_throwaway_x".
    const QString &description() const { return m_description; }
    // Leaves it in place for inspection; the destructor then only closes.
    void keep();
    bool kept() const { return m_kept; }
    // Drops it now; an error says what is left behind and how to remove it.
    Status drop();

private:
    ThrowawayDatabase() = default;
    ConnectionSpec m_spec;
    ConnectionSpec m_server; // empty driver for SQLite
    QString m_description;
    std::unique_ptr<QTemporaryDir> m_folder; // SQLite: holds the copy
    bool m_kept = false;
    bool m_dropped = false;
    bool m_created = false; // a server database exists to drop (never the target's)
};

} // namespace tidemark
