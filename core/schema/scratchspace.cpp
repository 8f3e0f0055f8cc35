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
    Status drop() override
    {
        m_connection.reset();
        return {};
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
        if (scratch->m_postgres) {
            // Throwaway data: no need to wait for the WAL flush of each DDL statement.
            if (Result<QSqlQuery> fast =
                    scratch->m_connection->exec(QStringLiteral("SET synchronous_commit = off"));
                !fast)
                return fast.error();
        }
        scratch->m_created = QStringLiteral("Created temporary %1 %2 for the desired schema.")
                                 .arg(what.toLower(), scratch->m_name);
        return std::unique_ptr<ScratchSpace>(std::move(scratch));
    }

    ~ServerScratch() override { drop(); }

    Status drop() override
    {
        m_connection.reset(); // close it before dropping what it uses
        if (!m_admin)
            return m_dropped;
        m_dropped = m_postgres ? dropSchema() : dropDatabase();
        m_admin.reset();
        return m_dropped;
    }

    QString droppedNote() const override
    {
        const QString what = m_postgres ? QStringLiteral("schema") : QStringLiteral("database");
        if (!m_dropped)
            return QStringLiteral("Warning: could not drop temporary %1 %2: %3 Drop it with: "
                                  "DROP %4 %2%5")
                .arg(what, m_name, m_dropped.error().dbText, what.toUpper(),
                     m_postgres ? QStringLiteral(" CASCADE") : QString());
        return QStringLiteral("Dropped temporary %1 %2.").arg(what, m_name);
    }

private:
    Status dropDatabase()
    {
        const QString name = m_admin->dialect().quoteIdentifier(m_name);
        if (Result<QSqlQuery> done =
                m_admin->exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(name));
            !done)
            return done.error();
        return {};
    }

    // DROP SCHEMA ... CASCADE locks every relation in one transaction, which runs out of lock
    // slots (max_locks_per_transaction) at about a thousand tables: drop the tables in batches
    // first, each batch its own transaction.
    Status dropSchema()
    {
        const Dialect &dialect = m_admin->dialect();
        const QString schema = dialect.quoteIdentifier(m_name);
        Result<QSqlQuery> tables = m_admin->exec(
            QStringLiteral("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = "
                           "c.relnamespace WHERE n.nspname = ? AND c.relkind IN ('r', 'p') "
                           "AND NOT c.relispartition"),
            {m_name});
        if (!tables)
            return tables.error();
        QStringList names;
        while (tables->next())
            names.append(schema + u'.' + dialect.quoteIdentifier(tables->value(0).toString()));
        constexpr qsizetype kBatch = 100;
        for (qsizetype i = 0; i < names.size(); i += kBatch) {
            Result<QSqlQuery> done =
                m_admin->exec(QStringLiteral("DROP TABLE IF EXISTS %1 CASCADE")
                                  .arg(names.mid(i, kBatch).join(QStringLiteral(", "))));
            if (!done)
                return done.error();
        }
        if (Result<QSqlQuery> done =
                m_admin->exec(QStringLiteral("DROP SCHEMA IF EXISTS %1 CASCADE").arg(schema));
            !done)
            return done.error();
        return {};
    }

    std::unique_ptr<Connection> m_admin;
    QString m_name;
    bool m_postgres = false;
    Status m_dropped;
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
