#include "output.h"

#include <QJsonDocument>

#include <cstdio>

namespace tidemark::cli {

namespace {

void write(FILE *stream, const QString &text)
{
    const QByteArray bytes = text.toUtf8();
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    if (!text.endsWith(u'\n'))
        std::fputc('\n', stream);
    std::fflush(stream);
}

} // namespace

void Output::result(const QString &text) const
{
    if (!m_json)
        write(stdout, text);
}

void Output::info(const QString &text) const
{
    if (!m_json && !m_quiet)
        write(stderr, text);
}

void Output::warning(const QString &text) const
{
    if (!m_json)
        write(stderr, text);
}

QJsonObject Output::errorJson(const Error &error)
{
    QJsonObject e{{QStringLiteral("code"), errorCodeName(error.code)},
                  {QStringLiteral("message"), error.message}};
    if (!error.hint.isEmpty())
        e.insert(QStringLiteral("hint"), error.hint);
    if (!error.file.isEmpty())
        e.insert(QStringLiteral("file"), error.file);
    if (error.line > 0)
        e.insert(QStringLiteral("line"), error.line);
    if (!error.statement.isEmpty())
        e.insert(QStringLiteral("statement"), error.statement);
    if (!error.dbText.isEmpty())
        e.insert(QStringLiteral("database_message"), error.dbText);
    if (!error.dbCode.isEmpty())
        e.insert(QStringLiteral("database_code"), error.dbCode);
    return e;
}

int Output::fail(const QString &command, const Error &error, QJsonObject extra) const
{
    write(stderr, QStringLiteral("Error: ") + error.fullText());
    if (m_json) {
        extra.insert(QStringLiteral("command"), command);
        extra.insert(QStringLiteral("ok"), false);
        extra.insert(QStringLiteral("error"), errorJson(error));
        writeJson(extra);
    }
    return error.code == Error::Code::Usage ? 2 : 1;
}

int Output::succeed(const QString &command, QJsonObject fields) const
{
    if (m_json) {
        fields.insert(QStringLiteral("command"), command);
        fields.insert(QStringLiteral("ok"), true);
        writeJson(fields);
    }
    return 0;
}

void Output::writeJson(const QJsonObject &object) const
{
    write(stdout, QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)));
}

} // namespace tidemark::cli
