#pragma once

#include "common/error.h"

#include <QJsonObject>
#include <QString>

namespace tidemark::cli {

// Where the command line writes: results to stdout, progress and errors to stderr; with --json
// exactly one JSON document on stdout; with --quiet no progress or information.
class Output
{
public:
    Output(bool json, bool quiet)
        : m_json(json)
        , m_quiet(quiet)
    {}

    bool json() const { return m_json; }
    // A result line or table on stdout (suppressed in JSON mode).
    void result(const QString &text) const;
    // Progress and information on stderr (suppressed in JSON and quiet mode).
    void info(const QString &text) const;
    // A warning on stderr (suppressed in JSON mode, kept in quiet mode).
    void warning(const QString &text) const;

    // Prints the error (stderr; in JSON mode also {"ok": false, "error": ...} on stdout with
    // the extra fields) and returns its exit code: 2 for usage errors, else 1.
    int fail(const QString &command, const Error &error, QJsonObject extra = {}) const;
    // Prints {"command", "ok": true, ...fields} in JSON mode; returns 0.
    int succeed(const QString &command, QJsonObject fields = {}) const;

    static QJsonObject errorJson(const Error &error);

private:
    void writeJson(const QJsonObject &object) const;
    bool m_json;
    bool m_quiet;
};

} // namespace tidemark::cli
