#pragma once

// The rules of `check`: what each finds, how bad it is by default, and on which databases it
// applies. The rules themselves look at one file's statements (migrationcheck.h).

#include "common/sqldialect.h"

#include <QList>
#include <QString>

namespace tidemark {

enum class CheckSeverity { Error, Warning, Note };
QString checkSeverityName(CheckSeverity severity); // "error", "warning", "note"

struct CheckRule
{
    QString id; // "drop-column"
    CheckSeverity severity;
    QString summary;            // one line: what it finds
    QList<SqlDialect> dialects; // empty: every database
    bool appliesTo(SqlDialect dialect) const
    {
        return dialects.isEmpty() || dialects.contains(dialect);
    }
};

const QList<CheckRule> &checkRules();
const CheckRule *findCheckRule(const QString &id);

} // namespace tidemark
