#include "connection.h"

#include "common/redaction.h"
#include "db/onemessage.h"

#include <QAtomicInteger>
#include <QLoggingCategory>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlRecord>
#include <QThread>

namespace tidemark {

Q_LOGGING_CATEGORY(lcDb, "tidemark.core.db", QtWarningMsg)

namespace {

QString uniqueConnectionName()
{
    static QAtomicInteger<quint64> counter;
    return QStringLiteral("tidemark-%1").arg(counter.fetchAndAddRelaxed(1));
}

} // namespace

Connection::Connection(ConnectionSpec spec, QString name)
    : m_spec(std::move(spec))
    , m_name(std::move(name))
    , m_dialect(Dialect::create(m_spec.dialect))
{}

Connection::~Connection()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        if (db.isOpen()) {
            if (m_inTransaction)
                db.rollback();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(m_name);
}

Result<std::unique_ptr<Connection>> Connection::open(const ConnectionSpec &spec)
{
    if (!QSqlDatabase::isDriverAvailable(spec.qtDriver)) {
        return Error::make(Error::Code::Connection,
                           QStringLiteral("The Qt SQL driver %1 is not installed (needed for %2).")
                               .arg(spec.qtDriver, spec.displayUrl),
                           QStringLiteral("Install the Qt 6 SQL driver package for this database "
                                          "(on Debian: libqt6sql6-sqlite, libqt6sql6-psql, "
                                          "libqt6sql6-mysql or libqt6sql6-odbc)."));
    }
    const QString name = uniqueConnectionName();
    std::unique_ptr<Connection> connection(new Connection(spec, name));
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(spec.qtDriver, name);
        db.setDatabaseName(spec.databaseName);
        if (!spec.host.isEmpty())
            db.setHostName(spec.host);
        if (spec.port > 0)
            db.setPort(spec.port);
        if (!spec.user.isEmpty())
            db.setUserName(spec.user);
        if (!spec.password.isEmpty())
            db.setPassword(spec.password);
        QString options = spec.connectOptions;
        if (spec.dialect == SqlDialect::Sqlite && !options.contains(u"QSQLITE_BUSY_TIMEOUT"))
            options += (options.isEmpty() ? QString() : QStringLiteral(";")) +
                       QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000");
        db.setConnectOptions(options);
        if (!db.open()) {
            Error e = connection->errorFrom(db.lastError(), {});
            e.code = Error::Code::Connection;
            e.message = QStringLiteral("Cannot connect to %1: %2").arg(spec.displayUrl, e.dbText);
            e.hint = QStringLiteral("Check the URL (sqlalchemy_url), that the server is running "
                                    "and reachable, and the user name and password.");
            return e;
        }
    }
    for (const QString &statement : connection->dialect().sessionSetup(spec)) {
        Result<QSqlQuery> done = connection->exec(statement);
        if (!done)
            return done.error();
    }
    qCDebug(lcDb) << "connected" << spec.displayUrl << "as" << name;
    return connection;
}

QSqlDatabase Connection::database() const
{
    return QSqlDatabase::database(m_name, false);
}

QString Connection::scrub(const QString &text) const
{
    return redactSecretsInText(text, m_spec.password);
}

Error Connection::errorFrom(const QSqlError &error, const QString &statement) const
{
    Error e;
    e.code = Error::Code::Database;
    e.dbText = scrub(error.databaseText().trimmed());
    if (e.dbText.isEmpty())
        e.dbText = scrub(error.text().trimmed());
    e.dbCode = error.nativeErrorCode();
    e.statement = statement;
    e.message = e.dbText;
    return e;
}

QString Connection::inlineBinds(const QString &sql, const QVariantList &binds) const
{
    const QSqlDriver *driver = database().driver();
    QString text;
    text.reserve(sql.size() + 64 * binds.size());
    qsizetype next = 0;
    bool inString = false;
    for (QChar c : sql) {
        if (c == u'\'')
            inString = !inString;
        if (c == u'?' && !inString && next < binds.size()) {
            const QVariant &value = binds.at(next++);
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            text += driver->formatValue(field);
        } else {
            text += c;
        }
    }
    return text;
}

