#include "pythonevaluator.h"

#include "common/redaction.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

namespace tidemark {

using namespace Qt::StringLiterals;

namespace {

// Runs env.py as Jetbase does (a module named "config", cwd = its folder) and prints one JSON
// object: {"values": {key: {"t": type, "v": value}}} or {"error": {...}}. Ints and floats travel
// as text so that JSON's single number type loses nothing. env.py's own prints go to stderr.
const char kProgram[] = R"PY(
import json, os, runpy, sys, traceback
path, keys = os.path.abspath(sys.argv[1]), sys.argv[2:]
out, sys.stdout = sys.stdout, sys.stderr
os.chdir(os.path.dirname(path))
sys.path.insert(0, os.path.dirname(path))
def line_in_file(exc):
    line = 0
    for frame in traceback.extract_tb(exc.__traceback__):
        if os.path.abspath(frame.filename) == path:
            line = frame.lineno or 0
    return line
def encode(v):
    if isinstance(v, bool): return {"t": "bool", "v": v}
    if isinstance(v, int): return {"t": "int", "v": str(v)}
    if isinstance(v, float): return {"t": "float", "v": repr(v)}
    if isinstance(v, str): return {"t": "str", "v": v}
    if isinstance(v, (list, tuple)): return {"t": "list", "v": [str(x) for x in v]}
    if hasattr(v, "render_as_string"):
        return {"t": "str", "v": v.render_as_string(hide_password=False)}
    return {"t": "str", "v": str(v)}
try:
    ns = runpy.run_path(path, run_name="config")
    result = {"values": {k: encode(ns[k]) for k in keys if ns.get(k) is not None}}
except SyntaxError as e:
    result = {"error": {"type": type(e).__name__, "message": str(e.msg), "line": e.lineno or 0,
                        "file": os.path.abspath(e.filename) if e.filename else path}}
except BaseException as e:
    result = {"error": {"type": type(e).__name__, "message": str(e), "line": line_in_file(e),
                        "file": path}}
out.write("\n@@TIDEMARK@@" + json.dumps(result))
out.flush()
)PY";

const QString kMarker = QStringLiteral("@@TIDEMARK@@");

QString findOnPath(const QString &name, const QProcessEnvironment &environment)
{
    const QStringList dirs =
        environment.value(QStringLiteral("PATH")).split(QDir::listSeparator(), Qt::SkipEmptyParts);
    // An empty list would make findExecutable search this process's PATH instead.
    return dirs.isEmpty() ? QString() : QStandardPaths::findExecutable(name, dirs);
}

} // namespace

PythonEvaluator::PythonEvaluator(QProcessEnvironment environment, QString configured,
                                 QString configuredSource)
    : m_environment(std::move(environment))
    , m_configured(std::move(configured))
    , m_configuredSource(std::move(configuredSource))
{
    if (!m_configured.isEmpty()) {
        if (m_configured.contains(u'/')) {
            const QFileInfo info(m_configured);
            if (info.isFile() && info.isExecutable())
                m_interpreter = info.absoluteFilePath();
        } else {
            m_interpreter = findOnPath(m_configured, m_environment);
        }
        return; // a configured interpreter that is missing is an error, not a fallback
    }
    m_interpreter = findOnPath(QStringLiteral("python3"), m_environment);
    const QFileInfo system(QStringLiteral("/usr/bin/python3"));
    if (m_interpreter.isEmpty() && system.isFile() && system.isExecutable())
        m_interpreter = system.absoluteFilePath();
}

