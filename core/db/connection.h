#pragma once

#include "common/result.h"
#include "db/boundstatement.h"
#include "db/databaseurl.h"
#include "db/dialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace tidemark {

// One open QSqlDatabase under a unique connection name. Created, used and destroyed on one
// thread (QtSql's rule); the destructor closes and removes the connection.
class Connection
{
public:
    static Result<std::unique_ptr<Connection>> open(const ConnectionSpec &spec);
    ~Connection();
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    const ConnectionSpec &spec() const { return m_spec; }
    const Dialect &dialect() const { return *m_dialect; }
    QSqlDatabase database() const;

    // Runs one statement with positional binds; the database's error becomes an
    // Error::Code::Database carrying the statement and the database's text and code.
    Result<QSqlQuery> exec(const QString &sql, const QVariantList &binds = {}) const;
    Result<QSqlQuery> exec(const BoundStatement &statement) const
    {
        return exec(statement.sql, statement.binds);
    }
    // First column of the first row, or an invalid QVariant when there is no row.
    Result<QVariant> scalar(const QString &sql, const QVariantList &binds = {}) const;
    Status begin();
    Status commit();
    // Runs the statements in the open transaction and commits it. On PostgreSQL they go to the
    // server as one message together with the COMMIT: one round trip instead of one for each.
    // On a failure nothing of the transaction took effect (the server stops at the failing
    // statement); the transaction may still be open, so the caller rolls back as after any
    // failed statement. The error carries the database's text. openNext (PostgreSQL only): the
    // same message then opens the next transaction, and inTransaction() says whether it did.
    Status commitWith(const QList<BoundStatement> &statements, bool openNext = false);
    Status rollback();
    bool inTransaction() const { return m_inTransaction; }
    bool tableExists(const QString &table) const;

    // Removes the password from a text the driver produced (some drivers echo connection
    // parameters in their errors).
    QString scrub(const QString &text) const;

    // sql with each '?' replaced by the driver's literal for the next bind value.
    QString inlineBinds(const QString &sql, const QVariantList &binds) const;

private:
    Connection(ConnectionSpec spec, QString name);
    Error errorFrom(const QSqlError &error, const QString &statement) const;

    ConnectionSpec m_spec;
    QString m_name;
    std::unique_ptr<Dialect> m_dialect;
    bool m_inTransaction = false;
};

} // namespace tidemark
