#include "connections/connectionprofiles.h"

#include <QSettings>
#include <QUuid>

#include <algorithm>

namespace tidemark::ui {

namespace {

const QString Group = QStringLiteral("connectionProfiles");
const QString Chosen = QStringLiteral("projectConnections");

} // namespace

Result<SplitUrl> splitPassword(const QString &typedUrl)
{
    const QString text = typedUrl.trimmed();
    if (text.isEmpty())
        return Error::make(Error::Code::Url, ConnectionProfiles::tr("The URL is empty."),
                           ConnectionProfiles::tr("Type a SQLAlchemy URL such as "
                                                  "postgresql://user@localhost:5432/app."));
    Result<DatabaseUrl> parsed = parseDatabaseUrl(text);
    if (!parsed)
        return parsed.error(); // core's text names the scheme and never holds the password
    const SplitUrl split = splitUrlPassword(text);
    if (redactUrl(split.url) != split.url)
        return Error::make(
            Error::Code::Url,
            ConnectionProfiles::tr("The URL holds a secret outside its user info (a password or "
                                   "token query value): %1")
                .arg(redactUrl(split.url)),
            ConnectionProfiles::tr("Remove it from the URL and type it in the Password field."));
    return split;
}

QList<ConnectionProfile> ConnectionProfiles::list()
{
    QSettings settings;
    settings.beginGroup(Group);
    QList<ConnectionProfile> profiles;
    const QStringList ids = settings.childGroups();
    for (const QString &id : ids) {
        settings.beginGroup(id);
        profiles.append({id, settings.value(QStringLiteral("name")).toString(),
                         settings.value(QStringLiteral("url")).toString(),
                         settings.value(QStringLiteral("production")).toBool(),
                         // Profiles saved before the flag existed may have a password.
                         settings.value(QStringLiteral("hasPassword"), true).toBool()});
        settings.endGroup();
    }
    std::sort(profiles.begin(), profiles.end(),
              [](const auto &a, const auto &b) { return a.name.localeAwareCompare(b.name) < 0; });
    return profiles;
}

ConnectionProfile ConnectionProfiles::find(const QString &id)
{
    const QList<ConnectionProfile> profiles = list();
    for (const ConnectionProfile &profile : profiles) {
        if (profile.id == id)
            return profile;
    }
    return {};
}

QString ConnectionProfiles::assignId(ConnectionProfile &profile)
{
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    return profile.id;
}

QString ConnectionProfiles::save(ConnectionProfile &profile)
{
    assignId(profile);
    QSettings settings;
    settings.beginGroup(Group);
    settings.beginGroup(profile.id);
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("url"), profile.url);
    settings.setValue(QStringLiteral("production"), profile.production);
    settings.setValue(QStringLiteral("hasPassword"), profile.hasPassword);
    return profile.id;
}

QString ConnectionProfiles::displayName(const ConnectionProfile &profile)
{
    return profile.production ? tr("%1 (production)").arg(profile.name) : profile.name;
}

void ConnectionProfiles::remove(const QString &id)
{
    if (id.isEmpty())
        return;
    QSettings settings;
    settings.remove(Group + u'/' + id);
    QVariantMap chosen = settings.value(Chosen).toMap();
    for (auto it = chosen.begin(); it != chosen.end();) {
        if (it.value().toString() == id)
            it = chosen.erase(it);
        else
            ++it;
    }
    settings.setValue(Chosen, chosen);
}

QString ConnectionProfiles::chosenFor(const QString &jetbaseDir)
{
    const QString id = QSettings().value(Chosen).toMap().value(jetbaseDir).toString();
    return find(id).id; // a deleted profile reads as the project's own URL
}

void ConnectionProfiles::setChosenFor(const QString &jetbaseDir, const QString &id)
{
    QSettings settings;
    QVariantMap chosen = settings.value(Chosen).toMap();
    if (id.isEmpty())
        chosen.remove(jetbaseDir);
    else
        chosen.insert(jetbaseDir, id);
    settings.setValue(Chosen, chosen);
}

} // namespace tidemark::ui
