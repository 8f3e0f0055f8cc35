#pragma once

#include <QMap>

#include "cli/output.h"
#include "engine/migrationservice.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace tidemark::cli {

// Options every command accepts, before or after the command name.
struct GlobalOptions
{
    QString project;
    QString url;
    std::optional<int> lockTimeout;
    // --statement-timeout, --lock-wait-timeout, --retry-on-lock-timeout: configuration keys
    // statement_timeout, lock_wait_timeout, retry_on_lock_timeout; checked in parse().
    QMap<QString, QString> runLimits;
    bool json = false;
    bool quiet = false;
};

// One command being run: its name, its own arguments and the global options.
class CommandContext
{
public:
    CommandContext(QString command, QStringList arguments, GlobalOptions globals);

    const QString &command() const { return m_command; }
    const Output &out() const { return m_out; }
    const GlobalOptions &globals() const { return m_globals; }

    // Parses the command's own options (the global ones are added). Returns an exit code when
    // the command should stop now (--help printed: 0; bad usage: 2), else nullopt.
    std::optional<int> parse(QCommandLineParser &parser, const QString &summary,
                             const QString &positionalSyntax = {});
    // Reads an integer option: a value that is not a whole number is a usage error.
    std::optional<int> intOption(const QCommandLineParser &parser, const QString &name,
                                 int *exitCode) const;

    // The project and the service for this command; prints the error and sets exitCode on
    // failure.
    std::optional<MigrationService> service(int *exitCode) const;
    int fail(const Error &error, QJsonObject extra = {}) const
    {
        return m_out.fail(m_command, error, extra);
    }
    int succeed(QJsonObject fields = {}) const { return m_out.succeed(m_command, fields); }

private:
    QString m_command;
    QStringList m_arguments;
    GlobalOptions m_globals;
    Output m_out;
};

// Adds --project, --url, --lock-timeout, --json and --quiet (and --help) to a parser.
void addGlobalOptions(QCommandLineParser &parser);
// Reads them back; values given later win over earlier ones.
// Whether the raw arguments ask for --json (for usage errors, which the parser could not read).
bool asksForJson(const QStringList &arguments);
void readGlobalOptions(const QCommandLineParser &parser, GlobalOptions &globals);

} // namespace tidemark::cli
