#include "commandcontext.h"

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
        {QStringLiteral("json"), QStringLiteral("Print one JSON document on stdout.")},
        {QStringLiteral("quiet"), QStringLiteral("Print no progress or information.")},
        {{QStringLiteral("h"), QStringLiteral("help")}, QStringLiteral("Show this help.")},
    });
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
            QStringLiteral("Usage: tidemark --cli %1 [options]%2\n%3\n")
                .arg(m_command, positionalSyntax.isEmpty() ? QString() : u' ' + positionalSyntax,
                     summary);
        std::fputs(qPrintable(usage + help), stdout);
        return 0;
    }
    if (parsed)
        readGlobalOptions(parser, m_globals);
    m_out = Output(m_globals.json, m_globals.quiet);
    if (!parsed)
        return fail(
            Error::make(Error::Code::Usage, parser.errorText(),
                        QStringLiteral("Run \"tidemark --cli %1 --help\".").arg(m_command)));
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
