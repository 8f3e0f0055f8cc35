#include "connectionprofiles.h"

#include "db/databaseurl.h"

#include <QSettings>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace tidemark::ui {

namespace {

const QString Group = QStringLiteral("connectionProfiles");
const QString Chosen = QStringLiteral("projectConnections");
const QString Hidden = QStringLiteral(":***@");

// Where the user info of a URL without a password ends: the first '@' before the path or query
// (the user name is percent-encoded, so it holds no '@'), or -1.
qsizetype userInfoAt(const QString &url, qsizetype authorityStart)
{
    qsizetype end = authorityStart;
    while (end < url.size() && url[end] != u'/' && url[end] != u'?')
        ++end;
    const qsizetype at = url.indexOf(u'@', authorityStart);
    return at >= 0 && at < end ? at : -1;
}

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
    SplitUrl split{text, parsed->password};
    if (!split.password.isEmpty()) {
        // core's redaction finds the password exactly as the parser does; only the user
        // info's "***" is taken out here.
        const QString redacted = redactUrl(text);
        const qsizetype at = redacted.indexOf(Hidden, redacted.indexOf(u"://"));
        if (at < 0)
            return Error::make(
                Error::Code::Url,
                ConnectionProfiles::tr("The password of this URL cannot be told "
                                       "from the rest of it."),
                ConnectionProfiles::tr("Type the URL without the password and the password in "
                                       "the Password field."));
        split.url = redacted.left(at) + u'@' + redacted.mid(at + Hidden.size());
    }
    if (redactUrl(split.url) != split.url)
        return Error::make(
            Error::Code::Url,
            ConnectionProfiles::tr("The URL holds a secret outside its user info (a password or "
                                   "token query value): %1")
                .arg(redactUrl(split.url)),
            ConnectionProfiles::tr("Remove it from the URL and type it in the Password field."));
    return split;
}

QString withPassword(const QString &url, const QString &password)
{
    if (password.isEmpty())
        return url;
    const qsizetype sep = url.indexOf(u"://");
    const qsizetype start = sep >= 0 ? sep + 3 : 0;
    const QString encoded = QString::fromLatin1(QUrl::toPercentEncoding(password));
    const qsizetype at = userInfoAt(url, start);
    if (at < 0)
        return url.left(start) + u':' + encoded + u'@' + url.mid(start);
    return url.left(at) + u':' + encoded + url.mid(at);
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
                         settings.value(QStringLiteral("production")).toBool()});
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

QString ConnectionProfiles::save(ConnectionProfile profile)
{
    if (profile.id.isEmpty())
        profile.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QSettings settings;
    settings.beginGroup(Group);
    settings.beginGroup(profile.id);
    settings.setValue(QStringLiteral("name"), profile.name);
    settings.setValue(QStringLiteral("url"), profile.url);
    settings.setValue(QStringLiteral("production"), profile.production);
    return profile.id;
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