Result<QSqlQuery> Connection::exec(const QString &sql, const QVariantList &binds) const
{
    QSqlQuery query(database());
    query.setForwardOnly(true);
    bool ok;
    if (binds.isEmpty()) {
        ok = query.exec(sql);
    } else if (m_spec.dialect != SqlDialect::Sqlite) {
        // A server-side prepared statement costs three round trips (prepare, execute,
        // deallocate); the driver's own escaping (libpq's, libmariadb's) makes it one. Only
        // Tidemark's own statements take binds, and their '?' never stand inside literals.
        ok = query.exec(inlineBinds(sql, binds));
    } else {
        ok = query.prepare(sql);
        if (ok) {
            for (const QVariant &value : binds)
                query.addBindValue(value);
            ok = query.exec();
        }
    }
    if (!ok)
        return errorFrom(query.lastError(), sql);
    return query;
}

Result<QVariant> Connection::scalar(const QString &sql, const QVariantList &binds) const
{
    Result<QSqlQuery> query = exec(sql, binds);
    if (!query)
        return query.error();
    if (query->next())
        return query->value(0);
    return QVariant();
}

Status Connection::begin()
{
    QSqlDatabase db = database();
    if (!db.transaction())
        return errorFrom(db.lastError(), QStringLiteral("BEGIN"));
    m_inTransaction = true;
    return {};
}

Status Connection::commit()
{
    QSqlDatabase db = database();
    m_inTransaction = false;
    if (!db.commit())
        return errorFrom(db.lastError(), QStringLiteral("COMMIT"));
    return {};
}

Status Connection::commitWith(const QList<BoundStatement> &statements, bool openNext)
{
    // Built only where it is sent: elsewhere there are no round trips to save, and the journal
    // row's binds hold the file's whole text.
    QStringList message;
    if (sendsOneMessage(*this)) {
        for (const BoundStatement &s : statements)
            message.append(inlineBinds(s.sql, s.binds));
        message.append(QStringLiteral("COMMIT"));
        if (openNext)
            message.append(QStringLiteral("BEGIN"));
    }
    // The message runs inside the transaction begin() opened, so its statements are not an
    // implicit transaction of their own: the COMMIT ends that transaction.
    if (std::optional<OneMessageOutcome> sent =
            message.isEmpty() ? std::nullopt : sendAsOneMessage(*this, message)) {
        const QString commitTag = sent->commandTags.value(statements.size());
        // A COMMIT of a transaction that had failed answers ROLLBACK, without an error.
        if (commitTag != u"COMMIT") {
            Error e = Error::make(Error::Code::Database,
                                  commitTag.isEmpty()
                                      ? scrub(sent->errorText)
                                      : QStringLiteral("The server rolled the transaction back "
                                                       "(%1) instead of committing it.")
                                            .arg(commitTag));
            e.dbText = e.message;
            e.dbCode = sent->sqlState;
            return e;
        }
        // The COMMIT took effect; a BEGIN after it that failed leaves no transaction open.
        m_inTransaction = openNext && sent->commandTags.value(statements.size() + 1) == u"BEGIN";
        return {};
    }
    for (const BoundStatement &s : statements) {
        if (Result<QSqlQuery> done = exec(s); !done)
            return done.error();
    }
    return commit();
}

Status Connection::rollback()
{
    QSqlDatabase db = database();
    m_inTransaction = false;
    if (!db.rollback())
        return errorFrom(db.lastError(), QStringLiteral("ROLLBACK"));
    return {};
}

bool Connection::tableExists(const QString &table) const
{
    Result<QVariant> value = scalar(m_dialect->tableExistsSql(), {table});
    return value.ok() && value->isValid();
}

} // namespace tidemark
