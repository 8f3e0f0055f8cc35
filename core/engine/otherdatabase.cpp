#include "otherdatabase.h"

#include "db/databaseurl.h"
#include "engine/project.h"

namespace tidemark {

Result<ConnectionSpec> otherDatabaseSpec(const Project &project, const ConnectionSpec &target,
                                         const QString &url, const QString &option)
{
    Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    if (!parsed)
        return parsed.error();
    ConnectionSettings settings;
    settings.baseDir = project.location().jetbaseDir;
    Result<ConnectionSpec> other = connectionSpecFor(parsed.value(), settings);
    if (!other)
        return other.error();
    if (other->dialect != target.dialect)
        return Error::make(
            Error::Code::Usage,
            QStringLiteral("%1 is a %2 database but the project's is %3; "
                           "both must be of the same kind.")
                .arg(option, dialectName(other->dialect), dialectName(target.dialect)));
    return other;
}

} // namespace tidemark
