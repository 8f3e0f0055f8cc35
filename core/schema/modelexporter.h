#pragma once

#include "common/result.h"
#include "common/sqldialect.h"
#include "project/modelpaths.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace tidemark {

// The DDL SQLAlchemy writes for a project's models, in the order it must run.
struct ModelDdl
{
    QStringList statements; // CREATE TYPE (PostgreSQL enums), CREATE TABLE, CREATE INDEX, ...
    int tables = 0;
    QString python;            // the interpreter that ran the models
    QString sqlalchemyVersion; // "1.4.46"
};

// The interpreter the user chose: the "python" key (TIDEMARK_PYTHON, jetbase.toml, env.py,
// pyproject.toml, in the configuration's order) and where it came from. Empty: choose one.
struct PythonSetting
{
    QString value;
    QString source;
};

// Runs the embedded exporter (resources/export_sqlalchemy_models.py) with Python on the model
// files and returns the DDL of the dialect. The script goes to Python on stdin (`python -`), so
// tracebacks name the model files themselves; it runs in the project root with the environment
// given, with an argument list (never a shell). Blocking: call it from a worker thread in the
// window.
//
// Which Python: the configured one only (missing, or without SQLAlchemy: an error that says
// so). Else every python3 on the environment's PATH in order, then /usr/bin/python3, taking
// the first that can import SQLAlchemy: a pyenv or venv python3 first on PATH often lacks it
// while the system one has it.
//
// Errors: Error::Code::Config for no interpreter or no SQLAlchemy (with the install hint);
// Error::Code::Model for a model that does not import (file and line of the innermost frame in
// a model file), a type the dialect cannot write (table and column, file and line of the
// column), no tables at all, or a timeout.
class ModelExporter
{
public:
    ModelExporter(QProcessEnvironment environment, PythonSetting python);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    Result<ModelDdl> exportDdl(const ModelFiles &models, SqlDialect dialect) const;

private:
    QProcessEnvironment m_environment;
    PythonSetting m_python;
    int m_timeoutMs = 120000;
};

} // namespace tidemark
