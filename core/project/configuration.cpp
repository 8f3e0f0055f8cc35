#include "configuration.h"

#include "project/envpyreader.h"
#include "project/pythonevaluator.h"
#include "project/tomlconfigreader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <climits>
#include <optional>

namespace tidemark {

using namespace Qt::StringLiterals;

namespace {

// JETBASE-COMPAT.md §1 plus Tidemark's own keys. Only these are read from env.py: its other
// module-level names are helpers (imports, parts of a URL), not configuration.
const QStringList kKnownKeys = {u"sqlalchemy_url"_s,
                                u"postgres_schema"_s,
                                u"skip_validation"_s,
                                u"skip_checksum_validation"_s,
                                u"skip_file_validation"_s,
                                u"snowflake_private_key"_s,
                                u"snowflake_private_key_password"_s,
                                u"model_paths"_s,
                                u"python"_s,
                                u"dev_url"_s,
                                u"lock_timeout"_s};
const QStringList kBoolKeys = {u"skip_validation"_s, u"skip_checksum_validation"_s,
                               u"skip_file_validation"_s};

std::optional<bool> parseBool(const QVariant &value)
{
    if (value.typeId() == QMetaType::Bool)
        return value.toBool();
    if (value.typeId() == QMetaType::LongLong || value.typeId() == QMetaType::Int) {
        if (value.toLongLong() == 0 || value.toLongLong() == 1)
            return value.toLongLong() == 1;
        return std::nullopt;
    }
    if (value.typeId() != QMetaType::QString)
        return std::nullopt;
    const QString text = value.toString().trimmed().toLower();
    if (text == u"true" || text == u"1" || text == u"yes")
        return true;
    if (text == u"false" || text == u"0" || text == u"no")
        return false;
    return std::nullopt;
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(u',', Qt::SkipEmptyParts)) {
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    }
    return items;
}

// The nearest pyproject.toml: the jetbase folder itself, then each folder above it.
QString findPyproject(const QString &jetbaseDir)
{
    QDir dir(jetbaseDir);
    while (true) {
        const QString candidate = dir.absoluteFilePath(u"pyproject.toml"_s);
        if (QFileInfo(candidate).isFile())
            return candidate;
        if (!dir.cdUp())
            return {};
    }
}

struct Origin // where a value read from a file was written, for error locations
{
    QString file;
    int line = 0;
};

Error configError(const QString &message, const Origin &origin, const QString &hint = {})
{
    Error e = Error::make(Error::Code::Config, message, hint);
    e.file = origin.file;
    e.line = origin.line;
    return e;
}

} // namespace

QString Configuration::string(const QString &key) const
{
    const QVariant v = m_values.value(key).value;
    return v.typeId() == QMetaType::QStringList ? v.toStringList().join(u',') : v.toString();
}

bool Configuration::flag(const QString &key) const
{
    return parseBool(m_values.value(key).value).value_or(false);
}

QStringList Configuration::list(const QString &key) const
{
    const QVariant v = m_values.value(key).value;
    return v.typeId() == QMetaType::QStringList ? v.toStringList() : splitList(v.toString());
}

