#pragma once

#include "common/result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QVariantMap>

namespace tidemark {

// Runs env.py with a real Python interpreter, for values the static reader cannot evaluate.
// The interpreter runs as a subprocess with an argument list (never a shell), with the given
// environment, in the folder of env.py (as Jetbase runs it), and prints the requested module
// attributes as JSON on its own stdout after the file ran (whatever env.py prints goes to
// stderr). Blocking: call it from a worker thread in the window.
class PythonEvaluator
{
public:
    // configured: the interpreter the user chose (the "python" key: TIDEMARK_PYTHON ...), a path
    // or a name looked up on the environment's PATH; configuredSource says where it came from.
    // Without one: python3 on the environment's PATH, else /usr/bin/python3.
    explicit PythonEvaluator(QProcessEnvironment environment, QString configured = {},
                             QString configuredSource = {});

    // The absolute path of the interpreter that would run, empty when there is none.
    QString interpreter() const { return m_interpreter; }
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }

    // Runs envPyPath and returns the keys it sets to something other than None: str -> QString,
    // bool, int -> qlonglong, float -> double, list/tuple -> QStringList, any other object ->
    // its str() (a SQLAlchemy URL object is rendered with its password). A Python exception is
    // an Error::Code::Config with the file, Python's line and Python's message. Errors that are
    // not Python's (no interpreter, timeout) point at contextLine, the line that needed Python.
    Result<QVariantMap> evaluate(const QString &envPyPath, const QStringList &keys,
                                 int contextLine = 0) const;

private:
    QProcessEnvironment m_environment;
    QString m_configured;
    QString m_configuredSource;
    QString m_interpreter;
    int m_timeoutMs = 30000;
};

} // namespace tidemark
