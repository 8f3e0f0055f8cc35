#pragma once

#include "engine/sessionlimits.h"

#include "common/result.h"
#include "db/databaseurl.h"
#include "project/configuration.h"
#include "project/projectlocator.h"

#include <QProcessEnvironment>

#include <optional>

namespace tidemark {

struct ProjectOptions
{
    QString projectDir; // --project (or TIDEMARK_PROJECT); empty: walk up from startDir
    QString startDir;   // usually the current directory
    ConfigOverrides overrides;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
};

// A located project with its merged configuration. Cheap to copy; holds no connection.
class Project
{
public:
    static Result<Project> open(const ProjectOptions &options);

    const ProjectLocation &location() const { return m_location; }
    const Configuration &config() const { return m_config; }
    // The environment the project was opened with (for subprocesses: the model exporter).
    const QProcessEnvironment &environment() const { return m_environment; }
    // The connection for the configured URL (sqlalchemy_url), resolved against the project.
    Result<ConnectionSpec> connectionSpec() const;
    // The same project on another database (a rehearsal's throwaway copy): connectionSpec()
    // returns spec from then on.
    Project withConnection(const ConnectionSpec &spec) const;
    // The same project reading its migration files from another folder (a replay's copy).
    Project withMigrationsDir(const QString &dir) const;
    // Seconds to wait for a held lock: lock_timeout from --lock-timeout or configuration.
    int lockTimeoutSeconds() const;
    // statement_timeout, lock_wait_timeout and retry_on_lock_timeout; a value that is not a
    // whole number of 0 or more is an Error::Code::Config naming the key.
    Result<RunLimits> runLimits() const;

private:
    ProjectLocation m_location;
    Configuration m_config;
    QProcessEnvironment m_environment;
    std::optional<ConnectionSpec> m_connection; // withConnection()
};

// snowflake_private_key holds PEM text (as in Jetbase) or a path; returns a path, writing the
// text to a file only this user can read when needed.
Result<QString> privateKeyFile(const QString &key);

// `init`: creates <dir>/jetbase/migrations and env.py (an existing env.py is kept).
struct InitResult
{
    QString jetbaseDir;
    bool envCreated = false;
};
Result<InitResult> initProject(const QString &dir);

// `new`: writes V<version>__<description>.sql with "-- upgrade\n\n-- rollback\n". An empty
// version means local time as %Y%m%d.%H%M%S. Refuses to overwrite and refuses a blank
// description or one with a path separator.
// text: the file's content (make-migrations); by default the two empty sections.
Result<QString> createMigrationFile(const ProjectLocation &project, const QString &description,
                                    const QString &version, const QString &text = {});

} // namespace tidemark
