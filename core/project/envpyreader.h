#pragma once

#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QVariant>

namespace tidemark {

// What the static reader learnt about one module-level name of env.py.
struct EnvPyEntry
{
    QVariant value;       // QString, bool, qlonglong, double or QStringList; invalid for None
    int line = 0;         // 1-based line of the assignment that counts (the last one)
    bool dynamic = false; // assigned by something only Python can evaluate (f-string, call,
                          // expression, inside an if/for/try block, augmented assignment)
    QString problem;      // set when running the file would fail here: os.environ["X"], X unset
};

struct EnvPyContents
{
    QMap<QString, EnvPyEntry> entries; // every name assigned at module level
    int errorLine = 0;                 // the first syntax error met (1-based), 0 when none
    QString error;                     // its description, worded like Python's
};

// Reads env.py without running it. Understood: module-level assignments (also annotated and
// chained ones) of string literals (quotes, triple quotes, prefixes r/u, implicit
// concatenation), ints, floats, True/False/None, lists and tuples of strings, os.getenv("X"[,
// default]), os.environ["X"], os.environ.get("X"[, default]) and the same after
// "from os import getenv, environ" or "import os as alias", looked up in `environment`.
// Assignments inside function and class bodies are local and ignored. The reader never fails:
// anything it cannot evaluate is marked dynamic for the Python evaluator, and the first
// tokenizing error (unterminated string, unbalanced bracket) is reported in errorLine/error.
EnvPyContents readEnvPy(const QString &source, const QProcessEnvironment &environment);

} // namespace tidemark
