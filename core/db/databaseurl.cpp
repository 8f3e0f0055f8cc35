#include "databaseurl.h"

#include <QDir>
#include <QRegularExpression>
#include <QUrl>

namespace tidemark {

using namespace Qt::StringLiterals;

namespace {

const QString kSupported =
    QStringLiteral("sqlite, postgresql, mysql, mariadb, snowflake, databricks");

QString decode(const QString &text, bool plusIsSpace = false)
{
    QString t = text;
    if (plusIsSpace) // parse_sl semantics, as SQLAlchemy reads the query
        t.replace(u'+', u' ');
    return QUrl::fromPercentEncoding(t.toUtf8());
}

bool isSecretKey(const QString &key)
{
    const QString k = key.toLower();
    return k.contains(u"password") || k.contains(u"pwd") || k.contains(u"passwd") ||
           k.contains(u"token") || k.contains(u"secret");
}

// Where the user-info part of the text after "://" ends (the index of its '@'), or -1.
// The user name runs up to the first ':' or '/', as in SQLAlchemy. After a ':' (a password
// follows) the user info runs to the LAST '@' of the text: anything before it may be part of
// the password, so none of it may be taken for a host (and looked up in DNS), a path or a
// query, and none of it shown. Such a URL with a raw '@', '/', '?' or '#' in its password is
// refused (see credentialsNeedEncoding); SQLAlchemy would read "u:Tr0ub@dor/x@host" as host
// "dor". Without a ':', the user name ends at the last '@' before the first '/' (Azure's
// admin@server user names).
int userInfoEnd(const QString &rest)
{
    qsizetype stop = 0;
    while (stop < rest.size() && rest[stop] != u':' && rest[stop] != u'/')
        ++stop;
    if (stop < rest.size() && rest[stop] == u':') {
        const qsizetype at = rest.lastIndexOf(u'@');
        if (at > stop)
            return int(at);
    }
    return stop > 0 ? int(rest.lastIndexOf(u'@', stop - 1)) : -1;
}

bool isHexDigit(QChar c)
{
    return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Whether the user info ("user:password", without its final '@') holds a character that must
// be percent-encoded there: '/', '?', '#' or a '%' that starts no %XX anywhere, and an '@' in
// the password. Such a URL is ambiguous (where does the password end?), so it is refused and
// its whole user info is hidden. A raw '@' in the user name stays allowed (admin@server).
bool credentialsNeedEncoding(QStringView userInfo)
{
    const qsizetype colon = userInfo.indexOf(u':');
    for (qsizetype i = 0; i < userInfo.size(); ++i) {
        const QChar c = userInfo[i];
        if (c == u'/' || c == u'?' || c == u'#' || (c == u'@' && colon >= 0 && i > colon))
            return true;
        if (c == u'%' && !(i + 2 < userInfo.size() && isHexDigit(userInfo[i + 1]) &&
                           isHexDigit(userInfo[i + 2])))
            return true;
    }
    return false;
}

Error urlError(const QString &message, const QString &url)
{
    return Error::make(Error::Code::Url, message + u" (" + redactUrl(url) + u")",
                       QStringLiteral("A database URL looks like "
                                      "backend://user:password@host:port/database?key=value; "
                                      "percent-encode special characters in the password."));
}

QString redactQuery(const QString &query)
{
    QStringList parts = query.split(u'&');
    for (QString &part : parts) {
        const qsizetype eq = part.indexOf(u'=');
        if (eq > 0 && isSecretKey(decode(part.left(eq), true)))
            part = part.left(eq) + u"=***";
    }
    return parts.join(u'&');
}

QString encodePart(const QString &text, const QByteArray &keep = {})
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, keep));
}

// The URL rebuilt from its parts, password shown as "***".
QString composeDisplayUrl(const DatabaseUrl &url)
{
    QString text = url.backend;
    if (!url.driver.isEmpty())
        text += u'+' + url.driver;
    text += u"://";
    if (url.backend == u"sqlite") {
        if (!url.database.isEmpty())
            text += u'/' + url.database;
    } else {
        if (!url.user.isEmpty() || !url.password.isEmpty()) {
            text += encodePart(url.user);
            if (!url.password.isEmpty())
                text += u":***";
            text += u'@';
        }
        text += url.host.contains(u':') ? QString(u'[' + url.host + u']') : url.host;
        if (url.port >= 0)
            text += u':' + QString::number(url.port);
        if (!url.database.isEmpty())
            text += u'/' + encodePart(url.database, "/:@"); // as typed, so redactUrl sees it
    }
    QStringList query;
    for (const auto &[key, value] : url.query)
        query << encodePart(key) + u'=' + encodePart(value);
    if (!query.isEmpty())
        text += u'?' + query.join(u'&');
    return redactUrl(text);
}

} // namespace

