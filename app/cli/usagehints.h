#pragma once

// Usage errors that say what the user typed and what they probably meant.

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

namespace tidemark::cli {

// The candidate closest to typed, when one is close enough to be a typing mistake (an edit or
// two, a swapped pair of letters, or the start of exactly one candidate); empty otherwise.
QString closestName(const QString &typed, const QStringList &candidates);

// The parser's error after a failed parse(arguments), with unknown options as typed
// ("Unknown option '--cont'.", where Qt says 'cont') and, for a single one, the option it
// most likely meant.
QString usageErrorText(const QCommandLineParser &parser, const QStringList &arguments);

} // namespace tidemark::cli