Result<Configuration> loadConfiguration(const ProjectLocation &project,
                                        const QProcessEnvironment &environment,
                                        const ConfigOverrides &overrides)
{
    Configuration config;
    QMap<QString, Origin> origins;

    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        if (!it.value().isEmpty())
            config.set(it.key().toLower(), {it.value(), u"command line"_s});
    }

    // The environment comes before the files, unlike Jetbase (env.py first): the one deliberate
    // precedence change of JETBASE-COMPAT.md §1. An empty variable counts as unset, also a
    // deliberate fix: in Jetbase "" is not None, so JETBASE_X= shadows every file below it.
    const auto fromEnvironment = [&](const QString &key, const QString &variable, bool isList) {
        const QString value = environment.value(variable);
        if (config.has(key) || value.isEmpty())
            return;
        config.set(key, {isList ? QVariant(splitList(value)) : QVariant(value),
                         u"environment "_s + variable});
    };
    fromEnvironment(u"python"_s, u"TIDEMARK_PYTHON"_s, false);
    for (const QString &key : kKnownKeys)
        fromEnvironment(key, u"JETBASE_"_s + key.toUpper(), key == u"model_paths");
    fromEnvironment(u"model_paths"_s, u"JETBASE_MODELS"_s, true);

    // Both TOML files are read before env.py: the "python" key may live in them.
    const QString tomlPath = project.jetbaseDir + u"/jetbase.toml";
    const Result<TomlEntries> jetbaseToml = readTomlTable(tomlPath);
    if (!jetbaseToml)
        return jetbaseToml.error();
    const QString pyprojectPath = findPyproject(project.jetbaseDir);
    TomlEntries pyproject;
    if (!pyprojectPath.isEmpty()) {
        const Result<TomlEntries> read = readTomlTable(pyprojectPath, u"tool.jetbase"_s);
        if (!read)
            return read.error();
        pyproject = *read;
    }
    const TomlEntries *const tomlFile = &*jetbaseToml;
    const TomlEntries *const pyprojectFile = &pyproject;

    const QString envPyPath = project.jetbaseDir + u"/env.py";
    QFile envPy(envPyPath);
    config.setEnvPy(envPyPath, envPy.exists());
    if (envPy.exists()) {
        if (!envPy.open(QIODevice::ReadOnly))
            return configError(u"Cannot read env.py: "_s + envPy.errorString(), {envPyPath});
        const EnvPyContents contents = readEnvPy(QString::fromUtf8(envPy.readAll()), environment);

        // Keys the command line and the environment left open are the ones env.py may supply.
        QStringList needed;
        QString dynamicKey;
        int dynamicLine = 0;
        for (const QString &key : kKnownKeys) {
            if (config.has(key))
                continue;
            needed << key;
            const EnvPyEntry entry = contents.entries.value(key);
            if (entry.dynamic && (dynamicLine == 0 || entry.line < dynamicLine)) {
                dynamicKey = key;
                dynamicLine = entry.line;
            }
            if (!entry.dynamic && !entry.problem.isEmpty())
                return configError(u"env.py reads "_s + entry.problem + u'.',
                                   {envPyPath, entry.line},
                                   u"Set the variable, or read it with os.getenv(\"NAME\", "
                                   "\"default\") so that a missing variable is not an error."_s);
        }

        // A statement the static reader does not understand may change what later lines read
        // (load_dotenv(override=True), os.environ["X"] = ...): then only running the file, as
        // Jetbase does, gives the values it would use.
        const bool opaque = contents.opaqueLine > 0 && !needed.isEmpty();
        if (dynamicLine > 0 || contents.errorLine > 0 || opaque) {
            // The interpreter itself cannot come from env.py when env.py needs Python to run.
            QString python = config.string(u"python"_s);
            QString pythonSource = config.entry(u"python"_s).source;
            for (const auto &[entries, source] :
                 {std::pair{tomlFile, u"jetbase.toml"_s},
                  std::pair{pyprojectFile, u"pyproject.toml [tool.jetbase]"_s}}) {
                if (python.isEmpty() && entries->contains(u"python"_s)) {
                    python = entries->value(u"python"_s).value.toString();
                    pythonSource = source;
                }
            }
            const PythonEvaluator evaluator(environment, python, pythonSource);
            if (contents.errorLine > 0 && evaluator.interpreter().isEmpty())
                return configError(u"Syntax error in env.py: "_s + contents.error + u'.',
                                   {envPyPath, contents.errorLine},
                                   u"Fix env.py; it must be valid Python."_s);
            const int firstLine = std::min({dynamicLine > 0 ? dynamicLine : INT_MAX,
                                            contents.errorLine > 0 ? contents.errorLine : INT_MAX,
                                            opaque ? contents.opaqueLine : INT_MAX});
            Result<QVariantMap> values = evaluator.evaluate(envPyPath, needed, firstLine);
            if (!values) {
                Error e = values.error();
                if (evaluator.interpreter().isEmpty() && opaque && firstLine == contents.opaqueLine)
                    e.message = QStringLiteral("Line %1 of env.py (%2) may change the environment "
                                               "or the settings, so env.py must run with Python "
                                               "as Jetbase runs it. ")
                                    .arg(contents.opaqueLine)
                                    .arg(contents.opaqueStatement) +
                                e.message;
                else if (evaluator.interpreter().isEmpty() && dynamicLine > 0)
                    e.message = QStringLiteral("%1 on line %2 of env.py is not a literal. ")
                                    .arg(dynamicKey)
                                    .arg(dynamicLine) +
                                e.message;
                return e;
            }
            // Python has the last word, also where the static reader saw a syntax error that
            // Python accepts.
            for (auto it = values->cbegin(); it != values->cend(); ++it) {
                const int line = contents.entries.value(it.key()).line;
                config.set(it.key(), {it.value(), line > 0 ? u"env.py:"_s + QString::number(line)
                                                           : u"env.py"_s});
                origins.insert(it.key(), {envPyPath, line});
            }
        } else {
            for (const QString &key : std::as_const(needed)) {
                const EnvPyEntry entry = contents.entries.value(key);
                if (!entry.value.isValid()) // absent or None: the next source decides
                    continue;
                config.set(key, {entry.value, u"env.py:"_s + QString::number(entry.line)});
                origins.insert(key, {envPyPath, entry.line});
            }
        }
    }

    // Unknown keys of the TOML files are kept (and ignored by Tidemark).
    for (const auto &[entries, path, source] :
         {std::tuple{tomlFile, tomlPath, u"jetbase.toml"_s},
          std::tuple{pyprojectFile, pyprojectPath, u"pyproject.toml [tool.jetbase]"_s}}) {
        for (auto it = entries->cbegin(); it != entries->cend(); ++it) {
            if (config.has(it.key()))
                continue;
            config.set(it.key(), {it.value().value, source});
            origins.insert(it.key(), {path, it.value().line});
        }
    }

    for (const QString &key : kBoolKeys) {
        if (!config.has(key))
            continue;
        const ConfigValue entry = config.entry(key);
        const std::optional<bool> flag = parseBool(entry.value);
        if (!flag)
            return configError(
                QStringLiteral("%1 from %2 must be true or false (also accepted: 1/0, yes/no), "
                               "got \"%3\".")
                    .arg(key, entry.source, entry.value.toString()),
                origins.value(key));
        config.set(key, {*flag, entry.source});
    }
    return config;
}

