#include "commandcontext.h"

#include "cli/usagehints.h"
#include "common/invocation.h"

#include <QDir>

#include <cstdio>

namespace tidemark::cli {

void addGlobalOptions(QCommandLineParser &parser)
{
    parser.addOptions({
        {QStringLiteral("project"),
         QStringLiteral("The project: a jetbase folder or the folder that holds it."),
         QStringLiteral("DIR")},
        {QStringLiteral("url"), QStringLiteral("Database URL; overrides the configuration."),
         QStringLiteral("URL")},
        {QStringLiteral("lock-timeout"),
         QStringLiteral("Wait up to SECONDS for a migration lock held elsewhere."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("statement-timeout"),
         QStringLiteral("Upgrade/rollback: end a statement that runs longer than SECONDS (0: no "
                        "limit)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("lock-wait-timeout"),
         QStringLiteral("Upgrade/rollback: end a statement that waits longer than SECONDS for "
                        "another session's lock (0: no limit)."),
         QStringLiteral("SECONDS")},
        {QStringLiteral("retry-on-lock-timeout"),
         QStringLiteral("Upgrade/rollback: run a file again up to N times when only its lock "
                        "wait timed out."),
         QStringLiteral("N")},
        {QStringLiteral("json"), QStringLiteral("Print one JSON document on stdout.")},
        {{QStringLiteral("q"), QStringLiteral("quiet")},
         QStringLiteral("Print no progress or information.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
    });
}

bool asksForJson(const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        if (argument == u"--")
            break;
        if (argument == u"--json" || argument == u"-json")
            return true;
    }
    return false;
}

void readGlobalOptions(const QCommandLineParser &parser, GlobalOptions &globals)
{
    if (parser.isSet(QStringLiteral("project")))
        globals.project = parser.value(QStringLiteral("project"));
    if (parser.isSet(QStringLiteral("url")))
        globals.url = parser.value(QStringLiteral("url"));
    if (parser.isSet(QStringLiteral("lock-timeout"))) {
        bool ok = false;
        const int seconds = parser.value(QStringLiteral("lock-timeout")).toInt(&ok);
        globals.lockTimeout = ok ? seconds : -1;
    }
    for (const QString &option :
         {QStringLiteral("statement-timeout"), QStringLiteral("lock-wait-timeout"),
          QStringLiteral("retry-on-lock-timeout")}) {
        if (parser.isSet(option))
            globals.runLimits.insert(option, parser.value(option));
    }
    globals.json = globals.json || parser.isSet(QStringLiteral("json"));
    globals.quiet = globals.quiet || parser.isSet(QStringLiteral("quiet"));
}

CommandContext::CommandContext(QString command, QStringList arguments, GlobalOptions globals)
    : m_command(std::move(command))
    , m_arguments(std::move(arguments))
    , m_globals(std::move(globals))
    , m_out(m_globals.json, m_globals.quiet)
{}

std::optional<int> CommandContext::parse(QCommandLineParser &parser, const QString &summary,
                                         const QString &positionalSyntax)
{
    addGlobalOptions(parser);
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const bool parsed = parser.parse(QStringList{QStringLiteral("tidemark")} + m_arguments);
    if (parsed && parser.isSet(QStringLiteral("help"))) {
        QString help = parser.helpText();
        help = help.mid(help.indexOf(u'\n') + 1); // our own usage line instead of Qt's
        const QString usage =
            QStringLiteral("Usage: %1 [options]%2\n%3\n")
                .arg(cliCommand(m_command),
                     positionalSyntax.isEmpty() ? QString() : u' ' + positionalSyntax, summary);
        std::fputs(qPrintable(usage + help), stdout);
        return 0;
    }
    if (parsed)
        readGlobalOptions(parser, m_globals);
    else // the usage error itself must come as JSON when --json was asked for
        m_globals.json = m_globals.json || asksForJson(m_arguments);
    m_out = Output(m_globals.json, m_globals.quiet);
    if (!parsed)
        return fail(Error::make(
            Error::Code::Usage, usageErrorText(parser, m_arguments),
            QStringLiteral("Run \"%1\".").arg(cliCommand(m_command + QStringLiteral(" --help")))));
    for (auto it = m_globals.runLimits.cbegin(); it != m_globals.runLimits.cend(); ++it) {
        bool ok = false;
        if (it.value().toInt(&ok) < 0 || !ok)
            return fail(Error::make(Error::Code::Usage,
                                    QStringLiteral("--%1 takes a whole number (0 or more), not "
                                                   "\"%2\".")
                                        .arg(it.key(), it.value())));
    }
    if (m_globals.lockTimeout && *m_globals.lockTimeout < 0)
        return fail(Error::make(Error::Code::Usage,
                                QStringLiteral("--lock-timeout takes a whole number of seconds "
                                               "(0 or more).")));
    return std::nullopt;
}

std::optional<int> CommandContext::intOption(const QCommandLineParser &parser, const QString &name,
                                             int *exitCode) const
{
    if (!parser.isSet(name))
        return std::nullopt;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok) {
        *exitCode = fail(
            Error::make(Error::Code::Usage, QStringLiteral("--%1 takes a whole number, not \"%2\".")
                                                .arg(name, parser.value(name))));
        return std::nullopt;
    }
    return value;
}

std::optional<MigrationService> CommandContext::service(int *exitCode) const
{
    ProjectOptions options;
    options.projectDir = m_globals.project.isEmpty()
                             ? options.environment.value(QStringLiteral("TIDEMARK_PROJECT"))
                             : m_globals.project;
    options.startDir = QDir::currentPath();
    if (!m_globals.url.isEmpty())
        options.overrides.insert(QStringLiteral("sqlalchemy_url"), m_globals.url);
    for (auto it = m_globals.runLimits.cbegin(); it != m_globals.runLimits.cend(); ++it)
        options.overrides.insert(QString(it.key()).replace(u'-', u'_'), it.value());
    if (m_globals.lockTimeout)
        options.overrides.insert(QStringLiteral("lock_timeout"),
                                 QString::number(*m_globals.lockTimeout));
    Result<Project> project = Project::open(options);
    if (!project) {
        *exitCode = fail(project.error());
        return std::nullopt;
    }
    return MigrationService(project.value());
}

} // namespace tidemark::cli
