// check: lint the pending migration files, or the files given, for the project's database.
#include "cli/checkreport.h"
#include "cli/commands.h"
#include "db/connection.h"
#include "engine/sessionlimits.h"
#include "preflight/checkinorder.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace tidemark::cli {

namespace {

struct CheckedFile
{
    QString shown; // below migrations/, or as given on the command line
    QString path;  // relative to the current folder, for SARIF and annotations
    MigrationKind kind = MigrationKind::Versioned;
    MigrationText text;
};

QJsonObject toJson(const CheckFinding &finding)
{
    return {{QStringLiteral("rule"), finding.rule},
            {QStringLiteral("severity"), checkSeverityName(finding.severity)},
            {QStringLiteral("file"), finding.file},
            {QStringLiteral("line"), finding.line},
            {QStringLiteral("message"), finding.message},
            {QStringLiteral("alternative"), finding.alternative},
            {QStringLiteral("live_rows"),
             finding.liveRows < 0 ? QJsonValue() : QJsonValue(double(finding.liveRows))}};
}

bool databaseExists(const ConnectionSpec &spec)
{
    return spec.dialect != SqlDialect::Sqlite || QFileInfo::exists(spec.databaseName);
}

// The files named on the command line, relative to the current folder.
Result<QList<CheckedFile>> namedFiles(const QStringList &paths)
{
    QList<CheckedFile> files;
    for (const QString &path : paths) {
        Result<MigrationText> text = readMigrationTextFile(QDir::current().absoluteFilePath(path));
        if (!text)
            return text.error();
        const Result<MigrationName> name = parseMigrationFileName(QFileInfo(path).fileName());
        files.append({path, QDir::current().relativeFilePath(path),
                      name ? name->kind : MigrationKind::Versioned, std::move(text).value()});
    }
    return files;
}

// What the next upgrade runs. Read as the window reads it: a SQLite file that does not exist
// yet has everything pending (status would refuse it).
Result<QList<CheckedFile>> pendingFiles(const MigrationService &service)
{
    Result<ProjectOverview> overview = service.overview(1);
    if (!overview)
        return overview.error();
    QList<CheckedFile> files;
    for (const StatusEntry &entry : overview->status.pending) {
        if (const Migration *m = overview->files->findFile(entry.fileName))
            files.append(
                {m->relativePath, QDir::current().relativeFilePath(m->path), m->kind(), m->text});
    }
    return files;
}

} // namespace

int runCheck(CommandContext &context)
{
    QCommandLineParser parser;
    parser.addPositionalArgument(
        QStringLiteral("files"),
        QStringLiteral("Migration files to check (default: the pending ones)."),
        QStringLiteral("[FILE...]"));
    parser.addOption({QStringLiteral("format"),
                      QStringLiteral("text (default), sarif (SARIF 2.1.0 on stdout) or github "
                                     "(GitHub Actions annotations)."),
                      QStringLiteral("FORMAT")});
    if (auto code = context.parse(
            parser,
            QStringLiteral("Lint migrations for the project's database: destructive statements, "
                           "locking hazards, missing rollbacks. Exit 1 on an error-level "
                           "finding."),
            QStringLiteral("[FILE...]")))
        return *code;
    const QString format = parser.isSet(QStringLiteral("format"))
                               ? parser.value(QStringLiteral("format")).toLower()
                               : QStringLiteral("text");
    if (format != u"text" && format != u"sarif" && format != u"github")
        return context.fail(Error::make(
            Error::Code::Usage,
            QStringLiteral("--format takes text, sarif or github, not \"%1\".").arg(format)));
    if (format != u"text" && context.out().json())
        return context.fail(Error::make(
            Error::Code::Usage, QStringLiteral("--json and --format %1 both choose the output; "
                                               "give one of them.")
                                    .arg(format)));
    int exitCode = 0;
    std::optional<MigrationService> service = context.service(&exitCode);
    if (!service)
        return exitCode;
    Result<CheckSettings> settings = checkSettings(service->project().config());
    if (!settings)
        return context.fail(settings.error());
    Result<ConnectionSpec> spec = service->project().connectionSpec();
    if (!spec)
        return context.fail(spec.error());
    const QStringList paths = parser.positionalArguments();
    Result<QList<CheckedFile>> files = paths.isEmpty() ? pendingFiles(*service) : namedFiles(paths);
    if (!files)
        return context.fail(files.error());

    // The pending files run on the project's database: renames meet its views there, and
    // destructive statements say how many rows they would hit now. Never creates a SQLite file
    // that is not there; a database that cannot be reached leaves the files checked on their
    // text alone.
    std::unique_ptr<Connection> live;
    if (paths.isEmpty() && databaseExists(spec.value())) {
        if (Result<std::unique_ptr<Connection>> connection = Connection::open(spec.value())) {
            live = std::move(connection).value();
            // A count never waits long on a table another session holds: it stays uncounted.
            applySessionLimits(*live, quickReadLimits());
        }
    }
    QList<CheckedMigration> inputs;
    for (const CheckedFile &file : files.value())
        inputs.append({file.shown, file.kind, &file.text});
    const QList<QList<CheckFinding>> perFile =
        checkInOrder(inputs, spec->dialect, settings.value(), live.get());
    QList<CheckFinding> findings;
    QList<ReportedFinding> reported;
    for (qsizetype i = 0; i < perFile.size(); ++i) {
        for (const CheckFinding &finding : perFile.at(i)) {
            findings.append(finding);
            reported.append({finding, files->at(i).path});
        }
    }
    int counts[3] = {0, 0, 0};
    QJsonArray json;
    QString text;
    for (const CheckFinding &finding : std::as_const(findings)) {
        ++counts[int(finding.severity)];
        json.append(toJson(finding));
        text += checkFindingText(finding) + u'\n';
    }
    const QString summary =
        QStringLiteral("%1 error(s), %2 warning(s), %3 note(s) in %4 file(s) checked for %5.")
            .arg(counts[0])
            .arg(counts[1])
            .arg(counts[2])
            .arg(files->size())
            .arg(dialectName(spec->dialect));
    const QJsonObject result{{QStringLiteral("findings"), json},
                             {QStringLiteral("files"), int(files->size())},
                             {QStringLiteral("dialect"), dialectName(spec->dialect)},
                             {QStringLiteral("errors"), counts[0]},
                             {QStringLiteral("warnings"), counts[1]},
                             {QStringLiteral("notes"), counts[2]}};
    if (format == u"sarif")
        text =
            QString::fromUtf8(QJsonDocument(sarifReport(reported)).toJson(QJsonDocument::Indented));
    else if (format == u"github")
        text = githubAnnotations(reported);
    if (counts[0] > 0) {
        context.out().result(text);
        return context.fail(Error::make(Error::Code::Validation, summary,
                                        QStringLiteral("Fix the errors, allow a statement with "
                                                       "\"-- tidemark: allow=RULE\" on the line "
                                                       "above it, or switch the rule off with "
                                                       "check_disable.")),
                            result);
    }
    if (format == u"text") {
        context.out().result(text + summary);
    } else {
        if (!text.isEmpty())
            context.out().result(text);
        context.out().info(summary);
    }
    return context.succeed(result);
}

} // namespace tidemark::cli
