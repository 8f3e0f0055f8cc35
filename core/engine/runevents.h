#pragma once

#include <QString>
#include <QStringList>

#include <functional>

namespace tidemark {

// Progress of a run, as plain values: the CLI prints them, the window receives them through
// queued signals from its worker thread.
struct RunEvent
{
    enum class Type {
        FileStarted,      // fileIndex of fileCount
        StatementStarted, // statementIndex of statementCount, at line
        FileSucceeded,
        FileFailed,
        FileCancelled,
    };
    Type type = Type::FileStarted;
    int fileIndex = 0; // 0-based
    int fileCount = 0;
    QString fileName;
    int statementIndex = 0; // 0-based
    int statementCount = 0;
    int line = 0;
    QString statement;
    qint64 elapsedMs = 0;       // since the file started
    bool transactional = true;  // false: the file runs statement by statement (transaction=off)
    int statementsInEffect = 0; // FileFailed/FileCancelled: statements that took effect and stay
    bool forgotOnly = false;    // FileSucceeded of a rollback that only forgot the record
    QStringList warnings;       // FileStarted: "file:line: message" of the file's TextWarnings
};

using RunEventSink = std::function<void(const RunEvent &)>;

} // namespace tidemark
