#pragma once

#include "common/result.h"
#include "db/connection.h"

#include <memory>

namespace tidemark {

// A throwaway place of the same kind as the target where a desired schema is created, so that
// the database itself normalises it: an in-memory SQLite database, a temporary schema on
// PostgreSQL, a temporary database on MariaDB. The destructor drops it, also after a failure.
class ScratchSpace
{
public:
    virtual ~ScratchSpace() = default;
    // server: where to create it (the target's connection, or dev_url's).
    static Result<std::unique_ptr<ScratchSpace>> create(const ConnectionSpec &server);

    Connection &connection() { return *m_connection; }
    // Drops it now (the destructor does when nobody did); an error says what is left behind
    // and how to remove it.
    virtual Status drop() = 0;
    // "Created temporary schema tidemark_scratch_x1y2 ..." and, after drop(), "Dropped ...";
    // for output.
    const QString &createdNote() const { return m_created; }
    virtual QString droppedNote() const = 0;

protected:
    std::unique_ptr<Connection> m_connection;
    QString m_created;
};

} // namespace tidemark
