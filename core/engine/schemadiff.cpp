#include "schemadiff.h"

#include "engine/desiredschemacache.h"
#include "engine/otherdatabase.h"

#include "db/connection.h"
#include "db/onemessage.h"
#include "db/statementcanceller.h"
#include "migration/migrationtext.h"
#include "migration/sqllexer.h"
#include "migration/transactioncontrol.h"
#include "project/modelpaths.h"
#include "schema/catalogreader.h"
#include "schema/modelexporter.h"
#include "schema/schemacomparer.h"
#include "schema/scratchspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <future>
#include <optional>

namespace tidemark {

namespace {

// One statement of the desired schema and where it came from, for error messages.
struct DesiredStatement
{
    QString sql;
    QString file; // the schema file; empty for SQL that SQLAlchemy wrote
    int line = 0;
};

// The statements of a desired schema and what to say when one of them does not load.
struct DesiredSql
{
    QList<DesiredStatement> statements;
    QString failure; // "The desired schema does not load"
    QString hint;
};

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

bool isSet(const std::atomic_bool *flag)
{
    return flag && flag->load();
}

Error stoppedError(const QString &during)
{
    return Error::make(Error::Code::Cancelled,
                       QStringLiteral("Stopped by the user while %1; the project and its "
                                      "database were not changed.")
                           .arg(during));
}

// Runs the statements in a scratch space on server and reads the schema back from it, so that
// the database itself normalises them; the first failure names its file and line. cancel stops
// it between messages, and cancels a message the server is running.
Result<Schema> loadDesired(const ConnectionSpec &server, const DesiredSql &sql, QStringList *notes,
                           const std::atomic_bool *cancel)
{
    Result<std::unique_ptr<ScratchSpace>> scratch = ScratchSpace::create(server);
    if (!scratch)
        return scratch.error();
    notes->append((*scratch)->createdNote());
    const auto dropped = qScopeGuard([&] {
        (*scratch)->drop();
        notes->append((*scratch)->droppedNote());
    });
    // A stop says what became of the scratch space: the error is all the caller prints then.
    const auto stopped = [&]() -> Error {
        (*scratch)->drop();
        Error e = stoppedError(QStringLiteral("loading the desired schema"));
        e.message += u' ' + (*scratch)->droppedNote();
        return e;
    };
    Connection &connection = (*scratch)->connection();
    std::optional<CancelWatchdog> watchdog;
    if (cancel)
        watchdog.emplace(connection, cancel);
    const auto runOne = [&](const DesiredStatement &statement) -> Status {
        if (isSet(cancel)) // also after a message the stop cancelled: it is not run again
            return stopped();
        Result<QSqlQuery> done = connection.exec(statement.sql);
        if (done)
            return {};
        if (isSet(cancel))
            return stopped();
        Error e = done.error();
        e.file = statement.file;
        e.line = statement.line;
        e.statement = statement.sql;
        e.message = sql.failure + QStringLiteral(": ") + e.dbText;
        e.hint = sql.hint;
        return e;
    };
    // Up to a hundred statements to a message where the database takes messages (PostgreSQL;
    // elsewhere runAsOneMessage sends nothing and they run one by one): one round trip each (a
    // message is one transaction, and a thousand tables in one would run out of lock slots).
    // A message that fails left nothing behind: its statements run again one by one to name
    // the failing one. Statements that open or end transactions run on their own.
    const SqlDialect dialect = connection.spec().dialect;
    constexpr qsizetype PerMessage = 100;
    const QList<DesiredStatement> &all = sql.statements;
    for (qsizetype i = 0; i < all.size();) {
        if (isSet(cancel))
            return stopped();
        QStringList message;
        while (i + message.size() < all.size() && message.size() < PerMessage &&
               transactionControl(all.at(i + message.size()).sql, dialect).kind ==
                   TransactionControl::None)
            message.append(all.at(i + message.size()).sql);
        if (message.size() > 1 && runAsOneMessage(connection, message).value_or(false)) {
            i += message.size();
            continue;
        }
        const qsizetype end = i + std::max<qsizetype>(message.size(), 1);
        for (; i < end; ++i) {
            if (Status s = runOne(all.at(i)); !s)
                return s.error();
        }
    }
    if (isSet(cancel))
        return stopped();
    Result<Schema> read = readSchema(connection);
    if (isSet(cancel))
        return stopped();
    return read;
}

// The desired schema from the cache when the same statements were normalised on the same
// server before (PostgreSQL), else loaded into a scratch space and kept in the cache.
Result<Schema> loadDesiredCached(const ConnectionSpec &server, const DesiredSql &sql,
                                 QStringList *notes, const std::atomic_bool *cancel)
{
    QStringList statements;
    statements.reserve(sql.statements.size());
    for (const DesiredStatement &statement : sql.statements)
        statements.append(statement.sql);
    const std::optional<DesiredSchemaCache> cache =
        DesiredSchemaCache::forServer(server, statements);
    if (cache) {
        if (std::optional<Schema> kept = cache->load()) {
            notes->append(QStringLiteral(
                "The desired schema is the one this server normalised for the same statements "
                "before (from the cache; TIDEMARK_SCHEMA_CACHE=off loads it again)."));
            return std::move(*kept);
        }
    }
    Result<Schema> desired = loadDesired(server, sql, notes, cancel);
    if (desired && cache)
        cache->save(desired.value());
    return desired;
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

// The statements of schema files, split as migration files are (UTF-8 check, delimiter
// directive), each with its file and line.
Result<DesiredSql> schemaFileStatements(const QStringList &files, SqlDialect dialect)
{
    DesiredSql sql;
    sql.failure = QStringLiteral("The desired schema does not load");
    sql.hint = QStringLiteral("Fix the statement in the schema file; nothing was changed in "
                              "your database.");
    for (const QString &path : files) {
        Result<MigrationText> text = readMigrationTextFile(path);
        if (!text)
            return text.error();
        SplitOptions options;
        options.dialect = dialect;
        options.delimiter = text->delimiter;
        Result<QList<SqlStatement>> statements = splitStatements(text->upgradeSql, options);
        if (!statements) {
            Error e = statements.error();
            e.file = path;
            return e;
        }
        for (const SqlStatement &statement : statements.value())
            sql.statements.append({statement.text, path, statement.line});
    }
    return sql;
}

// The DDL SQLAlchemy writes for the models, for the target's dialect.
Result<DesiredSql> modelStatements(const Project &project, const ModelFiles &models,
                                   SqlDialect dialect, QStringList *notes)
{
    const ConfigValue python = project.config().entry(QStringLiteral("python"));
    const ModelExporter exporter(
        project.environment(), {project.config().string(QStringLiteral("python")), python.source});
    Result<ModelDdl> ddl = exporter.exportDdl(models, dialect);
    if (!ddl)
        return ddl.error();
    const auto count = [](qsizetype n, const QString &what) -> QString {
        return QString::number(n) + u' ' + what + (n == 1 ? QString() : QStringLiteral("s"));
    };
    notes->append(
        QStringLiteral("SQLAlchemy %1 (run by %2) found %3 in %4 (%5).")
            .arg(ddl->sqlalchemyVersion, ddl->python, count(ddl->tables, QStringLiteral("table")),
                 count(models.files.size(), QStringLiteral("model file")), models.origin));
    DesiredSql sql;
    sql.failure = QStringLiteral("The SQL that SQLAlchemy wrote for the models does not load");
    sql.hint = QStringLiteral("The statement is SQLAlchemy's DDL for %1; change the model so "
                              "that the database accepts it. Nothing was changed in your "
                              "database.")
                   .arg(dialectName(dialect));
    for (const QString &statement : ddl->statements)
        sql.statements.append({statement, QString(), 0});
    return sql;
}

// Chooses the desired SQL: --schema, --models, else models when there are any, else
// jetbase/schema.sql.
Result<DesiredSql> desiredSql(const Project &project, const DiffOptions &options,
                              SqlDialect dialect, DiffReport *report)
{
    QString path = options.schemaPath;
    if (path.isEmpty()) {
        Result<ModelFiles> models = findModelFiles(project.location(), project.config());
        if (!models)
            return models.error();
        if (!models->files.isEmpty()) {
            report->source = QStringLiteral("SQLAlchemy models ") + models->displayList();
            return modelStatements(project, models.value(), dialect, &report->notes);
        }
        if (options.fromModels || models->configured)
            return noModelsError(models.value());
        path = project.location().jetbaseDir + QStringLiteral("/schema.sql");
        if (!QFileInfo::exists(path))
            return Error::make(
                Error::Code::Usage, QStringLiteral("No desired schema to compare with."),
                QStringLiteral("Put SQLAlchemy models in a models/ folder of the project (or "
                               "name them with model_paths in jetbase/env.py or "
                               "JETBASE_MODELS), write the schema you want to "
                               "jetbase/schema.sql, or pass --schema PATH or --from-url URL."));
    }
    Result<QStringList> files = schemaFiles(path);
    if (!files)
        return files.error();
    report->source = QStringLiteral("schema ") + QDir::cleanPath(path);
    return schemaFileStatements(files.value(), dialect);
}

} // namespace

Result<Schema> readLiveSchema(const ConnectionSpec &spec)
{
    Result<std::unique_ptr<Connection>> connection = Connection::open(spec);
    if (!connection)
        return connection.error();
    return readSchema(**connection);
}

// The server where the desired side is normalised: dev_url's when set, else the target's.
Result<ConnectionSpec> scratchServer(const Project &project, const ConnectionSpec &target)
{
    const QString devUrl = project.config().string(QStringLiteral("dev_url"));
    if (devUrl.isEmpty())
        return target;
    Result<DatabaseUrl> url = parseDatabaseUrl(devUrl);
    if (!url)
        return url.error();
    Result<ConnectionSpec> spec = connectionSpecFor(url.value(), {});
    if (spec && spec->dialect != target.dialect)
        return Error::make(
            Error::Code::Config,
            QStringLiteral("dev_url is a %1 database but the project's is %2; "
                           "scratch databases must be of the same kind.")
                .arg(dialectName(spec->dialect), dialectName(target.dialect)),
            QStringLiteral("Point dev_url at a %1 server.").arg(dialectName(target.dialect)));
    return spec;
}

Result<DiffReport> diffSchemas(const Project &project, const DiffOptions &options)
{
    const int sources = int(!options.schemaPath.isEmpty()) + int(!options.fromUrl.isEmpty()) +
                        int(options.fromModels);
    if (sources > 1)
        return Error::make(Error::Code::Usage,
                           QStringLiteral("Give one desired schema: --schema, --from-url or "
                                          "--models, not several."));
    Result<ConnectionSpec> target = project.connectionSpec();
    if (!target)
        return target.error();
    DiffReport report;

    // The desired SQL first: a model that does not import, or no desired schema at all, is
    // reported without waiting for a database.
    std::optional<DesiredSql> sql;
    if (options.fromUrl.isEmpty()) {
        Result<DesiredSql> found = desiredSql(project, options, target->dialect, &report);
        if (isSet(options.cancel)) // Ctrl+C in a terminal also ends the models' Python
            return stoppedError(QStringLiteral("reading the desired schema"));
        if (!found)
            return found.error();
        sql = std::move(found).value();
    }
    // The live schema is read on another thread (with its own connection) while the desired
    // one loads: the server works on both at once.
    auto live =
        std::async(std::launch::async, [spec = target.value()] { return readLiveSchema(spec); });

    Result<Schema> desired = Schema();
    if (sql) {
        Result<ConnectionSpec> server = scratchServer(project, target.value());
        if (!server)
            return server.error();
        desired = loadDesiredCached(server.value(), *sql, &report.notes, options.cancel);
    } else {
        Result<ConnectionSpec> other = otherDatabaseSpec(project, target.value(), options.fromUrl,
                                                         QStringLiteral("--from-url"));
        if (!other)
            return other.error();
        report.source = QStringLiteral("database ") + other->displayUrl;
        desired = readLiveSchema(other.value());
    }
    Result<Schema> current = live.get();
    if (isSet(options.cancel)) // a stop while loading says what became of the scratch space
        return desired ? stoppedError(QStringLiteral("reading the live schema")) : desired.error();
    if (!current)
        return current.error();
    if (!desired)
        return desired.error();
    report.diff = compareSchemas(current.value(), desired.value());
    report.current = std::move(current).value();
    report.desired = std::move(desired).value();
    return report;
}

} // namespace tidemark