QString DatabaseUrl::queryValue(const QString &key) const
{
    for (const auto &[k, v] : query) {
        if (k == key)
            return v;
    }
    return {};
}

QString redactUrl(const QString &url)
{
    const qsizetype sep = url.indexOf(u"://");
    const qsizetype start = sep >= 0 ? sep + 3 : 0;
    const QString rest = url.mid(start);
    QString head = url.left(start);
    QString body = rest;
    int at = userInfoEnd(rest);
    // For redaction only: in a malformed URL (a/b:secret@host) a later '@' may still end a
    // password; hiding too much is better than showing it.
    if (at < 0) {
        const qsizetype colon = rest.indexOf(u':');
        const qsizetype lastAt = rest.lastIndexOf(u'@');
        if (colon >= 0 && lastAt > colon)
            at = int(lastAt);
    }
    QString userInfo;
    if (at >= 0) {
        userInfo = rest.left(at);
        body = rest.mid(at + 1);
        const qsizetype colon = userInfo.indexOf(u':');
        if (credentialsNeedEncoding(userInfo)) // ambiguous: any of it may be the password
            userInfo = QStringLiteral("***");
        else if (colon >= 0)
            userInfo = userInfo.left(colon) + u":***";
        userInfo += u'@';
    } else {
        // "host:secret" without '@' cannot be told from a bad port: hide a non-numeric one.
        static const QRegularExpression badPort(
            QStringLiteral("^([^/?\\[\\]]*):([^/?]*[^/?\\d][^/?]*)"));
        const QRegularExpressionMatch m = badPort.match(body);
        if (m.hasMatch())
            body = m.captured(1) + u":***" + body.mid(m.capturedEnd(0));
    }
    const qsizetype q = body.indexOf(u'?');
    if (q >= 0)
        body = body.left(q + 1) + redactQuery(body.mid(q + 1));
    return head + userInfo + body;
}

UrlPassword splitUrlPassword(const QString &url)
{
    const qsizetype sep = url.indexOf(u"://");
    const qsizetype start = sep >= 0 ? sep + 3 : 0;
    const QString rest = url.mid(start);
    const int at = userInfoEnd(rest);
    const qsizetype colon = at >= 0 ? rest.left(at).indexOf(u':') : -1;
    if (colon < 0)
        return {url, {}};
    // No user name left (":secret@host"): no user info at all, as joinUrlPassword makes it.
    const QString kept = colon > 0 ? QString(rest.left(colon) + rest.mid(at)) : rest.mid(at + 1);
    return {url.left(start) + kept, decode(rest.mid(colon + 1, at - colon - 1))};
}

QString joinUrlPassword(const QString &url, const QString &password)
{
    if (password.isEmpty())
        return url;
    const qsizetype sep = url.indexOf(u"://");
    const qsizetype start = sep >= 0 ? sep + 3 : 0;
    const QString encoded = encodePart(password);
    const int at = userInfoEnd(url.mid(start));
    if (at < 0) // no user name: an empty one with the password
        return url.left(start) + u':' + encoded + u'@' + url.mid(start);
    return url.left(start + at) + u':' + encoded + url.mid(start + at);
}

