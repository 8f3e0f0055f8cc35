#include "checkreport.h"

#include <QJsonArray>
#include <QUrl>

namespace tidemark::cli {

namespace {

// Workflow commands: the message escapes %, CR and LF; property values also : and ,.
QString escapeData(QString text)
{
    return text.replace(u'%', QStringLiteral("%25"))
        .replace(u'\r', QStringLiteral("%0D"))
        .replace(u'\n', QStringLiteral("%0A"));
}

QString escapeProperty(const QString &text)
{
    return escapeData(text)
        .replace(u':', QStringLiteral("%3A"))
        .replace(u',', QStringLiteral("%2C"));
}

} // namespace

QJsonObject sarifReport(const QList<ReportedFinding> &findings)
{
    QJsonArray rules;
    for (const CheckRule &rule : checkRules())
        rules.append(QJsonObject{
            {QStringLiteral("id"), rule.id},
            {QStringLiteral("shortDescription"),
             QJsonObject{{QStringLiteral("text"), rule.summary}}},
            {QStringLiteral("defaultConfiguration"),
             QJsonObject{{QStringLiteral("level"), checkSeverityName(rule.severity)}}}});
    QJsonArray results;
    for (const ReportedFinding &reported : findings) {
        const CheckFinding &f = reported.finding;
        const QJsonObject region{{QStringLiteral("startLine"), qMax(f.line, 1)}};
        const QJsonObject artifact{
            {QStringLiteral("uri"),
             QString::fromLatin1(QUrl::toPercentEncoding(reported.path, "/"))}};
        const QJsonObject physical{{QStringLiteral("artifactLocation"), artifact},
                                   {QStringLiteral("region"), region}};
        const QJsonObject location{{QStringLiteral("physicalLocation"), physical}};
        const QJsonObject message{
            {QStringLiteral("text"), QString(f.message + u' ' + f.alternative)}};
        results.append(QJsonObject{{QStringLiteral("ruleId"), f.rule},
                                   {QStringLiteral("level"), checkSeverityName(f.severity)},
                                   {QStringLiteral("message"), message},
                                   {QStringLiteral("locations"), QJsonArray{location}}});
    }
    const QJsonObject driver{{QStringLiteral("name"), QStringLiteral("Tidemark")},
                             {QStringLiteral("version"), QStringLiteral(TIDEMARK_VERSION)},
                             {QStringLiteral("rules"), rules}};
    return {{QStringLiteral("$schema"),
             QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
            {QStringLiteral("version"), QStringLiteral("2.1.0")},
            {QStringLiteral("runs"),
             QJsonArray{QJsonObject{
                 {QStringLiteral("tool"), QJsonObject{{QStringLiteral("driver"), driver}}},
                 {QStringLiteral("results"), results}}}}};
}

QString githubAnnotations(const QList<ReportedFinding> &findings)
{
    QString text;
    for (const ReportedFinding &reported : findings) {
        const CheckFinding &f = reported.finding;
        text += QStringLiteral("::%1 file=%2,line=%3,title=%4::%5\n")
                    .arg(checkSeverityName(f.severity) == u"note" ? QStringLiteral("notice")
                                                                  : checkSeverityName(f.severity),
                         escapeProperty(reported.path))
                    .arg(qMax(f.line, 1))
                    .arg(escapeProperty(QStringLiteral("tidemark ") + f.rule),
                         escapeData(QString(f.message + u' ' + f.alternative)));
    }
    return text;
}

} // namespace tidemark::cli
