#pragma once

#include "common/result.h"
#include "db/databaseurl.h"

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
    // Whether the keychain holds a password for it. Not secret; kept with the profile so that a
    // profile without a password never needs the keychain (save, test, apply, delete).
    bool hasPassword = false;
};

// A URL as the user typed it, split into the part kept in the settings file (url) and the
// password that goes to the keychain (percent-decoded; empty when the URL had none).
using SplitUrl = UrlPassword;

// Splits a typed URL (core's splitUrlPassword, which reads the user info as the parser does).
// Malformed URLs and unknown schemes are an error (core's parseDatabaseUrl names the scheme and the
// supported ones); so is a password that the URL keeps elsewhere (a password= or token= query
// value), which would otherwise land in the settings file.
Result<SplitUrl> splitPassword(const QString &typedUrl);

// The profiles in QSettings (group "connectionProfiles") and, per project, which one the window
// uses ("projectConnections": jetbase folder -> profile id). GUI thread only.
class ConnectionProfiles
{
    Q_DECLARE_TR_FUNCTIONS(tidemark::ui::ConnectionProfiles)
public:
    static QList<ConnectionProfile> list();           // sorted by name
    static ConnectionProfile find(const QString &id); // empty id when there is none
    // Gives a new profile (empty id) its id; the one place ids are made. Returns the id.
    static QString assignId(ConnectionProfile &profile);
    // Writes name, URL, mark and hasPassword; a new profile gets its id (assignId). Returns it.
    static QString save(ConnectionProfile &profile);
    static void remove(const QString &id);
    // The name as lists show it: "name (production)" for a production profile.
    static QString displayName(const ConnectionProfile &profile);

    // The profile chosen for the project, or empty for the project's own URL.
    static QString chosenFor(const QString &jetbaseDir);
    static void setChosenFor(const QString &jetbaseDir, const QString &id);
};

} // namespace tidemark::ui