Result<DatabaseUrl> parseDatabaseUrl(const QString &input)
{
    const QString text = input.trimmed();
    const qsizetype sep = text.indexOf(u"://");
    static const QRegularExpression schemeRe(QStringLiteral("^[A-Za-z0-9_+]+$"));
    if (text.isEmpty())
        return Error::make(Error::Code::Url, QStringLiteral("The database URL is empty."));
    if (sep <= 0 || !schemeRe.match(text.left(sep)).hasMatch())
        return urlError(QStringLiteral("The database URL has no valid scheme such as "
                                       "\"postgresql://\" or \"sqlite:///\""),
                        text);

    DatabaseUrl url;
    const QString scheme = text.left(sep).toLower();
    const qsizetype plus = scheme.indexOf(u'+');
    url.backend = plus >= 0 ? scheme.left(plus) : scheme;
    url.driver = plus >= 0 ? scheme.mid(plus + 1) : QString();
    if (url.backend == u"postgres")
        url.backend = QStringLiteral("postgresql");
    static const QStringList backends = {QStringLiteral("sqlite"),    QStringLiteral("postgresql"),
                                         QStringLiteral("mysql"),     QStringLiteral("mariadb"),
                                         QStringLiteral("snowflake"), QStringLiteral("databricks")};
    if (!backends.contains(url.backend))
        return Error::make(Error::Code::Url,
                           QStringLiteral("Unsupported database URL scheme \"%1\". Supported: %2.")
                               .arg(url.backend, kSupported));

    QString rest = text.mid(sep + 3);
    const int at = userInfoEnd(rest);
    if (at >= 0) {
        const QString userInfo = rest.left(at);
        if (credentialsNeedEncoding(userInfo)) {
            // Before any connection attempt (no DNS lookup of a piece of the password), and
            // naming no character found: any of them may be part of the password.
            Error e = urlError(QStringLiteral("The user name or password in the database URL "
                                              "contains characters that must be "
                                              "percent-encoded: @ as %40, / as %2F, ? as %3F, "
                                              "# as %23, % as %25"),
                               text);
            e.hint = QStringLiteral("Percent-encode the password, for example with Python's "
                                    "urllib.parse.quote(password, safe=\"\"): x@y/z "
                                    "becomes x%40y%2Fz. An '@' after the password (in the "
                                    "path or query) must be written as %40 too.");
            return e;
        }
        const qsizetype colon = userInfo.indexOf(u':');
        url.user = decode(colon >= 0 ? userInfo.left(colon) : userInfo);
        if (colon >= 0)
            url.password = decode(userInfo.mid(colon + 1));
        rest = rest.mid(at + 1);
    }

    qsizetype hostEnd = rest.size();
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest[i] == u'/' || rest[i] == u'?') {
            hostEnd = i;
            break;
        }
    }
    QString hostPort = rest.left(hostEnd);
    rest = rest.mid(hostEnd);
    QString portText;
    if (hostPort.startsWith(u'[')) {
        const qsizetype close = hostPort.indexOf(u']');
        if (close < 0)
            return urlError(QStringLiteral("The IPv6 host in the database URL has no closing ']'"),
                            text);
        url.host = hostPort.mid(1, close - 1);
        const QString after = hostPort.mid(close + 1);
        if (!after.isEmpty() && !after.startsWith(u':'))
            return urlError(QStringLiteral("Unexpected text after the IPv6 host"), text);
        portText = after.mid(1);
    } else {
        const qsizetype colon = hostPort.indexOf(u':');
        url.host = colon >= 0 ? hostPort.left(colon) : hostPort;
        portText = colon >= 0 ? hostPort.mid(colon + 1) : QString();
    }
    if (!portText.isEmpty()) {
        // The port text is not echoed: in a malformed URL it may be part of a password.
        bool ok = false;
        const int port = portText.toInt(&ok);
        if (!ok || port < 1 || port > 65535 || !portText.front().isDigit())
            return urlError(QStringLiteral("The port in the database URL is not a number "
                                           "between 1 and 65535"),
                            text);
        url.port = port;
    }

    const qsizetype q = rest.indexOf(u'?');
    const QString path = q >= 0 ? rest.left(q) : rest;
    if (path.startsWith(u'/'))
        url.database = decode(path.mid(1));
    if (q >= 0) {
        const QStringList pairs = rest.mid(q + 1).split(u'&', Qt::SkipEmptyParts);
        for (const QString &pair : pairs) {
            const qsizetype eq = pair.indexOf(u'=');
            const QString key = decode(eq >= 0 ? pair.left(eq) : pair, true);
            url.query.append({key, eq >= 0 ? decode(pair.mid(eq + 1), true) : QString()});
        }
    }

    if (url.backend == u"sqlite") {
        if (!url.host.isEmpty() || !url.user.isEmpty() || url.port >= 0)
            return urlError(QStringLiteral("A sqlite URL has no host: write sqlite:///relative.db "
                                           "or sqlite:////absolute/path.db"),
                            text);
    }
    return url;
}

