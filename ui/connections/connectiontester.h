#pragma once

#include <QCoreApplication>
#include <QString>

#include <functional>

class QObject;

namespace tidemark::ui {

// Test Connection: opens the URL on a thread of the global thread pool (its own QSqlDatabase
// connection, made, used and removed there; the application waits for it at quit), asks the server
// for its version and closes again. The answer comes back on the GUI thread, once, unless context
// is destroyed first.
class ConnectionTester
{
    Q_DECLARE_TR_FUNCTIONS(tidemark::ui::ConnectionTester)
public:
    // text: the server's version, or the error with the password hidden (core redacts the URL
    // and scrubs the driver's text).
    using Done = std::function<void(bool ok, const QString &text)>;

    // baseDir: where a relative SQLite path is resolved (the project's jetbase folder).
    static void test(const QString &url, const QString &baseDir, QObject *context, Done done);

    // The blocking part, on the calling thread.
    static std::pair<bool, QString> tryConnect(const QString &url, const QString &baseDir);
};

} // namespace tidemark::ui
