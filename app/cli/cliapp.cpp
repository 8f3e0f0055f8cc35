#include "cliapp.h"

#include "cli/commands.h"
#include "cli/usagehints.h"
#include "common/invocation.h"

#include <cstdio>

namespace tidemark::cli {

namespace {

struct CommandInfo
{
    QString name;
    QStringList aliases;
    int (*run)(CommandContext &);
    QString summary;
    // Stops cleanly at interruptFlag() (Ctrl+C, SIGTERM): the handler is installed for it.
    // The others only read, or write in one transaction each, and end at the signal.
    bool watchesInterrupt = false;
};

const QList<CommandInfo> &commands()
{
    static const QList<CommandInfo> list = {
        {QStringLiteral("init"),
         {},
         runInit,
         QStringLiteral("Create a project: jetbase/, migrations/ and env.py")},
        {QStringLiteral("new"), {}, runNew, QStringLiteral("Create an empty migration file")},
        {QStringLiteral("upgrade"),
         {QStringLiteral("migrate")},
         runUpgrade,
         QStringLiteral("Apply pending migrations"),
         true},
        {QStringLiteral("rollback"),
         {QStringLiteral("downgrade")},
         runRollback,
         QStringLiteral("Roll back applied migrations"),
         true},
        {QStringLiteral("status"),
         {QStringLiteral("showmigrations")},
         runStatus,
         QStringLiteral("Show applied and pending migrations")},
        {QStringLiteral("diff"),
         {},
         runDiff,
         QStringLiteral("Show how the database differs from a desired schema"),
         true},
        {QStringLiteral("make-migrations"),
         {},
         runMakeMigrations,
         QStringLiteral("Write a migration that brings the database to a desired schema"),
         true},
        {QStringLiteral("check"),
         {},
         runCheck,
         QStringLiteral("Lint pending migrations: destructive and locking hazards")},
        {QStringLiteral("rehearse"),
         {},
         runRehearse,
         QStringLiteral("Upgrade, roll back and upgrade again on a throwaway copy"),
         true},
        {QStringLiteral("drift"),
         {},
         runDrift,
         QStringLiteral("Show what was changed in the database by hand"),
         true},
        {QStringLiteral("history"),
         {},
         runHistory,
         QStringLiteral("Show applied migrations in the order they ran")},
        {QStringLiteral("current"),
         {},
         runCurrent,
         QStringLiteral("Show the latest applied version")},
        {QStringLiteral("journal"),
         {},
         runJournal,
         QStringLiteral("Show Tidemark's journal of past runs")},
        {QStringLiteral("validate"),
         {},
         runValidate,
         QStringLiteral("Check everything; exit 1 on any problem")},
        {QStringLiteral("validate-checksums"),
         {},
         runValidateChecksums,
         QStringLiteral("Report changed applied files [-f to fix]")},
        {QStringLiteral("fix-checksums"),
         {},
         runFixChecksums,
         QStringLiteral("Record the checksums of changed applied files")},
        {QStringLiteral("validate-files"),
         {},
         runValidateFiles,
         QStringLiteral("Report applied migrations whose file is gone [-f to fix]")},
        {QStringLiteral("fix-files"),
         {},
         runFixFiles,
         QStringLiteral("Stop tracking applied migrations whose file is gone")},
        {QStringLiteral("fix"), {}, runFix, QStringLiteral("fix-files, then fix-checksums")},
        {QStringLiteral("resolve"),
         {},
         runResolve,
         QStringLiteral("Settle a partly applied file: --applied or --not-applied")},
        {QStringLiteral("lock"),
         {},
         runLock,
         QStringLiteral("Take the migration lock until unlock")},
        {QStringLiteral("unlock"), {}, runUnlock, QStringLiteral("Release the migration lock")},
        {QStringLiteral("lock-status"),
         {},
         runLockStatus,
         QStringLiteral("Show who holds the lock and since when")},
    };
    return list;
}

const CommandInfo *findCommand(const QString &name)
{
    for (const CommandInfo &info : commands()) {
        if (info.name == name || info.aliases.contains(name))
            return &info;
    }
    return nullptr;
}

QString generalHelp()
{
    QString text = QStringLiteral("Usage: %1 [global options] <command> [options]\n\n"
                                  "Tidemark manages Jetbase-compatible SQL migrations.\n\n"
                                  "Commands:\n")
                       .arg(cliProgram());
    for (const CommandInfo &info : commands()) {
        QString name = info.name;
        if (!info.aliases.isEmpty())
            name += QStringLiteral(" (") + info.aliases.join(QStringLiteral(", ")) + u')';
        text += QStringLiteral("  %1  %2\n").arg(name, -34).arg(info.summary);
    }
    text += QStringLiteral(
        "\nGlobal options:\n"
        "  --project DIR          the project (a jetbase folder or its parent); default: found\n"
        "                         by walking up from the current folder\n"
        "  --url URL              database URL (SQLAlchemy syntax); overrides the configuration\n"
        "  --lock-timeout SECONDS wait for a migration lock held elsewhere\n"
        "  --statement-timeout SECONDS, --lock-wait-timeout SECONDS\n"
        "                         upgrade/rollback: end a statement that runs or waits for a\n"
        "                         lock longer (0: no limit); also per file in its first lines\n"
        "  --retry-on-lock-timeout N  run a file again up to N times after a lock-wait timeout\n"
        "  --json                 one JSON document on stdout\n"
        "  -q, --quiet            no progress or information on stderr\n"
        "  --version              print the version\n"
        "  -h, --help             this help; \"<command> --help\" for a command's options\n\n"
        "Exit codes: 0 success, 1 failure, 2 usage error.\n");
    return text;
}

} // namespace

int runCli(const QStringList &arguments)
{
    QCommandLineParser parser;
    addGlobalOptions(parser);
    parser.addOption({QStringLiteral("version"), QStringLiteral("Print the version.")});
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    GlobalOptions globals;
    if (!parser.parse(QStringList{QStringLiteral("tidemark")} + arguments)) {
        Output(asksForJson(arguments), false)
            .fail(QStringLiteral("tidemark"),
                  Error::make(
                      Error::Code::Usage, usageErrorText(parser, arguments),
                      QStringLiteral("Run \"%1\".").arg(cliCommand(QStringLiteral("--help")))));
        return 2;
    }
    readGlobalOptions(parser, globals);
    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(QStringLiteral("version"))) {
        std::fputs("tidemark " TIDEMARK_VERSION "\n", stdout);
        return 0;
    }
    if (positional.isEmpty()) {
        if (!parser.isSet(QStringLiteral("help")) && globals.json)
            return Output(true, globals.quiet)
                .fail(QStringLiteral("tidemark"),
                      Error::make(Error::Code::Usage, QStringLiteral("No command given."),
                                  QStringLiteral("Run \"%1\" for the list of commands.")
                                      .arg(cliCommand(QStringLiteral("--help")))));
        std::fputs(qPrintable(generalHelp()),
                   parser.isSet(QStringLiteral("help")) ? stdout : stderr);
        return parser.isSet(QStringLiteral("help")) ? 0 : 2;
    }
    const CommandInfo *command = findCommand(positional.first());
    if (!command) {
        QStringList names;
        for (const CommandInfo &info : commands())
            names << info.name << info.aliases;
        const QString meant = closestName(positional.first(), names);
        return Output(globals.json, globals.quiet)
            .fail(positional.first(),
                  Error::make(Error::Code::Usage,
                              QStringLiteral("Unknown command \"%1\".%2")
                                  .arg(positional.first(),
                                       meant.isEmpty()
                                           ? QString()
                                           : QStringLiteral(" Did you mean \"%1\"?").arg(meant)),
                              QStringLiteral("Run \"%1\" for the list of commands.")
                                  .arg(cliCommand(QStringLiteral("--help")))));
    }
    QStringList rest = positional.mid(1);
    if (parser.isSet(QStringLiteral("help")))
        rest.prepend(QStringLiteral("--help"));
    if (command->watchesInterrupt)
        installInterruptHandler();
    CommandContext context(command->name, rest, globals);
    return command->run(context);
}

} // namespace tidemark::cli
