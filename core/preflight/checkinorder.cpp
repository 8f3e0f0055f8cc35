#include "preflight/checkinorder.h"

#include "db/connection.h"
#include "migration/sqllexer.h"
#include "preflight/statementshapes.h"

#include <QLocale>

#include <algorithm>

namespace tidemark {

QList<QList<CheckFinding>> checkInOrder(const QList<CheckedMigration> &files, SqlDialect dialect,
                                        const CheckSettings &settings, Connection *live,
                                        QList<CheckContext> *before, bool countRows)
{
    CheckContext context;
    // Without the views (a database that cannot say) renames are checked against what the
    // files themselves create. Views matter only to renames, so the query is skipped when no
    // file mentions one, unless the caller keeps the contexts (the window checks edits with
    // them).
    const bool renames = before || std::any_of(files.cbegin(), files.cend(), [](const auto &f) {
                             return f.text->upgradeSql.contains(u"rename", Qt::CaseInsensitive);
                         });
    if (live && renames) {
        if (Result<QList<ViewUse>> views = readViewUses(*live))
            context.views = std::move(views).value();
    }
    // What each file does to views, for the files before it (only files that mention a view
    // are split for it).
    QList<QSet<QString>> touched(files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        const MigrationText &text = *files.at(i).text;
        if (!text.upgradeSql.contains(u"view", Qt::CaseInsensitive))
            continue;
        const Result<QList<SqlStatement>> statements =
            splitStatements(text.upgradeSql, {dialect, text.delimiter, text.upgradeFirstLine});
        if (!statements)
            continue; // check reports it as unreadable
        for (const SqlStatement &s : statements.value()) {
            const QList<SqlToken> tokens = tokenizeStatement(s.text, dialect);
            for (const QString &view : viewsMadeOrDropped(s.text, TokenView(tokens)))
                touched[i].insert(view);
        }
    }
    QList<QList<CheckFinding>> findings;
    for (qsizetype i = 0; i < files.size(); ++i) {
        const CheckedMigration &file = files.at(i);
        context.viewsRemadeLater.clear();
        for (qsizetype later = i + 1; later < files.size(); ++later)
            context.viewsRemadeLater += touched.at(later);
        if (before)
            before->append(context);
        findings.append(
            checkMigrationText(file.shown, file.kind, *file.text, dialect, settings, &context));
    }
    if (live && countRows) {
        for (QList<CheckFinding> &list : findings)
            addLiveRowCounts(*live, list, context);
        if (before) {
            for (CheckContext &met : *before)
                met.rowCounts = context.rowCounts;
        }
    }
    return findings;
}

void addLiveRowCounts(Connection &connection, QList<CheckFinding> &findings)
{
    CheckContext context;
    addLiveRowCounts(connection, findings, context);
}

void addLiveRowCounts(Connection &connection, QList<CheckFinding> &findings, CheckContext &context)
{
    const Dialect &dialect = connection.dialect();
    for (const CheckFinding &finding : std::as_const(findings)) {
        for (const QString &table : finding.tables) {
            if (context.rowCounts.contains(table))
                continue;
            QStringList quoted;
            for (const QString &part : table.split(u'.'))
                quoted << dialect.quoteIdentifier(part);
            const Result<QVariant> rows =
                connection.scalar(QStringLiteral("SELECT COUNT(*) FROM %1").arg(quoted.join(u'.')));
            context.rowCounts.insert(table, rows ? rows->toLongLong() : -1);
        }
    }
    addRowCounts(context, findings);
}

void addRowCounts(const CheckContext &context, QList<CheckFinding> &findings)
{
    for (CheckFinding &finding : findings) {
        if (finding.liveRows >= 0)
            continue; // counted already
        QStringList counts;
        qint64 total = -1;
        for (const QString &table : std::as_const(finding.tables)) {
            const qint64 rows = context.rowCounts.value(table, -1);
            if (rows < 0)
                continue;
            total = std::max<qint64>(total, 0) + rows;
            counts << QStringLiteral("%1 has %2 row(s) now")
                          .arg(table, QLocale(QLocale::English).toString(rows));
        }
        if (total < 0)
            continue;
        finding.liveRows = total;
        finding.message += u' ' + counts.join(QStringLiteral(", ")) + u'.';
    }
}

} // namespace tidemark
