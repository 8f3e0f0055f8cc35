#pragma once

#include <QString>

namespace tidemark {

// What went wrong, for people and for programs. Core never prints: the CLI turns an Error into
// stderr and an exit code, the window into a dialog and an editor marker.
struct Error
{
    enum class Code {
        None,
        Usage,      // bad arguments (exit code 2)
        Project,    // no project folder, bad layout
        Config,     // missing or invalid configuration
        Url,        // malformed or unsupported database URL
        FileName,   // invalid migration file name
        Duplicate,  // two files with equal versions
        Encoding,   // invalid UTF-8
        Parse,      // lexer error: unterminated string, dollar quote, comment
        Io,         // file system
        Connection, // cannot connect
        Database,   // a statement failed
        Lock,       // lock held elsewhere
        Validation, // out of order, missing files, changed checksums
        NotFound,   // version not found, file missing for rollback
        Cancelled,  // stopped by the user between statements
        Model,      // SQLAlchemy models that do not import or cannot be written as DDL
    };

    Code code = Code::None;
    QString message;   // what happened, for people (never contains a password)
    QString hint;      // what to do next (may be empty)
    QString file;      // migration or configuration file, when known
    int line = 0;      // 1-based line in file, 0 when unknown
    QString statement; // the failing statement, when known
    QString dbText;    // the database's own message
    QString dbCode;    // the database's own error code (SQLSTATE, errno)

    bool isError() const { return code != Code::None; }
    static Error make(Code code, QString message, QString hint = {})
    {
        Error e;
        e.code = code;
        e.message = std::move(message);
        e.hint = std::move(hint);
        return e;
    }
    // "file:line: message" followed by the database text and the hint, one per line.
    QString fullText() const;
};

QString errorCodeName(Error::Code code);

} // namespace tidemark
