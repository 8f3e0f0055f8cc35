#include "statementeffects.h"

#include <QRegularExpression>

namespace tidemark {

namespace {

// An identifier, possibly schema-qualified, in any of the quotes the dialects use.
const QString identifier = QStringLiteral(R"((?:["`\[]?[\w$]+["`\]]?\.)?["`\[]?([\w$]+)["`\]]?)");

QString withoutLeadingComments(const QString &statement)
{
    static const QRegularExpression comments(
        QStringLiteral(R"(^(?:\s+|--[^\n]*(?:\n|$)|/\*.*?\*/)*)"),
        QRegularExpression::DotMatchesEverythingOption);
    return statement.mid(comments.match(statement).capturedLength());
}

} // namespace

QList<StatementEffect> destructiveEffects(const QString &statement)
{
    using Kind = StatementEffect::Kind;
    constexpr auto options = QRegularExpression::CaseInsensitiveOption;
    static const QRegularExpression drop(
        QStringLiteral(R"(^DROP\s+(TABLE|VIEW|MATERIALIZED\s+VIEW|INDEX|TRIGGER)\s+)"
                       R"((?:IF\s+EXISTS\s+)?)") +
            identifier,
        options);
    static const QRegularExpression alter(
        QStringLiteral(R"(^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?)") + identifier,
        options);
    static const QRegularExpression dropColumn(
        QStringLiteral(R"(\bDROP\s+(?:COLUMN\s+)?(?:IF\s+EXISTS\s+)?)") + identifier, options);
    static const QRegularExpression remove(
        QStringLiteral(R"(^(?:DELETE\s+FROM|TRUNCATE(?:\s+TABLE)?)\s+)") + identifier, options);
    static const QRegularExpression constraintWord(
        QStringLiteral(
            R"(^(?:CONSTRAINT|PRIMARY|FOREIGN|INDEX|KEY|CHECK|UNIQUE|DEFAULT|NOT|IDENTITY|)"
            R"(EXPRESSION|PARTITION|SYSTEM)$)"),
        options);

    const QString text = withoutLeadingComments(statement);
    QList<StatementEffect> effects;
    if (const QRegularExpressionMatch m = drop.match(text); m.hasMatch()) {
        const QString what = m.captured(1).toUpper();
        const Kind kind = what == u"TABLE"     ? Kind::DropTable
                          : what == u"INDEX"   ? Kind::DropIndex
                          : what == u"TRIGGER" ? Kind::DropTrigger
                                               : Kind::DropView;
        effects.append({kind, m.captured(2)});
    } else if (const QRegularExpressionMatch m = alter.match(text); m.hasMatch()) {
        const QString table = m.captured(1);
        auto it = dropColumn.globalMatch(text, m.capturedEnd());
        while (it.hasNext()) {
            const QRegularExpressionMatch column = it.next();
            if (!constraintWord.match(column.captured(1)).hasMatch())
                effects.append({Kind::DropColumn, table + u'.' + column.captured(1)});
        }
    } else if (const QRegularExpressionMatch m = remove.match(text); m.hasMatch()) {
        effects.append({Kind::DeleteRows, m.captured(1)});
    }
    return effects;
}

} // namespace tidemark
