#pragma once

#include "common/result.h"
#include "project/projectlocator.h"

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVariant>

namespace tidemark {

// One configuration value and where it came from ("command line", "environment JETBASE_X",
// "env.py:4", "jetbase.toml", "pyproject.toml [tool.jetbase]").
struct ConfigValue
{
    QVariant value; // QString, bool, qlonglong, double or QStringList
    QString source;
};

// The merged configuration. Keys are the lower-case names of JETBASE-COMPAT.md §1
// (sqlalchemy_url, postgres_schema, skip_validation, skip_checksum_validation,
// skip_file_validation, snowflake_private_key, snowflake_private_key_password, model_paths)
// plus Tidemark's own (python, dev_url, lock_timeout); unknown keys are kept and ignored.
class Configuration
{
public:
    bool has(const QString &key) const { return m_values.contains(key); }
    ConfigValue entry(const QString &key) const { return m_values.value(key); }
    QString string(const QString &key) const;
    // true/false in any case, also 1/0/yes/no; a value that is none of these is reported by
    // loadConfiguration, so here it reads as false.
    bool flag(const QString &key) const;
    QStringList list(const QString &key) const; // a list, or a comma-separated string
    void set(const QString &key, ConfigValue value) { m_values.insert(key, std::move(value)); }
    QStringList keys() const { return m_values.keys(); }

    // Where env.py was looked for, and whether it exists: the missing-URL error names it.
    QString envPyPath() const { return m_envPyPath; }
    bool envPyExists() const { return m_envPyExists; }
    void setEnvPy(const QString &path, bool exists)
    {
        m_envPyPath = path;
        m_envPyExists = exists;
    }

private:
    QMap<QString, ConfigValue> m_values;
    QString m_envPyPath;
    bool m_envPyExists = false;
};

// Values given on the command line (--url and friends); they win over every file.
using ConfigOverrides = QMap<QString, QString>;

// Reads every source, first match wins per key: overrides, environment JETBASE_<KEY>,
// jetbase/env.py, jetbase/jetbase.toml (top-level keys), the nearest pyproject.toml walking up
// from the jetbase folder ([tool.jetbase]). env.py is read statically (literals, os.getenv,
// os.environ); when a key is assigned by anything else it is evaluated with a Python interpreter
// (TIDEMARK_PYTHON, else python3, else /usr/bin/python3) in a subprocess with an argument list.
// A Python syntax error, a bad TOML file or a non-boolean skip_* value is an Error::Code::Config
// with the file and line. A missing sqlalchemy_url is NOT an error here: commands that need the
// database ask requireUrl().
Result<Configuration> loadConfiguration(const ProjectLocation &project,
                                        const QProcessEnvironment &environment,
                                        const ConfigOverrides &overrides);

// sqlalchemy_url, or an Error::Code::Config that lists the four ways to set it.
Result<QString> requireUrl(const Configuration &config);

} // namespace tidemark
