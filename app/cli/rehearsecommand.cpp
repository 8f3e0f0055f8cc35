// rehearse: the pending migrations, their rollbacks and the upgrade again, on a throwaway copy.
#include "cli/commands.h"
#include "engine/rehearsal.h"

#include <QJsonArray>

namespace tidemark::cli {

namespace {

QJsonObject toJson(const FileRehearsal &file)
{
    QJsonObject o{{QStringLiteral("file"), file.fileName},
                  {QStringLiteral("checksum"), file.checksum},
                  {QStringLiteral("result"), rehearsalOutcomeName(file.outcome)}};
    if (!file.passed() && file.outcome != FileRehearsal::Outcome::NotReached)
        o.insert(QStringLiteral("step"), rehearsalStepName(file.step));
    if (!file.error.isEmpty())
        o.insert(QStringLiteral("error"), file.error);
    if (!file.differences.isEmpty())
        o.insert(QStringLiteral("differences"), QJsonArray::fromStringList(file.differences));
    return o;
}

QString fileLine(const FileRehearsal &file)
{
    using Outcome = FileRehearsal::Outcome;
    const QString step = rehearsalStepName(file.step);
    switch (file.outcome) {
    case Outcome::Passed:
        return file.versioned ? QStringLiteral("passed: upgrade, rollback to the schema before "
                                               "it, upgrade again to the same schema")
                              : QStringLiteral("passed: upgrade (repeatable, no rollback)");
    case Outcome::Failed:
        return QStringLiteral("FAILED in %1:\n%2").arg(step, file.error);
    case Outcome::Differs:
        return QStringLiteral("FAILED: after %1 the schema is not %2; what differs, as changes "
                              "from the expected schema to the one found:\n      %3")
            .arg(step,
                 file.step == FileRehearsal::Step::Rollback
                     ? QStringLiteral("the one before the file ran")
                     : QStringLiteral("the one its first upgrade left"),
                 file.differences.join(QStringLiteral("\n      ")));
    case Outcome::NoRollback:
        return QStringLiteral("FAILED: no rollback section, so it cannot be rolled back");
    case Outcome::NotReached:
        return QStringLiteral("not rehearsed: an earlier step failed");
    }
    return {};
}

} // namespace

int runRehearse(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("keep"),
                      QStringLiteral("Keep the throwaway database for inspection and print its "
                                     "URL.")});
    if (auto code = context.parse(
            parser, QStringLiteral("Upgrade the pending migrations on a throwaway copy of the "
                                   "database, roll each back and upgrade again, comparing the "
                                   "schema after every step. The database itself is only "
                                   "read. Exit 1 on any failure.")))
        return *code;
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    RehearsalOptions options;
    options.keep = parser.isSet(QStringLiteral("keep"));
    options.cancel = interruptFlag();
    options.progress = [&context](const QString &line) { context.out().info(line); };
    Result<RehearsalReport> report = rehearse(service->project(), options);
    if (!report)
        return context.fail(report.error());

    QJsonArray files;
    QString text = QStringLiteral("Rehearsal on %1.\n").arg(report->base);
    const FileRehearsal *failed = nullptr;
    int notReached = 0;
    for (const FileRehearsal &file : report->files) {
        files.append(toJson(file));
        text += QStringLiteral("  %1  %2\n").arg(file.fileName, fileLine(file));
        if (file.outcome == FileRehearsal::Outcome::NotReached)
            ++notReached;
        else if (!file.passed() && !failed)
            failed = &file;
    }
    if (report->files.isEmpty())
        text += QStringLiteral("  Nothing pending: nothing to rehearse.\n");
    if (!report->scratchUrl.isEmpty())
        text += QStringLiteral("Kept the throwaway database: %1\n").arg(report->scratchUrl);
    else if (!report->droppedNote.isEmpty())
        context.out().info(report->droppedNote);
    const QJsonObject json{{QStringLiteral("base"), report->base},
                           {QStringLiteral("base_kind"), report->baseKind},
                           {QStringLiteral("ok"), report->ok()},
                           {QStringLiteral("cancelled"), report->cancelled},
                           {QStringLiteral("kept_url"), report->scratchUrl},
                           {QStringLiteral("files"), files}};
    context.out().result(text.trimmed());
    if (report->cancelled)
        return context.fail(
            Error::make(Error::Code::Cancelled, QStringLiteral("Rehearsal stopped by the user; the "
                                                               "database was not touched.")),
            json);
    if (!report->ok())
        return context.fail(
            Error::make(Error::Code::Validation,
                        QStringLiteral("Rehearsal failed: %1, in its %2; %3 other file(s) not "
                                       "rehearsed.")
                            .arg(failed ? failed->fileName : QString(),
                                 failed ? rehearsalStepName(failed->step) : QString())
                            .arg(notReached),
                        QStringLiteral("Fix the file named above; the database itself was only "
                                       "read.")),
            json);
    context.out().info(QStringLiteral("Rehearsal passed: %1 file(s).").arg(report->files.size()));
    return context.succeed(json);
}

} // namespace tidemark::cli
