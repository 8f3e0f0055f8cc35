#pragma once

#include <QCoreApplication>
#include <QObject>
#include <QString>

#include <functional>

namespace tidemark::ui {

// The passwords of connection profiles in the system keychain (QtKeychain: the Secret Service
// on Linux, the Keychain on macOS, the Credential Store on Windows), one entry per profile id
// under the service "Tidemark". There is no insecure fallback: without a keychain a password
// cannot be kept, and the caller is told so.
//
// Every call is asynchronous and answers on the GUI thread through the callback, once; the
// callback is dropped when context is destroyed first. GUI thread only.
class ProfileKeychain
{
    Q_DECLARE_TR_FUNCTIONS(tidemark::ui::ProfileKeychain)
public:
    // ok false: error is a sentence for people (never the password). An entry that does not
    // exist reads as ok with an empty password, and deletes as ok.
    using Done = std::function<void(bool ok, const QString &password, const QString &error)>;

    static QString service();
    static void read(const QString &profileId, QObject *context, Done done);
    static void write(const QString &profileId, const QString &password, QObject *context,
                      Done done);
    static void remove(const QString &profileId, QObject *context, Done done);
};

} // namespace tidemark::ui
