#include "modelexporter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QStandardPaths>

namespace tidemark {

using namespace Qt::StringLiterals;

namespace {

// Embedded by qt_add_resources in core/CMakeLists.txt.
const QString kScript = u":/tidemark/export_sqlalchemy_models.py"_s;
// What the script prints before its JSON, so that output of the models (they may print
// while imported, and the script sends that to stderr) can never be taken for the result.
const QByteArray kMarker = "@@TIDEMARK-MODELS@@";
const QString kSystemPython = u"/usr/bin/python3"_s;

const QString kInstallHint =
    u"Install SQLAlchemy for that Python (Debian: apt-get install python3-sqlalchemy; else "
    "pip install sqlalchemy), or set python in jetbase/jetbase.toml or the environment "
    "variable TIDEMARK_PYTHON to a Python that has it."_s;

QString findOnPath(const QString &name, const QProcessEnvironment &environment)
{
    const QStringList dirs =
        environment.value(u"PATH"_s).split(QDir::listSeparator(), Qt::SkipEmptyParts);
    // An empty list would make findExecutable search this process's PATH instead.
    return dirs.isEmpty() ? QString() : QStandardPaths::findExecutable(name, dirs);
}

bool isExecutableFile(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() && info.isExecutable();
}

// The configured interpreter, resolved: a bare name is looked up on PATH; a relative path is
// relative to the project root when a project file names it, else to the current directory.
QString resolveConfigured(const PythonSetting &python, const QProcessEnvironment &environment,
                          const QString &projectRoot)
{
    if (!python.value.contains(u'/'))
        return findOnPath(python.value, environment);
    const bool fromProjectFile =
        !python.source.startsWith(u"environment") && !python.source.startsWith(u"command line");
    const QString path = fromProjectFile ? QDir(projectRoot).absoluteFilePath(python.value)
                                         : QFileInfo(python.value).absoluteFilePath();
    return isExecutableFile(path) ? QDir::cleanPath(path) : QString();
}

// Every python3 on PATH in order, then /usr/bin/python3; the same program reached through two
// names (/bin -> /usr/bin) only once.
QStringList automaticCandidates(const QProcessEnvironment &environment)
{
    QStringList candidates;
    QSet<QString> seen;
    QStringList dirs =
        environment.value(u"PATH"_s).split(QDir::listSeparator(), Qt::SkipEmptyParts);
    QStringList paths;
    for (const QString &dir : std::as_const(dirs))
        paths.append(QDir(dir).absoluteFilePath(u"python3"_s));
    paths.append(kSystemPython);
    for (const QString &path : std::as_const(paths)) {
        if (!isExecutableFile(path))
            continue;
        const QString canonical = QFileInfo(path).canonicalFilePath();
        if (seen.contains(canonical))
            continue;
        seen.insert(canonical);
        candidates.append(path);
    }
    return candidates;
}

Result<QByteArray> exporterScript()
{
    QFile file(kScript);
    if (!file.open(QIODevice::ReadOnly))
        return Error::make(
            Error::Code::Io,
            u"The embedded SQLAlchemy exporter is missing from this build (%1)."_s.arg(kScript));
    return file.readAll();
}

// One run of the exporter with one interpreter.
struct Attempt
{
    enum class Outcome { Answered, NoSqlAlchemy, Unusable, TimedOut };
    Outcome outcome = Outcome::Unusable;
    QJsonObject answer; // the script's JSON (Answered, NoSqlAlchemy)
    QString problem;    // why the interpreter could not be used (Unusable)
};

Attempt runOnce(const QString &python, const QByteArray &script, const ModelFiles &models,
                SqlDialect dialect, QProcessEnvironment environment, int timeoutMs)
{
    Attempt attempt;
    environment.insert(u"PYTHONIOENCODING"_s, u"utf-8"_s);
    // Importing the models must not leave __pycache__ folders in the user's project.
    environment.insert(u"PYTHONDONTWRITEBYTECODE"_s, u"1"_s);
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(models.projectRoot);
    process.start(python,
                  QStringList{u"-"_s, dialectName(dialect), models.projectRoot} + models.files);
    if (!process.waitForStarted(timeoutMs)) {
        attempt.problem = process.errorString();
        return attempt;
    }
    process.write(script);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        attempt.outcome = Attempt::Outcome::TimedOut;
        return attempt;
    }
    const QByteArray output = process.readAllStandardOutput();
    const qsizetype marker = output.lastIndexOf(kMarker);
    if (marker >= 0)
        attempt.answer = QJsonDocument::fromJson(output.mid(marker + kMarker.size())).object();
    if (attempt.answer.isEmpty()) {
        // Not Python, a Python 2, a broken shim: the last lines of stderr say why.
        const QStringList lines = QString::fromUtf8(process.readAllStandardError())
                                      .trimmed()
                                      .split(u'\n', Qt::SkipEmptyParts);
        attempt.problem = u"exit code %1%2"_s.arg(process.exitCode())
                              .arg(lines.isEmpty() ? QString() : u": "_s + lines.last().trimmed());
        return attempt;
    }
    attempt.outcome = attempt.answer.value(u"kind"_s).toString() == u"no_sqlalchemy"
                          ? Attempt::Outcome::NoSqlAlchemy
                          : Attempt::Outcome::Answered;
    return attempt;
}

// The script's {"error": ...} as an Error for people.
Error modelError(const QJsonObject &answer, const ModelFiles &models, SqlDialect dialect,
                 const QString &python)
{
    const QString kind = answer.value(u"kind"_s).toString();
    const QString text = answer.value(u"error"_s).toString();
    Error e = Error::make(Error::Code::Model, text);
    e.file = answer.value(u"file"_s).toString();
    e.line = answer.value(u"line"_s).toInt();
    if (kind == u"syntax" || kind == u"import") {
        e.message = u"The SQLAlchemy models do not import: "_s + text;
        e.hint = u"Fix the model file; Python (%1) imported it from %2 with that folder and the "
                 "model file's folder on sys.path. Nothing was changed in your database."_s.arg(
                     python, models.projectRoot);
    } else if (kind == u"compile") {
        e.hint = u"Use a type the %1 dialect of SQLAlchemy can write (a generic type such as "
                 "sqlalchemy.JSON instead of postgresql.JSONB), or add one for this database "
                 "with .with_variant(TYPE, \"%1\")."_s.arg(dialectName(dialect));
    } else if (kind == u"no_tables") {
        e.message = text + u" Files: "_s + models.displayList() + u'.';
        e.hint = u"Declare the tables on a declarative base (Base = declarative_base(), or a "
                 "subclass of DeclarativeBase) in these files, or point model_paths at the "
                 "files that do."_s;
    } else if (kind == u"conflict") {
        e.hint = u"Keep one definition per table: import the shared Base from one module "
                 "instead of defining the table in two bases."_s;
    } else if (kind == u"sequence_conflict") {
        e.hint = u"Define the Sequence once and use that object wherever it is needed, or give "
                 "the two sequences different names."_s;
    } else if (kind == u"schema") {
        e.hint = u"Remove schema=... from the model; to work in another PostgreSQL schema, set "
                 "postgres_schema in jetbase/env.py (or JETBASE_POSTGRES_SCHEMA)."_s;
    } else {
        e.message = u"The SQLAlchemy exporter failed: "_s + text;
    }
    return e;
}

} // namespace