Result<QVariantMap> PythonEvaluator::evaluate(const QString &envPyPath, const QStringList &keys,
                                              int contextLine) const
{
    const QString fileName = QFileInfo(envPyPath).fileName();
    const auto fail = [&](const QString &message, const QString &hint = {}) {
        Error e = Error::make(Error::Code::Config, message, hint);
        e.file = envPyPath;
        e.line = contextLine;
        return e;
    };
    const QString literalHint =
        QStringLiteral("Install python3, set TIDEMARK_PYTHON to a Python interpreter, or write "
                       "the value as a literal in %1 (for example sqlalchemy_url = \"...\").")
            .arg(fileName);
    if (m_interpreter.isEmpty()) {
        if (!m_configured.isEmpty())
            return fail(QStringLiteral("Python is needed to evaluate %1, but the interpreter "
                                       "\"%2\"%3 was not found or is not executable.")
                            .arg(fileName, m_configured,
                                 m_configuredSource.isEmpty()
                                     ? QString()
                                     : QStringLiteral(" (from %1)").arg(m_configuredSource)),
                        literalHint);
        return fail(QStringLiteral("Python is needed to evaluate %1, but no Python interpreter "
                                   "was found (looked for python3 on PATH and /usr/bin/python3).")
                        .arg(fileName),
                    literalHint);
    }

    QProcessEnvironment environment = m_environment;
    environment.insert(QStringLiteral("PYTHONIOENCODING"), QStringLiteral("utf-8"));
    // Imports made by env.py must not leave __pycache__ folders in the user's project.
    environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.setWorkingDirectory(QFileInfo(envPyPath).absolutePath());
    process.start(m_interpreter, QStringList{QStringLiteral("-c"), QString::fromUtf8(kProgram),
                                             QFileInfo(envPyPath).absoluteFilePath()} +
                                     keys);
    if (!process.waitForStarted(m_timeoutMs))
        return fail(QStringLiteral("Could not start the Python interpreter %1 to evaluate %2: %3")
                        .arg(m_interpreter, fileName, process.errorString()),
                    literalHint);
    process.closeWriteChannel();
    if (!process.waitForFinished(m_timeoutMs)) {
        process.kill();
        process.waitForFinished(1000);
        return fail(QStringLiteral("Evaluating %1 with %2 did not finish within %3 seconds.")
                        .arg(fileName, m_interpreter)
                        .arg(m_timeoutMs / 1000),
                    QStringLiteral("Check what env.py does at import time, or write the value "
                                   "as a literal."));
    }

    const QString output = QString::fromUtf8(process.readAllStandardOutput());
    const qsizetype marker = output.lastIndexOf(kMarker);
    const QJsonObject result =
        marker >= 0 ? QJsonDocument::fromJson(output.mid(marker + kMarker.size()).toUtf8()).object()
                    : QJsonObject();
    if (result.isEmpty()) {
        const QString errors = redactSecretsInText(
            QString::fromUtf8(process.readAllStandardError()).trimmed().right(2000));
        Error e = fail(QStringLiteral("The Python interpreter %1 failed to evaluate %2 (exit "
                                      "code %3).")
                           .arg(m_interpreter, fileName)
                           .arg(process.exitCode()),
                       literalHint);
        e.dbText = errors;
        return e;
    }

    if (result.contains(u"error"_s)) {
        const QJsonObject error = result.value(u"error"_s).toObject();
        Error e = Error::make(Error::Code::Config,
                              QStringLiteral("%1 in %2: %3")
                                  .arg(error.value(u"type"_s).toString(),
                                       QFileInfo(error.value(u"file"_s).toString()).fileName(),
                                       redactSecretsInText(error.value(u"message"_s).toString())),
                              QStringLiteral("Fix %1 so that Python can run it.").arg(fileName));
        e.file = error.value(u"file"_s).toString();
        e.line = error.value(u"line"_s).toInt();
        return e;
    }

    QVariantMap values;
    const QJsonObject found = result.value(u"values"_s).toObject();
    for (auto it = found.begin(); it != found.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        const QString type = item.value(u"t"_s).toString();
        const QJsonValue v = item.value(u"v"_s);
        if (type == u"bool")
            values.insert(it.key(), v.toBool());
        else if (type == u"int")
            values.insert(it.key(), v.toString().toLongLong());
        else if (type == u"float")
            values.insert(it.key(), v.toString().toDouble());
        else if (type == u"list")
            values.insert(it.key(), v.toVariant().toStringList());
        else
            values.insert(it.key(), v.toString());
    }
    return values;
}

} // namespace tidemark
