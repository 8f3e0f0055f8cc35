#include "schema/throwawaydatabase.h"

#include "db/connection.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QRegularExpression>

namespace tidemark {

namespace {

// The target's display URL with its database (the URL's path) replaced by name.
QString displayUrlFor(const QString &targetUrl, const QString &name)
{
    static const QRegularExpression path(QStringLiteral("^([a-z0-9+]+://[^/?#]*)/[^?#]*"));
    QString url = targetUrl;
    const QRegularExpressionMatch m = path.match(url);
    if (m.hasMatch())
        url.replace(0, m.capturedLength(), m.captured(1) + u'/' + name);
    return url;
}

} // namespace

Result<std::unique_ptr<ThrowawayDatabase>>
ThrowawayDatabase::create(const ConnectionSpec &target, const ConnectionSpec &server, Start start)
{
    std::unique_ptr<ThrowawayDatabase> db(new ThrowawayDatabase);
    db->m_spec = target;
    if (target.dialect == SqlDialect::Sqlite) {
        if (target.databaseName == u":memory:" || target.databaseName.startsWith(u"file:"))
            return Error::make(Error::Code::Usage,
                               QStringLiteral("A throwaway copy needs a SQLite database file; "
                                              "%1 is not one.")
                                   .arg(target.displayUrl),
                               QStringLiteral("Use a sqlite:///path URL."));
        db->m_folder = std::make_unique<QTemporaryDir>(
            QStringLiteral("%1/tidemark-throwaway-XXXXXX").arg(QDir::tempPath()));
        if (!db->m_folder->isValid())
            return Error::make(Error::Code::Io,
                               QStringLiteral("Cannot create a folder for a throwaway copy: %1")
                                   .arg(db->m_folder->errorString()));
        const QString copy = db->m_folder->filePath(QStringLiteral("throwaway.db"));
        db->m_spec.databaseName = copy;
        db->m_spec.displayUrl = QStringLiteral("sqlite:///") + copy;
        const QFileInfo live(target.databaseName);
        if (!live.exists() || start == Start::Empty) {
            if (Result<std::unique_ptr<Connection>> made = Connection::open(db->m_spec); !made)
                return made.error(); // opening creates the empty file
            db->m_description =
                start == Start::Empty
                    ? QStringLiteral("an empty SQLite database")
                    : QStringLiteral("an empty SQLite database (%1 does not exist yet)")
                          .arg(QDir::toNativeSeparators(live.absoluteFilePath()));
            return db;
        }
        Result<std::unique_ptr<Connection>> source = Connection::open(target);
        if (!source)
            return source.error();
        if (Result<QSqlQuery> copied = (*source)->exec(QStringLiteral("VACUUM INTO ?"), {copy});
            !copied) {
            Error e = copied.error();
            e.message =
                QStringLiteral("Cannot copy %1 for a rehearsal: %2").arg(live.fileName(), e.dbText);
            return e;
        }
        db->m_description =
            QStringLiteral("a copy of the SQLite file %1 with its rows").arg(live.fileName());
        return db;
    }
    if (target.dialect != SqlDialect::Postgres && target.dialect != SqlDialect::MySql)
        return Error::make(Error::Code::Usage,
                           QStringLiteral("Rehearsals run on SQLite, PostgreSQL and MariaDB/MySQL, "
                                          "not on %1.")
                               .arg(dialectName(target.dialect)));
    ConnectionSpec admin = server;
    admin.schema.clear();
    Result<std::unique_ptr<Connection>> connection = Connection::open(admin);
    if (!connection)
        return connection.error();
    const QString name = QStringLiteral("tidemark_throwaway_%1")
                             .arg(QRandomGenerator::global()->generate64(), 0, 36);
    const QString quoted = (*connection)->dialect().quoteIdentifier(name);
    if (Result<QSqlQuery> created =
            (*connection)->exec(QStringLiteral("CREATE DATABASE ") + quoted);
        !created) {
        Error e = created.error();
        e.message = QStringLiteral("Cannot create a throwaway database: %1").arg(e.dbText);
        e.hint = QStringLiteral("The user needs the right to create databases (PostgreSQL: "
                                "CREATEDB; MariaDB: CREATE), or set dev_url to a server of the "
                                "same kind where it has it.");
        return e;
    }
    db->m_server = admin;
    db->m_created = true;
    db->m_spec = server;
    db->m_spec.databaseName = name;
    db->m_spec.schema = target.schema;
    db->m_spec.displayUrl = displayUrlFor(server.displayUrl, name);
    db->m_description =
        QStringLiteral("the throwaway %1 database %2").arg(dialectName(target.dialect), name);
    if (!target.schema.isEmpty()) {
        // postgres_schema: the migrations run in that schema; a new database has only public.
        ConnectionSpec inside = db->m_spec;
        inside.schema.clear();
        Result<std::unique_ptr<Connection>> opened = Connection::open(inside);
        if (!opened)
            return opened.error();
        if (Result<QSqlQuery> made =
                (*opened)->exec(QStringLiteral("CREATE SCHEMA IF NOT EXISTS ") +
                                (*opened)->dialect().quoteIdentifier(target.schema));
            !made)
            return made.error();
    }
    return db;
}

ThrowawayDatabase::~ThrowawayDatabase()
{
    if (!m_kept)
        drop();
}

void ThrowawayDatabase::keep()
{
    m_kept = true;
    if (m_folder)
        m_folder->setAutoRemove(false);
}

Status ThrowawayDatabase::drop()
{
    if (m_dropped || m_kept)
        return {};
    m_dropped = true;
    if (m_spec.dialect == SqlDialect::Sqlite) {
        m_folder.reset(); // removes the copy
        return {};
    }
    if (!m_created)
        return {}; // nothing was made on the server
    Result<std::unique_ptr<Connection>> admin = Connection::open(m_server);
    if (!admin)
        return admin.error();
    const QString quoted = (*admin)->dialect().quoteIdentifier(m_spec.databaseName);
    Result<QSqlQuery> done = Error::make(Error::Code::Database, QString());
    for (const QString &sql : (*admin)->dialect().dropDatabaseSql(quoted)) {
        done = (*admin)->exec(sql);
        if (done)
            break;
    }
    if (!done) {
        Error e = done.error();
        e.message = QStringLiteral("Could not drop the throwaway database %1: %2")
                        .arg(m_spec.databaseName, e.dbText);
        e.hint = QStringLiteral("Drop it by hand: DROP DATABASE %1").arg(quoted);
        return e;
    }
    return {};
}

} // namespace tidemark
