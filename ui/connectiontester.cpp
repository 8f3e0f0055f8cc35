#include "connectiontester.h"

#include "db/connection.h"
#include "db/databaseurl.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace tidemark::ui {

namespace {

// A cheap question that every server answers; empty for the ODBC-reached clouds.
QString versionQuery(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Postgres:
    case SqlDialect::MySql:
        return QStringLiteral("SELECT version()");
    case SqlDialect::Sqlite:
        return QStringLiteral("SELECT 'SQLite ' || sqlite_version()");
    default:
        return {};
    }
}

} // namespace

std::pair<bool, QString> ConnectionTester::tryConnect(const QString &url, const QString &baseDir)
{
    Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    if (!parsed)
        return {false, parsed.error().fullText()};
    ConnectionSettings settings;
    settings.baseDir = baseDir;
    Result<ConnectionSpec> spec = connectionSpecFor(parsed.value(), settings);
    if (!spec)
        return {false, spec.error().fullText()};
    Result<std::unique_ptr<Connection>> connection = Connection::open(spec.value());
    if (!connection)
        return {false, connection.error().fullText()};
    QString version;
    if (const QString sql = versionQuery(spec->dialect); !sql.isEmpty()) {
        if (Result<QVariant> answer = connection.value()->scalar(sql))
            version = answer->toString();
    }
    return {true, version.isEmpty()
                      ? tr("Connected to %1.").arg(spec->displayUrl)
                      : tr("Connected to %1.\nServer: %2").arg(spec->displayUrl, version)};
}

void ConnectionTester::test(const QString &url, const QString &baseDir, QObject *context, Done done)
{
    auto answer = std::make_shared<std::pair<bool, QString>>();
    QThread *thread =
        QThread::create([url, baseDir, answer] { *answer = tryConnect(url, baseDir); });
    thread->setObjectName(QStringLiteral("connectionTest"));
    // The thread is nobody's child: a dialog closed meanwhile must not destroy it running.
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    QObject::connect(thread, &QThread::finished, context,
                     [answer, done = std::move(done)] { done(answer->first, answer->second); });
    thread->start();
}

} // namespace tidemark::ui