namespace {

// A value for an ODBC connection string: braced when it holds a separator or a brace.
QString odbcValue(const QString &value)
{
    if (value.contains(u';') || value.contains(u'}') || value.contains(u'{') ||
        value.contains(u'=') || value != value.trimmed()) {
        QString escaped = value;
        escaped.replace(u"}"_s, u"}}"_s);
        return u'{' + escaped + u'}';
    }
    return value;
}

void addOdbc(QStringList &parts, const QString &key, const QString &value)
{
    if (!value.isEmpty())
        parts << key + u'=' + odbcValue(value);
}

// A libpq conninfo value. Qt's QPSQL turns every ';' of the options into a space, so a ';'
// cannot be passed at all.
Result<QString> libpqValue(const QString &key, const QString &value)
{
    if (value.contains(u';'))
        return Error::make(Error::Code::Url,
                           QStringLiteral("The URL option \"%1\" contains ';', which the QtSql "
                                          "PostgreSQL driver cannot pass on.")
                               .arg(key));
    static const QRegularExpression plain(QStringLiteral("^[^\\s'\\\\]+$"));
    if (plain.match(value).hasMatch())
        return value;
    QString escaped = value;
    escaped.replace(u"\\"_s, u"\\\\"_s).replace(u"'"_s, u"\\'"_s);
    return QString(u'\'' + escaped + u'\'');
}

Result<int> timeoutFrom(const DatabaseUrl &url, const QString &key, int fallback)
{
    const QString text = url.queryValue(key);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const double seconds = text.toDouble(&ok);
    // At most a week: the value becomes an int of seconds (and of milliseconds for SQLite), and
    // toDouble() also reads "nan", "inf" and 1e30 (found by tests/fuzz/fuzz_databaseurl).
    constexpr double MaxSeconds = 7 * 24 * 3600;
    if (!ok || !(seconds >= 0 && seconds <= MaxSeconds))
        return Error::make(Error::Code::Url,
                           QStringLiteral("The URL option %1=%2 is not a number of seconds "
                                          "between 0 and %3.")
                               .arg(key, text)
                               .arg(int(MaxSeconds)));
    return int(seconds + 0.999);
}

Result<ConnectionSpec> postgresSpec(const DatabaseUrl &url, ConnectionSpec spec)
{
    spec.dialect = SqlDialect::Postgres;
    spec.qtDriver = QStringLiteral("QPSQL");
    // libpq keywords that psycopg2 would receive from the URL query; others are not libpq's.
    static const QStringList passThrough = {QStringLiteral("sslmode"),
                                            QStringLiteral("sslrootcert"),
                                            QStringLiteral("sslcert"),
                                            QStringLiteral("sslkey"),
                                            QStringLiteral("sslcrl"),
                                            QStringLiteral("application_name"),
                                            QStringLiteral("target_session_attrs"),
                                            QStringLiteral("options"),
                                            QStringLiteral("keepalives"),
                                            QStringLiteral("keepalives_idle"),
                                            QStringLiteral("keepalives_interval"),
                                            QStringLiteral("keepalives_count"),
                                            QStringLiteral("gssencmode"),
                                            QStringLiteral("channel_binding"),
                                            QStringLiteral("service"),
                                            QStringLiteral("passfile")};
    QStringList options;
    for (const auto &[key, value] : url.query) {
        if (!passThrough.contains(key))
            continue;
        Result<QString> v = libpqValue(key, value);
        if (!v)
            return v.error();
        options << key + u'=' + *v;
    }
    if (spec.host.isEmpty()) // postgresql:///db?host=/var/run/postgresql (a socket folder)
        spec.host = url.queryValue(QStringLiteral("host"));
    options << QStringLiteral("connect_timeout=%1").arg(spec.connectTimeoutSeconds);
    spec.connectOptions = options.join(u';');
    return spec;
}

Result<ConnectionSpec> mysqlSpec(const DatabaseUrl &url, ConnectionSpec spec)
{
    spec.dialect = SqlDialect::MySql;
    spec.qtDriver = QStringLiteral("QMARIADB");
    QStringList options{
        QStringLiteral("MYSQL_OPT_CONNECT_TIMEOUT=%1").arg(spec.connectTimeoutSeconds)};
    // Read and write timeouts only when asked for: a default would cut long ALTERs short.
    for (const auto &[key, option] :
         {std::pair{u"read_timeout"_s, u"MYSQL_OPT_READ_TIMEOUT"_s},
          std::pair{u"write_timeout"_s, u"MYSQL_OPT_WRITE_TIMEOUT"_s}}) {
        Result<int> seconds = timeoutFrom(url, key, -1);
        if (!seconds)
            return seconds.error();
        if (*seconds >= 0)
            options << option + u'=' + QString::number(*seconds);
    }
    // Names the Qt 6.4 QMYSQL/QMARIADB driver accepts. There is no charset option: the driver
    // always negotiates utf8mb4 (else utf8) and decodes every result as UTF-8, so "charset"
    // from the URL is accepted and not passed on; the server converts to utf8mb4.
    for (const auto &[key, option] :
         {std::pair{u"ssl_ca"_s, u"SSL_CA"_s}, std::pair{u"ssl_capath"_s, u"SSL_CAPATH"_s},
          std::pair{u"ssl_cert"_s, u"SSL_CERT"_s}, std::pair{u"ssl_key"_s, u"SSL_KEY"_s},
          std::pair{u"ssl_cipher"_s, u"SSL_CIPHER"_s},
          std::pair{u"unix_socket"_s, u"UNIX_SOCKET"_s}}) {
        const QString value = url.queryValue(key);
        if (value.contains(u';'))
            return Error::make(Error::Code::Url,
                               QStringLiteral("The URL option \"%1\" contains ';', which the "
                                              "QtSql MariaDB driver cannot pass on.")
                                   .arg(key));
        if (!value.isEmpty())
            options << option + u'=' + value;
    }
    spec.connectOptions = options.join(u';');
    return spec;
}

Result<ConnectionSpec> snowflakeSpec(const DatabaseUrl &url, const ConnectionSettings &settings,
                                     ConnectionSpec spec)
{
    spec.dialect = SqlDialect::Snowflake;
    spec.qtDriver = QStringLiteral("QODBC");
    if (url.host.isEmpty())
        return Error::make(Error::Code::Url, QStringLiteral("The snowflake URL names no account."),
                           QStringLiteral("Write snowflake://user:password@account/database/schema"
                                          "?warehouse=WH&role=ROLE."));
    QString server = url.host;
    if (!server.endsWith(u".snowflakecomputing.com", Qt::CaseInsensitive))
        server += u".snowflakecomputing.com";
    const qsizetype slash = url.database.indexOf(u'/');
    QString database = slash >= 0 ? url.database.left(slash) : url.database;
    QString schema = slash >= 0 ? url.database.mid(slash + 1) : url.queryValue(u"schema"_s);
    if (database.isEmpty())
        database = url.queryValue(u"database"_s);

    QStringList parts{QStringLiteral("Driver={SnowflakeDSIIDriver}")};
    addOdbc(parts, u"Server"_s, server);
    addOdbc(parts, u"Database"_s, database);
    addOdbc(parts, u"Schema"_s, schema);
    addOdbc(parts, u"Warehouse"_s, url.queryValue(u"warehouse"_s));
    addOdbc(parts, u"Role"_s, url.queryValue(u"role"_s));
    addOdbc(parts, u"UID"_s, url.user);
    const QString authenticator = url.queryValue(u"authenticator"_s);
    if (!url.password.isEmpty()) {
        addOdbc(parts, u"PWD"_s, url.password);
    } else if (!authenticator.isEmpty()) {
        addOdbc(parts, u"Authenticator"_s, authenticator); // externalbrowser, oauth ...
    } else {
        // Jetbase uses key-pair authentication when the URL has no password.
        if (settings.snowflakePrivateKeyFile.isEmpty())
            return Error::make(
                Error::Code::Config,
                QStringLiteral("The snowflake URL has no password and no private key is "
                               "configured for key-pair authentication."),
                QStringLiteral("Set JETBASE_SNOWFLAKE_PRIVATE_KEY (or snowflake_private_key in "
                               "env.py), or put the password in the URL."));
        parts << QStringLiteral("Authenticator=SNOWFLAKE_JWT");
        addOdbc(parts, u"PRIV_KEY_FILE"_s, settings.snowflakePrivateKeyFile);
        addOdbc(parts, u"PRIV_KEY_FILE_PWD"_s, settings.snowflakePrivateKeyPassword);
    }
    spec.databaseName = parts.join(u';');
    spec.schema = schema;
    return spec;
}

Result<ConnectionSpec> databricksSpec(const DatabaseUrl &url, ConnectionSpec spec)
{
    spec.dialect = SqlDialect::Databricks;
    spec.qtDriver = QStringLiteral("QODBC");
    const QString httpPath = url.queryValue(u"http_path"_s);
    const QString hint = QStringLiteral(
        "Write databricks://token:TOKEN@HOST?http_path=PATH&catalog=CATALOG&schema=SCHEMA.");
    if (url.host.isEmpty() || httpPath.isEmpty())
        return Error::make(Error::Code::Url,
                           QStringLiteral("The databricks URL needs a host and http_path."), hint);
    if (url.password.isEmpty())
        return Error::make(Error::Code::Url,
                           QStringLiteral("The databricks URL has no access token."), hint);
    QStringList parts{QStringLiteral("Driver=Simba Spark ODBC Driver")};
    addOdbc(parts, u"Host"_s, url.host);
    parts << QStringLiteral("Port=%1").arg(url.port >= 0 ? url.port : 443);
    addOdbc(parts, u"HTTPPath"_s, httpPath);
    parts << QStringLiteral("SSL=1") << QStringLiteral("ThriftTransport=2")
          << QStringLiteral("AuthMech=3");
    addOdbc(parts, u"UID"_s, url.user.isEmpty() ? u"token"_s : url.user);
    addOdbc(parts, u"PWD"_s, url.password);
    addOdbc(parts, u"Catalog"_s, url.queryValue(u"catalog"_s));
    addOdbc(parts, u"Schema"_s, url.queryValue(u"schema"_s));
    spec.databaseName = parts.join(u';');
    spec.schema = url.queryValue(u"schema"_s);
    return spec;
}

} // namespace

