#pragma once

#include "common/result.h"
#include "engine/project.h"
#include "schema/schemachange.h"

#include <atomic>

namespace tidemark {

// Where the desired schema comes from; at most one of the three. None: the SQLAlchemy models
// when model_paths / JETBASE_MODELS names some or auto-discovery finds some (see
// findModelFiles), else jetbase/schema.sql when it exists.
struct DiffOptions
{
    QString schemaPath;      // a .sql file, or a folder whose *.sql files are loaded in name order
    QString fromUrl;         // another database of the same kind
    bool fromModels = false; // the SQLAlchemy models; finding none is an error
    // Set from another thread or a signal handler to stop: the statement loading the desired
    // schema is cancelled on the server, the scratch space dropped, and the result is an
    // Error::Code::Cancelled error.
    const std::atomic_bool *cancel = nullptr;
};

struct DiffReport
{
    SchemaDiff diff;
    QString source;    // "schema jetbase/schema.sql", "database postgresql://u:***@h/db",
                       // "SQLAlchemy models models/post.py, models/user.py"
    QStringList notes; // what was created and dropped to normalise the desired side
    Schema current;    // the live schema, as read
    Schema desired;    // the desired schema, normalised by the database
};

// Reads the live schema of the project's database and the desired one, and compares them.
// A schema file, or the DDL SQLAlchemy writes for the models (run with Python, see
// ModelExporter), is loaded into a scratch space of the same kind (dev_url's server when set);
// its errors name the file, the line and the statement, and the scratch space is dropped
// whatever happens.
Result<DiffReport> diffSchemas(const Project &project, const DiffOptions &options);

// The schema of the database spec names, read in bulk by its dialect's catalog reader (one
// connection, opened and closed here); used by diff, rehearse and drift.
Result<Schema> readLiveSchema(const ConnectionSpec &spec);

// The server where scratch databases and schemas are made: dev_url's when set, else target's.
Result<ConnectionSpec> scratchServer(const Project &project, const ConnectionSpec &target);

} // namespace tidemark
