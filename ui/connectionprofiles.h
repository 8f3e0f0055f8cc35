#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace tidemark::ui {

// A saved connection: a name, a SQLAlchemy URL WITHOUT its password and a production mark. The
// password lives in the system keychain under the profile's id (see ProfileKeychain), never in
// the settings file.
struct ConnectionProfile
{
    QString id; // stable key: settings group and keychain entry; survives renaming
    QString name;
    QString url; // no password in it
    bool production = false;
};

// A URL as the user typed it, split into the part kept in the settings file and the password
// that goes to the keychain.
struct SplitUrl
{
    QString url;      // the password removed from the user info
    QString password; // percent-decoded; empty when the URL had none
};

// Splits a typed URL. Malformed URLs and unknown schemes are an error (core's parseDatabaseUrl
// names the scheme and the supported ones); so is a password that the URL keeps elsewhere (a
// password= or token= query value), which would otherwise land in the settings file.
Result<SplitUrl> splitPassword(const QString &typedUrl);

// The URL with the password put back into its user info (percent-encoded), to connect with.
QString withPassword(const QString &url, const QString &password);

// The profiles in QSettings (group "connectionProfiles") and, per project, which one the window
// uses ("projectConnections": jetbase folder -> profile id). GUI thread only.
class ConnectionProfiles
{
    Q_DECLARE_TR_FUNCTIONS(tidemark::ui::ConnectionProfiles)
public:
    static QList<ConnectionProfile> list();           // sorted by name
    static ConnectionProfile find(const QString &id); // empty id when there is none
    // Writes name, URL and mark; a new profile (empty id) gets one. Returns the id.
    static QString save(ConnectionProfile profile);
    static void remove(const QString &id);

    // The profile chosen for the project, or empty for the project's own URL.
    static QString chosenFor(const QString &jetbaseDir);
    static void setChosenFor(const QString &jetbaseDir, const QString &id);
};

} // namespace tidemark::ui
