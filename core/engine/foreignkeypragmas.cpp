#include "foreignkeypragmas.h"

#include <QRegularExpression>

namespace tidemark {

namespace {

bool isForeignKeysPragma(const QString &statement, bool on)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*PRAGMA\\s+(main\\s*\\.\\s*)?foreign_keys\\s*=\\s*(\\w+)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = pattern.match(statement);
    if (!m.hasMatch())
        return false;
    const QString value = m.captured(2).toLower();
    const bool isOn = value == u"on" || value == u"1" || value == u"true" || value == u"yes";
    return isOn == on;
}

} // namespace

OutsideTransaction statementsOutsideTransaction(SqlDialect dialect,
                                                const QList<SqlStatement> &statements)
{
    OutsideTransaction outside;
    if (dialect != SqlDialect::Sqlite || statements.isEmpty() ||
        !isForeignKeysPragma(statements.first().text, false))
        return outside;
    outside.leading = 1;
    if (statements.size() > 1 && isForeignKeysPragma(statements.last().text, true))
        outside.trailing = 1;
    return outside;
}

bool isForeignKeyCheck(SqlDialect dialect, const QString &statement)
{
    static const QRegularExpression pattern(
        QStringLiteral("^\\s*PRAGMA\\s+(main\\s*\\.\\s*)?foreign_key_check\\s*(\\(.*\\))?\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return dialect == SqlDialect::Sqlite && pattern.match(statement).hasMatch();
}

} // namespace tidemark
