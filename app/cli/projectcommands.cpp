// init and new: the commands that write files, not the database.
#include "cli/commands.h"
#include "common/invocation.h"

#include <QDir>
#include <QFileInfo>

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
    // Commands find the project from its parent folder or any folder below it.
    const QString jetbaseDir = QDir::toNativeSeparators(result->jetbaseDir);
    const QString parentDir =
        QDir::toNativeSeparators(QFileInfo(result->jetbaseDir).absolutePath());
    QStringList lines{
        QStringLiteral("Created the project in %1 (env.py and migrations/).").arg(jetbaseDir)};
    if (!result->envCreated)
        lines << QStringLiteral("Kept the existing env.py.");
    lines << QStringLiteral("Next, from %1 or any folder below it:").arg(parentDir);
    int step = 1;
    if (result->envCreated)
        lines << QStringLiteral("  %1. Set the database URL: uncomment one sqlalchemy_url line in "
                                "%2 and fill it in.")
                     .arg(step++)
                     .arg(QDir::toNativeSeparators(result->jetbaseDir + QStringLiteral("/env.py")));
    lines << QStringLiteral("  %1. %2   (writes the file; add its SQL under -- upgrade and "
                            "-- rollback)")
                 .arg(step)
                 .arg(cliCommand(QStringLiteral("new create_first_table")));
    lines << QStringLiteral("  %1. %2").arg(step + 1).arg(cliCommand(QStringLiteral("upgrade")));
    context.out().info(lines.join(u'\n'));
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
