#pragma once

#include "common/result.h"
#include "common/sqldialect.h"

#include <QList>
#include <QPair>
#include <QString>

namespace tidemark {

// A SQLAlchemy URL: backend[+driver]://user:password@host:port/database?key=value
struct DatabaseUrl
{
    QString backend;  // "sqlite", "postgresql", "mysql", "mariadb", "snowflake", "databricks"
    QString driver;   // the part after '+', ignored for the connection ("asyncpg", "pymysql")
    QString user;     // percent-decoded
    QString password; // percent-decoded; never shown
    QString host;
    int port = -1;
    QString database; // path after the host, percent-decoded; for sqlite the file path
    QList<QPair<QString, QString>> query;

    QString queryValue(const QString &key) const;
};

// Parses the URL. Unknown backends (anything but the six above and "postgres") are an
// Error::Code::Url naming the scheme and listing the supported ones; the error text never
// contains the password.
Result<DatabaseUrl> parseDatabaseUrl(const QString &url);

// The URL with the password replaced by "***" (also in query values named password/token and
// in the databricks "token:" user form). Works on malformed URLs too.
QString redactUrl(const QString &url);

// A URL split at its password: the URL with ":password" taken out of its user info, and the
// password percent-decoded (empty when the URL has none; the URL then comes back as it was).
// The user info ends where parseDatabaseUrl ends it (a raw '@' in the user name stays there:
// admin@srv@host). Works on any text; only a URL parseDatabaseUrl accepts splits meaningfully.
struct UrlPassword
{
    QString url;
    QString password;
};
UrlPassword splitUrlPassword(const QString &url);

// The URL (without a password) with password put into its user info after the user name,
// percent-encoded, so that parseDatabaseUrl reads back exactly password and the same user.
// An empty password leaves the URL as it is.
QString joinUrlPassword(const QString &url, const QString &password);

// Everything QSqlDatabase needs, chosen once from the URL.
struct ConnectionSpec
{
    SqlDialect dialect = SqlDialect::Sqlite;
    QString qtDriver;     // QSQLITE, QPSQL, QMARIADB, QODBC
    QString databaseName; // file path (sqlite), database (server), ODBC connection string
                          // (QODBC: holds UID/PWD, so never show it; user/password stay empty)
    QString host;
    int port = -1;
    QString user;
    QString password;
    QString connectOptions; // QSqlDatabase::setConnectOptions text
    QString schema;         // postgres_schema: search_path is set to this schema only
    QString displayUrl;     // redacted, for output
    int connectTimeoutSeconds = 10;
};

struct ConnectionSettings
{
    QString baseDir;        // relative sqlite paths resolve against this (the jetbase folder)
    QString postgresSchema; // from configuration
    QString snowflakePrivateKeyFile; // snowflake key-pair auth when the URL has no password
    int connectTimeoutSeconds = 10;
    QString snowflakePrivateKeyPassword; // passphrase of that key file (PRIV_KEY_FILE_PWD), if any
};

// Maps a URL to QtSql (JETBASE-COMPAT.md §2): sslmode, connect_timeout, application_name (and
// the other libpq keywords) pass through to QPSQL; MariaDB gets timeouts, SSL_* and UNIX_SOCKET,
// while charset is accepted and not passed on (Qt 6.4's driver always talks utf8mb4 and has no
// charset option); Snowflake and Databricks become QODBC connection strings for the vendors'
// drivers. Relative sqlite paths resolve against settings.baseDir.
Result<ConnectionSpec> connectionSpecFor(const DatabaseUrl &url,
                                         const ConnectionSettings &settings);

} // namespace tidemark
