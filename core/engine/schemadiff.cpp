#include "schemadiff.h"

#include "db/connection.h"
#include "migration/migrationtext.h"
#include "migration/sqllexer.h"
#include "schema/catalogreader.h"
#include "schema/schemacomparer.h"
#include "schema/scratchspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

namespace tidemark {

namespace {

Status loadFile(Connection &scratch, const QString &path);

Result<Schema> readSchema(Connection &connection)
{
    std::unique_ptr<CatalogReader> reader = CatalogReader::create(connection.spec().dialect);
    if (!reader)
        return Error::make(
            Error::Code::Usage,
            QStringLiteral("Reading the schema of %1 databases is not supported yet.")
                .arg(dialectName(connection.spec().dialect)));
    return reader->read(connection);
}

Result<Schema> readLive(const ConnectionSpec &spec)
{
    Result<std::unique_ptr<Connection>> connection = Connection::open(spec);
    if (!connection)
        return connection.error();
    return readSchema(**connection);
}

// Loads the files into a scratch space on server and reads the schema back from it.
Result<Schema> loadDesired(const ConnectionSpec &server, const QStringList &files,
                           QStringList *notes)
{
    Result<std::unique_ptr<ScratchSpace>> scratch = ScratchSpace::create(server);
    if (!scratch)
        return scratch.error();
    notes->append((*scratch)->createdNote());
    const auto dropped = qScopeGuard([&] {
        (*scratch)->drop();
        notes->append((*scratch)->droppedNote());
    });
    for (const QString &file : files) {
        if (Status s = loadFile((*scratch)->connection(), file); !s)
            return s.error();
    }
    return readSchema((*scratch)->connection());
}

Result<QStringList> schemaFiles(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        Error e = Error::make(Error::Code::Io, QStringLiteral("The schema file does not exist."));
        e.file = path;
        return e;
    }
    if (!info.isDir())
        return QStringList{info.absoluteFilePath()};
    QStringList files;
    const QDir dir(info.absoluteFilePath());
    for (const QString &name : dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(name));
    if (files.isEmpty()) {
        Error e =
            Error::make(Error::Code::Io, QStringLiteral("The schema folder has no .sql files."));
        e.file = path;
        return e;
    }
    return files;
}

// Runs every statement of the file in the scratch space; the first failure names its line.
Status loadFile(Connection &scratch, const QString &path)
{
    // The same reading as migration files: UTF-8 check, delimiter directive.
    Result<MigrationText> text = readMigrationTextFile(path);
    if (!text)
        return text.error();
    SplitOptions options;
    options.dialect = scratch.spec().dialect;
    options.delimiter = text->delimiter;
    Result<QList<SqlStatement>> statements = splitStatements(text->upgradeSql, options);
    if (!statements) {
        Error e = statements.error();
        e.file = path;
        return e;
    }
    for (const SqlStatement &statement : statements.value()) {
        Result<QSqlQuery> done = scratch.exec(statement.text);
        if (!done) {
            Error e = done.error();
            e.file = path;
            e.line = statement.line;
            e.message = QStringLiteral("The desired schema does not load: %1").arg(e.dbText);
            e.hint = QStringLiteral("Fix the statement in the schema file; nothing was changed in "
                                    "your database.");
            return e;
        }
    }
    return {};
}

} // namespace

Result<DiffReport> diffSchemas(const Project &project, const DiffOptions &options)
{
    Result<ConnectionSpec> target = project.connectionSpec();
    if (!target)
        return target.error();
    DiffReport report;
    Result<Schema> current = readLive(target.value());
    if (!current)
        return current.error();

    Result<Schema> desired = Schema();
    if (!options.fromUrl.isEmpty()) {
        Result<DatabaseUrl> url = parseDatabaseUrl(options.fromUrl);
        if (!url)
            return url.error();
        ConnectionSettings settings;
        settings.baseDir = project.location().jetbaseDir;
        Result<ConnectionSpec> other = connectionSpecFor(url.value(), settings);
        if (!other)
            return other.error();
        if (other->dialect != target->dialect)
            return Error::make(
                Error::Code::Usage,
                QStringLiteral("--from-url is a %1 database but the project's is %2; "
                               "both must be of the same kind.")
                    .arg(dialectName(other->dialect), dialectName(target->dialect)));
        report.source = QStringLiteral("database ") + other->displayUrl;
        desired = readLive(other.value());
    } else {
        QString path = options.schemaPath;
        if (path.isEmpty()) {
            path = project.location().jetbaseDir + QStringLiteral("/schema.sql");
            if (!QFileInfo::exists(path))
                return Error::make(Error::Code::Usage,
                                   QStringLiteral("No desired schema to compare with."),
                                   QStringLiteral("Pass --schema PATH or --from-url URL, or write "
                                                  "the schema you want to jetbase/schema.sql."));
        }
        Result<QStringList> files = schemaFiles(path);
        if (!files)
            return files.error();
        report.source = QStringLiteral("schema ") + QDir::cleanPath(path);
        ConnectionSpec server = target.value();
        if (const QString devUrl = project.config().string(QStringLiteral("dev_url"));
            !devUrl.isEmpty()) {
            Result<DatabaseUrl> url = parseDatabaseUrl(devUrl);
            if (!url)
                return url.error();
            Result<ConnectionSpec> dev = connectionSpecFor(url.value(), {});
            if (!dev)
                return dev.error();
            server = dev.value();
        }
        desired = loadDesired(server, files.value(), &report.notes);
    }
    if (!desired)
        return desired.error();
    report.diff = compareSchemas(current.value(), desired.value());
    report.current = std::move(current).value();
    report.desired = std::move(desired).value();
    return report;
}

} // namespace tidemark
