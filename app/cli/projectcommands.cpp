// init and new: the commands that write files, not the database.
#include "cli/commands.h"

#include <QDir>

namespace tidemark::cli {

int runInit(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("dir"),
        QStringLiteral("Where to create jetbase/ (default: the current folder)."));
    if (auto code = context.parse(
            parser, QStringLiteral("Create jetbase/, jetbase/migrations/ and jetbase/env.py."),
            QStringLiteral("[DIR]")))
        return *code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return context.fail(
            Error::make(Error::Code::Usage, QStringLiteral("init takes at most one folder.")));
    Result<InitResult> result =
        initProject(positional.isEmpty() ? QDir::currentPath() : positional.first());
    if (!result)
        return context.fail(result.error());
    context.out().info(QStringLiteral("Initialized Jetbase project in %1").arg(result->jetbaseDir));
    if (!result->envCreated)
        context.out().info(QStringLiteral("Kept the existing env.py."));
    context.out().info(QStringLiteral("Run 'cd jetbase' to get started!"));
    return context.succeed({{QStringLiteral("project"), result->jetbaseDir},
                            {QStringLiteral("env_created"), result->envCreated}});
}

int runNew(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("description"),
                                 QStringLiteral("What the migration does."));
    parser.addOption({{QStringLiteral("v"), QStringLiteral("version")},
                      QStringLiteral("The version (default: local time as YYYYMMDD.HHMMSS)."),
                      QStringLiteral("VERSION")});
    if (auto code = context.parse(parser, QStringLiteral("Create an empty migration file."),
                                  QStringLiteral("DESCRIPTION")))
        return *code;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return context.fail(Error::make(
            Error::Code::Usage,
            positional.isEmpty()
                ? QStringLiteral("Missing argument 'DESCRIPTION'.")
                : QStringLiteral("new takes one DESCRIPTION; quote it if it has spaces.")));
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<QString> file = createMigrationFile(service->project().location(), positional.first(),
                                               parser.value(QStringLiteral("version")));
    if (!file)
        return context.fail(file.error());
    context.out().info(QStringLiteral("Created migration file: %1").arg(file.value()));
    return context.succeed(
        {{QStringLiteral("filename"), file.value()},
         {QStringLiteral("path"),
          QString(service->project().location().migrationsDir + u'/' + file.value())}});
}

} // namespace tidemark::cli
