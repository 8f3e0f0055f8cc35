#include "scratchspace.h"

#include <QRandomGenerator>

namespace tidemark {

namespace {

QString scratchName()
{
    return QStringLiteral("tidemark_scratch_%1")
        .arg(QRandomGenerator::global()->generate64(), 0, 36);
}

class SqliteScratch final : public ScratchSpace
{
public:
    static Result<std::unique_ptr<ScratchSpace>> create(const ConnectionSpec &server)
    {
        ConnectionSpec spec = server;
        spec.databaseName = QStringLiteral(":memory:");
        spec.displayUrl = QStringLiteral("sqlite:///:memory:");
        Result<std::unique_ptr<Connection>> connection = Connection::open(spec);
        if (!connection)
            return connection.error();
        auto scratch = std::make_unique<SqliteScratch>();
        scratch->m_connection = std::move(connection).value();
        scratch->m_created =
            QStringLiteral("Created an in-memory SQLite database for the desired schema.");
        return std::unique_ptr<ScratchSpace>(std::move(scratch));
    }
    QString droppedNote() const override
    {
        return QStringLiteral("Dropped the in-memory SQLite database.");
    }
};

// A schema or database created through an admin connection and dropped through it again.
class ServerScratch final : public ScratchSpace
{
public:
    static Result<std::unique_ptr<ScratchSpace>> create(const ConnectionSpec &server)
    {
        Result<std::unique_ptr<Connection>> admin = Connection::open(server);
        if (!admin)
            return admin.error();
        auto scratch = std::make_unique<ServerScratch>();
        scratch->m_name = scratchName();
        scratch->m_postgres = server.dialect == SqlDialect::Postgres;
        const QString what =
            scratch->m_postgres ? QStringLiteral("SCHEMA") : QStringLiteral("DATABASE");
        Result<QSqlQuery> created =
            (*admin)->exec(QStringLiteral("CREATE %1 %2")
                               .arg(what, (*admin)->dialect().quoteIdentifier(scratch->m_name)));
        if (!created) {
            Error e = created.error();
            e.message = QStringLiteral("Cannot create a temporary %1 for the desired schema: %2")
                            .arg(what.toLower(), e.dbText);
            e.hint = QStringLiteral("The user needs the right to create one, or set dev_url to a "
                                    "database where it has that right.");
            return e;
        }
        scratch->m_admin = std::move(admin).value();
        ConnectionSpec spec = server;
        if (scratch->m_postgres)
            spec.schema = scratch->m_name;
        else
            spec.databaseName = scratch->m_name;
        Result<std::unique_ptr<Connection>> connection = Connection::open(spec);
        if (!connection)
            return connection.error(); // the destructor drops what was created
        scratch->m_connection = std::move(connection).value();
        scratch->m_created = QStringLiteral("Created temporary %1 %2 for the desired schema.")
                                 .arg(what.toLower(), scratch->m_name);
        return std::unique_ptr<ScratchSpace>(std::move(scratch));
    }

    ~ServerScratch() override
    {
        m_connection.reset(); // close it before dropping what it uses
        if (m_admin) {
            const QString name = m_admin->dialect().quoteIdentifier(m_name);
            m_admin->exec(m_postgres ? QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(name)
                                     : QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
        }
    }

    QString droppedNote() const override
    {
        return QStringLiteral("Dropped temporary %1 %2.")
            .arg(m_postgres ? QStringLiteral("schema") : QStringLiteral("database"), m_name);
    }

private:
    std::unique_ptr<Connection> m_admin;
    QString m_name;
    bool m_postgres = false;
};

} // namespace

Result<std::unique_ptr<ScratchSpace>> ScratchSpace::create(const ConnectionSpec &server)
{
    switch (server.dialect) {
    case SqlDialect::Sqlite:
        return SqliteScratch::create(server);
    case SqlDialect::Postgres:
    case SqlDialect::MySql:
        return ServerScratch::create(server);
    case SqlDialect::Snowflake:
    case SqlDialect::Databricks:
        break;
    }
    return Error::make(Error::Code::Usage,
                       QStringLiteral("Comparing schemas is not supported on %1 yet.")
                           .arg(dialectName(server.dialect)));
}

} // namespace tidemark
