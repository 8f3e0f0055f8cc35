#include "migrationname.h"

#include "common/pythonstring.h"

namespace tidemark {

namespace {

const QString SqlSuffix = QStringLiteral(".sql");

Error invalidName(const QString &fileName, const QString &why)
{
    Error e =
        Error::make(Error::Code::FileName,
                    QStringLiteral("Invalid migration file name \"%1\": %2.").arg(fileName, why),
                    QStringLiteral("Migration files are named V<version>__<description>.sql "
                                   "(version like 1, 1.2, 1_2 or 20260204.120000), "
                                   "RA__<description>.sql or ROC__<description>.sql."));
    e.file = fileName;
    return e;
}

} // namespace

QString migrationTypeName(MigrationKind kind)
{
    switch (kind) {
    case MigrationKind::Versioned:
        return QStringLiteral("VERSIONED");
    case MigrationKind::RunsAlways:
        return QStringLiteral("RUNS_ALWAYS");
    case MigrationKind::RunsOnChange:
        return QStringLiteral("RUNS_ON_CHANGE");
    }
    return {};
}

std::optional<MigrationKind> migrationKindFromType(const QString &typeName)
{
    if (typeName == u"VERSIONED")
        return MigrationKind::Versioned;
    if (typeName == u"RUNS_ALWAYS")
        return MigrationKind::RunsAlways;
    if (typeName == u"RUNS_ON_CHANGE")
        return MigrationKind::RunsOnChange;
    return std::nullopt;
}

bool isMigrationFileCandidate(const QString &fileName)
{
    return !fileName.startsWith(u'.') && fileName.endsWith(SqlSuffix);
}

Result<MigrationName> parseMigrationFileName(const QString &fileName)
{
    if (fileName.size() > MaxMigrationFileNameLength)
        return invalidName(fileName, QStringLiteral("the name is longer than %1 characters")
                                         .arg(MaxMigrationFileNameLength));
    if (!fileName.endsWith(SqlSuffix))
        return invalidName(fileName, QStringLiteral("it does not end in .sql"));

    MigrationName name;
    qsizetype prefixLength = 0;
    if (fileName.startsWith(u"RA__")) {
        name.kind = MigrationKind::RunsAlways;
        prefixLength = 2;
    } else if (fileName.startsWith(u"ROC__")) {
        name.kind = MigrationKind::RunsOnChange;
        prefixLength = 3;
    } else if (fileName.startsWith(u'V')) {
        name.kind = MigrationKind::Versioned;
        prefixLength = 1;
    } else {
        return invalidName(fileName, QStringLiteral("it does not start with V, RA__ or ROC__"));
    }

    // Jetbase takes the first "__" and the first ".sql"; keep the same reading.
    const qsizetype separator = fileName.indexOf(u"__");
    if (separator < 0)
        return invalidName(fileName, QStringLiteral("there is no \"__\" before the description"));
    const qsizetype suffix = fileName.indexOf(SqlSuffix);
    const QString rawDescription =
        suffix > separator + 2 ? fileName.mid(separator + 2, suffix - separator - 2) : QString();
    if (pythonStrip(rawDescription).isEmpty())
        return invalidName(fileName, QStringLiteral("the description is empty"));

    if (name.kind == MigrationKind::Versioned) {
        name.rawVersion = fileName.mid(prefixLength, separator - prefixLength);
        if (!Version::isValidRaw(name.rawVersion))
            return invalidName(
                fileName, QStringLiteral("\"%1\" is not a version (digits separated by . or _)")
                              .arg(name.rawVersion));
        name.version = Version::fromKey(Version::keyFromRaw(name.rawVersion));
    }
    name.description = QString(rawDescription).replace(u'_', u' ');
    return name;
}

QString versionedFileName(const QString &rawVersion, const QString &description)
{
    return u'V' + rawVersion + u"__" + QString(description).replace(u' ', u'_') + SqlSuffix;
}

} // namespace tidemark