Result<ConnectionSpec> connectionSpecFor(const DatabaseUrl &url, const ConnectionSettings &settings)
{
    ConnectionSpec spec;
    spec.displayUrl = composeDisplayUrl(url);
    Result<int> timeout = timeoutFrom(url, u"connect_timeout"_s, settings.connectTimeoutSeconds);
    if (!timeout)
        return timeout.error();
    spec.connectTimeoutSeconds = *timeout;

    if (url.backend == u"sqlite") {
        spec.dialect = SqlDialect::Sqlite;
        spec.qtDriver = QStringLiteral("QSQLITE");
        const bool uri = url.queryValue(u"uri"_s).compare(u"true"_s, Qt::CaseInsensitive) == 0;
        if (url.database.isEmpty() || url.database == u":memory:")
            spec.databaseName = QStringLiteral(":memory:");
        else if (uri)
            spec.databaseName = url.database; // a "file:" URI, handed to SQLite as written
        else
            spec.databaseName = QDir::cleanPath(
                QDir(settings.baseDir.isEmpty() ? QDir::currentPath() : settings.baseDir)
                    .absoluteFilePath(url.database));
        // pysqlite's ?timeout= (seconds to wait for a locked database); without it the
        // connection layer chooses its own default.
        Result<int> busy = timeoutFrom(url, u"timeout"_s, -1);
        if (!busy)
            return busy.error();
        QStringList options;
        if (*busy >= 0)
            options << QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(*busy * 1000);
        if (uri)
            options << QStringLiteral("QSQLITE_OPEN_URI");
        spec.connectOptions = options.join(u';');
        return spec;
    }

    spec.host = url.host;
    spec.port = url.port;
    spec.databaseName = url.database;
    if (url.backend == u"postgresql" || url.backend == u"mysql" || url.backend == u"mariadb") {
        spec.user = url.user;
        spec.password = url.password;
    }
    if (url.backend == u"postgresql") {
        spec.schema = settings.postgresSchema;
        return postgresSpec(url, spec);
    }
    if (url.backend == u"mysql" || url.backend == u"mariadb")
        return mysqlSpec(url, spec);
    // QODBC: the credentials live inside the connection string (escaped there), so host, port,
    // user and password stay empty; Qt would append them unescaped.
    spec.host.clear();
    spec.port = -1;
    if (url.backend == u"snowflake")
        return snowflakeSpec(url, settings, spec);
    if (url.backend == u"databricks")
        return databricksSpec(url, spec);
    return Error::make(Error::Code::Url,
                       QStringLiteral("Unsupported database URL scheme \"%1\". Supported: %2.")
                           .arg(url.backend, kSupported));
}

} // namespace tidemark
