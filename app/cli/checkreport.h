#pragma once

// check's findings in the formats other tools read: SARIF 2.1.0 (code-scanning and review
// tools) and GitHub Actions workflow commands (annotations on the pull request's lines).

#include "preflight/migrationcheck.h"

#include <QJsonObject>
#include <QString>

namespace tidemark::cli {

// One finding with the path a reviewer's tool resolves (relative to the current folder, which
// is the repository root in CI).
struct ReportedFinding
{
    CheckFinding finding;
    QString path;
};

QJsonObject sarifReport(const QList<ReportedFinding> &findings);
QString githubAnnotations(const QList<ReportedFinding> &findings);

} // namespace tidemark::cli
