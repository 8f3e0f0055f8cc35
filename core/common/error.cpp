#include "error.h"

namespace tidemark {

QString Error::fullText() const
{
    QString where;
    if (!file.isEmpty())
        where = line > 0 ? QStringLiteral("%1:%2: ").arg(file).arg(line) : file + u": ";
    QString text = where + message;
    if (!dbText.isEmpty() && !message.contains(dbText))
        text += u"\nDatabase said: " + dbText;
    if (!statement.isEmpty())
        text += u"\nStatement: " + statement;
    if (!hint.isEmpty())
        text += u'\n' + hint;
    return text;
}

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::None:
        return QStringLiteral("none");
    case Error::Code::Usage:
        return QStringLiteral("usage");
    case Error::Code::Project:
        return QStringLiteral("project");
    case Error::Code::Config:
        return QStringLiteral("config");
    case Error::Code::Url:
        return QStringLiteral("url");
    case Error::Code::FileName:
        return QStringLiteral("file_name");
    case Error::Code::Duplicate:
        return QStringLiteral("duplicate");
    case Error::Code::Encoding:
        return QStringLiteral("encoding");
    case Error::Code::Parse:
        return QStringLiteral("parse");
    case Error::Code::Io:
        return QStringLiteral("io");
    case Error::Code::Connection:
        return QStringLiteral("connection");
    case Error::Code::Database:
        return QStringLiteral("database");
    case Error::Code::Lock:
        return QStringLiteral("lock");
    case Error::Code::Validation:
        return QStringLiteral("validation");
    case Error::Code::NotFound:
        return QStringLiteral("not_found");
    case Error::Code::Cancelled:
        return QStringLiteral("cancelled");
    case Error::Code::Model:
        return QStringLiteral("model");
    }
    return QStringLiteral("unknown");
}

} // namespace tidemark