ModelExporter::ModelExporter(QProcessEnvironment environment, PythonSetting python)
    : m_environment(std::move(environment))
    , m_python(std::move(python))
{}

Result<ModelDdl> ModelExporter::exportDdl(const ModelFiles &models, SqlDialect dialect) const
{
    if (dialect != SqlDialect::Sqlite && dialect != SqlDialect::Postgres &&
        dialect != SqlDialect::MySql)
        return Error::make(Error::Code::Usage,
                           u"SQLAlchemy models can be compared on SQLite, PostgreSQL and "
                           "MySQL/MariaDB databases, not on %1."_s.arg(dialectName(dialect)));
    const Result<QByteArray> script = exporterScript();
    if (!script)
        return script.error();

    const bool configured = !m_python.value.isEmpty();
    const QString from =
        m_python.source.isEmpty() ? QString() : u" (from %1)"_s.arg(m_python.source);
    QStringList candidates;
    if (configured) {
        const QString resolved = resolveConfigured(m_python, m_environment, models.projectRoot);
        if (resolved.isEmpty())
            return Error::make(Error::Code::Config,
                               u"The Python interpreter \"%1\"%2 was not found or is not "
                               "executable; it is needed to run the SQLAlchemy models."_s.arg(
                                   m_python.value, from),
                               u"Set python (jetbase/jetbase.toml, env.py) or TIDEMARK_PYTHON "
                               "to a Python 3 that has SQLAlchemy, or unset it to use the "
                               "python3 on PATH."_s);
        candidates.append(resolved);
    } else {
        candidates = automaticCandidates(m_environment);
        if (candidates.isEmpty())
            return Error::make(Error::Code::Config,
                               u"No Python interpreter was found to run the SQLAlchemy models "
                               "(looked for python3 on PATH and %1)."_s.arg(kSystemPython),
                               u"Install Python 3 with SQLAlchemy (Debian: apt-get install "
                               "python3-sqlalchemy), or set python in jetbase/jetbase.toml or "
                               "TIDEMARK_PYTHON to one."_s);
    }

    QStringList withoutSqlAlchemy, unusable;
    for (const QString &python : std::as_const(candidates)) {
        const Attempt attempt =
            runOnce(python, *script, models, dialect, m_environment, m_timeoutMs);
        switch (attempt.outcome) {
        case Attempt::Outcome::TimedOut: {
            Error e = Error::make(Error::Code::Model,
                                  u"Importing the SQLAlchemy models with %1 did not finish "
                                  "within %2 seconds."_s.arg(python)
                                      .arg(m_timeoutMs / 1000),
                                  u"Check what the model files do when they are imported "
                                  "(a database connection, a server, input())."_s);
            return e;
        }
        case Attempt::Outcome::Unusable:
            unusable.append(u"%1 (%2)"_s.arg(python, attempt.problem));
            continue;
        case Attempt::Outcome::NoSqlAlchemy:
            withoutSqlAlchemy.append(python);
            continue;
        case Attempt::Outcome::Answered:
            break;
        }
        if (attempt.answer.contains(u"error"_s))
            return modelError(attempt.answer, models, dialect, python);
        ModelDdl ddl;
        for (const QJsonValue &statement : attempt.answer.value(u"statements"_s).toArray())
            ddl.statements.append(statement.toString());
        ddl.tables = attempt.answer.value(u"tables"_s).toInt();
        ddl.python = python;
        ddl.sqlalchemyVersion = attempt.answer.value(u"sqlalchemy"_s).toString();
        return ddl;
    }

    if (!withoutSqlAlchemy.isEmpty())
        return Error::make(Error::Code::Config,
                           configured ? u"SQLAlchemy is not installed for the Python "
                                        "interpreter %1%2."_s.arg(withoutSqlAlchemy.first(), from)
                                      : u"SQLAlchemy is not installed for any Python tried: "
                                        "%1."_s.arg(withoutSqlAlchemy.join(u", "_s)),
                           kInstallHint);
    return Error::make(
        Error::Code::Config,
        u"No usable Python to run the SQLAlchemy models: %1."_s.arg(unusable.join(u"; "_s)),
        u"Set python in jetbase/jetbase.toml or TIDEMARK_PYTHON to a Python 3 "
        "that has SQLAlchemy."_s);
}

} // namespace tidemark
