#include "usagehints.h"

#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace tidemark::cli {

namespace {

// Optimal string alignment distance: insertions, deletions, substitutions and swaps of two
// neighbouring letters each cost one.
int editDistance(const QString &a, const QString &b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (qsizetype i = 0; i <= n; ++i)
        d[i][0] = int(i);
    for (qsizetype j = 0; j <= m; ++j)
        d[0][j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        for (qsizetype j = 1; j <= m; ++j) {
            const int cost = a.at(i - 1) == b.at(j - 1) ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a.at(i - 1) == b.at(j - 2) && a.at(i - 2) == b.at(j - 1))
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

// The long options the parser knows, read from its help text: QCommandLineParser keeps no
// public list of them.
QStringList knownOptions(const QCommandLineParser &parser)
{
    static const QRegularExpression longOption(QStringLiteral("(?:^|[\\s,])--([a-z][a-z0-9-]+)"));
    QStringList names;
    const QString help = parser.helpText();
    for (auto it = longOption.globalMatch(help); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!names.contains(name))
            names << name;
    }
    return names;
}

// How the user wrote the option Qt reports as name: "--cont", "-cont" or "-x".
QString asTyped(const QString &name, const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        if (argument == u"--")
            break;
        for (const QString &prefix : {QStringLiteral("--"), QStringLiteral("-")}) {
            const QString option = prefix + name;
            if (argument == option || argument.startsWith(option + u'='))
                return option;
        }
    }
    return (name.size() == 1 ? QStringLiteral("-") : QStringLiteral("--")) + name;
}

} // namespace

QString closestName(const QString &typed, const QStringList &candidates)
{
    const QString lower = typed.toLower();
    QString best;
    int bestDistance = lower.size() <= 4 ? 1 : 2;
    for (const QString &candidate : candidates) {
        const int distance = editDistance(lower, candidate);
        if (distance <= bestDistance && (best.isEmpty() || distance < bestDistance)) {
            best = candidate;
            bestDistance = distance;
        }
    }
    if (!best.isEmpty() || lower.size() < 3)
        return best;
    QStringList starting;
    for (const QString &candidate : candidates) {
        if (candidate.startsWith(lower))
            starting << candidate;
    }
    return starting.size() == 1 ? starting.first() : QString();
}

QString usageErrorText(const QCommandLineParser &parser, const QStringList &arguments)
{
    const QStringList unknown = parser.unknownOptionNames();
    if (unknown.isEmpty())
        return parser.errorText();
    QStringList typed;
    for (const QString &name : unknown)
        typed << u'\'' + asTyped(name, arguments) + u'\'';
    if (typed.size() > 1)
        return QStringLiteral("Unknown options: %1.").arg(typed.join(QStringLiteral(", ")));
    const QString meant = closestName(unknown.first(), knownOptions(parser));
    return QStringLiteral("Unknown option %1.%2")
        .arg(typed.first(),
             meant.isEmpty() ? QString() : QStringLiteral(" Did you mean --%1?").arg(meant));
}

} // namespace tidemark::cli
