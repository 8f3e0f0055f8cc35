#include "common/redaction.h"

#include <QRegularExpression>

namespace tidemark {

QString redactSecretsInText(QString text, const QString &password)
{
    // The password runs to the last '@' before a space or quote: a raw '@' or '/' in it must not
    // leave a piece of it after "***@".
    static const QRegularExpression urlCredentials(
        QStringLiteral("([A-Za-z][A-Za-z0-9+.\\-]*://[^:/\\s'\"]*:)[^\\s'\"]*@"));
    text.replace(urlCredentials, QStringLiteral("\\1***@"));
    static const QRegularExpression keyValue(
        QStringLiteral(
            "\\b((?:password|passwd|pwd)\\s*=\\s*)('[^']*'|\"[^\"]*\"|\\{[^}]*\\}|[^\\s;&'\"]+)"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(keyValue, QStringLiteral("\\1***"));
    if (!password.isEmpty()) // host strings without a scheme: user:secret@host
        text.replace(u':' + password + u'@', QStringLiteral(":***@"));
    return text;
}

} // namespace tidemark
