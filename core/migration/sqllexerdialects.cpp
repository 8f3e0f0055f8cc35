#include "sqllexerdialects.h"

#include <QString>

namespace tidemark::sqllexer {

DialectRules rulesFor(SqlDialect dialect)
{
    DialectRules r;
    switch (dialect) {
    case SqlDialect::Sqlite:
        r.backquotes = true;
        r.brackets = true;
        break;
    case SqlDialect::Postgres:
        r.nestedComments = true;
        r.dollarQuotes = true;
        r.dollarTags = true;
        r.escapeStrings = true;
        r.parensHoldSemicolons = true;
        break;
    case SqlDialect::MySql:
        r.backslashInSingle = true;
        r.doubleIsString = true;
        r.backquotes = true;
        r.hashComments = true;
        r.dashNeedsSpace = true;
        r.executableComments = true;
        break;
    case SqlDialect::Snowflake:
        r.backslashInSingle = true;
        r.slashComments = true;
        r.dollarQuotes = true;
        break;
    case SqlDialect::Databricks:
        r.backslashInSingle = true;
        r.doubleIsString = true;
        r.backquotes = true;
        r.nestedComments = true;
        r.rawStrings = true;
        break;
    }
    return r;
}

Error unterminatedError(Construct construct, const DialectRules &rules, int line, QStringView tag)
{
    QString what;
    QString hint;
    switch (construct) {
    case Construct::String:
        what = QStringLiteral("string literal");
        hint =
            rules.backslashInSingle
                ? QStringLiteral(
                      "Close the string with '. Inside a string write a quote as '' or \\'.")
                : QStringLiteral("Close the string with '. Inside a string write a quote as ''.");
        if (rules.dollarQuotes)
            hint += QStringLiteral(" For a function body, dollar quotes ($$ ... $$) need no "
                                   "escaping.");
        break;
    case Construct::EscapeString:
        what = QStringLiteral("escape string E'...'");
        hint = QStringLiteral("Close the string with '. Inside E'...' a backslash escapes the "
                              "next character, so \\' does not close it.");
        break;
    case Construct::RawString:
        what = QStringLiteral("raw string literal");
        hint = QStringLiteral("Close the raw string with the quote that opened it.");
        break;
    case Construct::DoubleQuoted:
        if (rules.doubleIsString) {
            what = QStringLiteral("double-quoted string");
            hint = QStringLiteral("Close the string with \". Inside it write a quote as \"\" or "
                                  "\\\".");
        } else {
            what = QStringLiteral("quoted identifier \"...\"");
            hint = QStringLiteral("Close the identifier with \". Inside it write a quote as \"\".");
        }
        break;
    case Construct::Backquoted:
        what = QStringLiteral("backquoted identifier");
        hint = QStringLiteral("Close the identifier with `. Inside it write a backquote as ``.");
        break;
    case Construct::Bracketed:
        what = QStringLiteral("bracketed identifier [...]");
        hint = QStringLiteral("Close the identifier with ].");
        break;
    case Construct::DollarQuoted:
        what = QStringLiteral("dollar-quoted string ") + tag.toString();
        // The usual cause: $$ written as a statement delimiter without the directive.
        hint = QStringLiteral("Close the body with %1. If %1 was meant to end statements, declare "
                              "it with a '-- jetbase: delimiter=%1' line at the top of the file.")
                   .arg(tag);
        break;
    case Construct::BlockComment:
        what = QStringLiteral("block comment");
        hint = rules.nestedComments ? QStringLiteral("Close the comment with */. Comments nest "
                                                     "here: every /* inside it needs its own */.")
                                    : QStringLiteral("Close the comment with */.");
        break;
    }
    Error error = Error::make(
        Error::Code::Parse,
        QStringLiteral("Unterminated %1 starting at line %2").arg(what).arg(line), hint);
    error.line = line;
    return error;
}

} // namespace tidemark::sqllexer
