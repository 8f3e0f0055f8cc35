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
    // The first module-level statement the reader does not fully understand and that could
    // change what later lines read (a call such as load_dotenv(override=True), an assignment
    // to os.environ, an import other than os, an if/for/with/try block, a class body, a
    // decorator): the values above are then only what the file says, not what running it
    // gives, and the file must be run with Python as Jetbase does. 0 when there is none.
    int opaqueLine = 0;
    QString opaqueStatement; // that statement's first words, for messages
};

// Reads env.py without running it. Understood: module-level assignments (also annotated and
// chained ones) of string literals (quotes, triple quotes, prefixes r/u, implicit
// concatenation), ints, floats, True/False/None, lists and tuples of strings, os.getenv("X"[,
// default]), os.environ["X"], os.environ.get("X"[, default]) and the same after
// "from os import getenv, environ" or "import os as alias", looked up in `environment`.
// Assignments inside function and class bodies are local and ignored. Any other module-level
// statement is reported in opaqueLine (see there). The reader never fails:
// anything it cannot evaluate is marked dynamic for the Python evaluator, and the first
// tokenizing error (unterminated string, unbalanced bracket) is reported in errorLine/error.
EnvPyContents readEnvPy(const QString &source, const QProcessEnvironment &environment);

} // namespace tidemark
