#include "connections/connectiontester.h"

#include "db/connection.h"
#include "db/databaseurl.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <memory>
#include <utility>

namespace tidemark::ui {

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
    if (const QString sql = connection.value()->dialect().serverVersionSql(); !sql.isEmpty()) {
        if (Result<QVariant> answer = connection.value()->scalar(sql))
            version = answer->toString();
    }
    return {true, version.isEmpty()
                      ? tr("Connected to %1.").arg(spec->displayUrl)
                      : tr("Connected to %1.\nServer: %2").arg(spec->displayUrl, version)};
}

void ConnectionTester::test(const QString &url, const QString &baseDir, QObject *context, Done done)
{
    // The answer comes back through a relay object of the GUI thread that only the answer
    // deletes, so the pool thread never touches context, which may be gone by then.
    auto *relay = new QObject;
    relay->moveToThread(context->thread());
    QPointer<QObject> guard(context);
    // The global pool: QCoreApplication's destructor waits for it, so quitting during a
    // connect does not leave main while this thread is inside QtSql. Connection::open makes,
    // uses and removes its uniquely named QSqlDatabase connection on this one thread.
    QThreadPool::globalInstance()->start([url, baseDir, relay, guard, done = std::move(done)] {
        const std::pair<bool, QString> answer = tryConnect(url, baseDir);
        QMetaObject::invokeMethod(
            relay,
            [relay, guard, done, answer] {
                relay->deleteLater();
                if (guard)
                    done(answer.first, answer.second);
            },
            Qt::QueuedConnection);
    });
}

} // namespace tidemark::ui