Result<QString> requireUrl(const Configuration &config)
{
    const QString url = config.string(u"sqlalchemy_url"_s).trimmed();
    if (!url.isEmpty())
        return url;
    const QString envPy = QDir::toNativeSeparators(config.envPyPath());
    QString message;
    if (config.has(u"sqlalchemy_url"_s))
        message = QStringLiteral("The database URL (sqlalchemy_url) from %1 is empty.")
                      .arg(config.entry(u"sqlalchemy_url"_s).source);
    else if (!config.envPyPath().isEmpty() && !config.envPyExists())
        message = QStringLiteral("No database URL is configured (sqlalchemy_url): %1 does not "
                                 "exist, and no other source sets one.")
                      .arg(envPy);
    else if (!config.envPyPath().isEmpty())
        message = QStringLiteral("No database URL is configured (sqlalchemy_url): %1 does not set "
                                 "it (its examples are comments until you uncomment one), and no "
                                 "other source sets one.")
                      .arg(envPy);
    else
        message = QStringLiteral("No database URL is configured (sqlalchemy_url).");
    return Error::make(
        Error::Code::Config, message,
        QStringLiteral("Set it in one of these ways:\n"
                       "  - jetbase/env.py: sqlalchemy_url = "
                       "\"postgresql://USER:PASSWORD@HOST:5432/DATABASE\"\n"
                       "  - the environment variable JETBASE_SQLALCHEMY_URL\n"
                       "  - jetbase/jetbase.toml: sqlalchemy_url = \"...\"\n"
                       "  - pyproject.toml, table [tool.jetbase]: sqlalchemy_url = \"...\"\n"
                       "  - the command line: --url URL"));
}

} // namespace tidemark
