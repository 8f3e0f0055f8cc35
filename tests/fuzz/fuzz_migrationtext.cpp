// The migration file parser: UTF-8 check, the rollback marker and its near misses, Jetbase's
// delimiter directive, the "-- tidemark:" directives, the checksum statements; then the
// splitter on both sections as the runner would call it.
// Invariants: errors and warnings name lines inside the file; cutAtRollbackMarker gives the text
// back piece by piece and agrees with the parser on the marker's line; the checksum is 64 hex
// digits; the sections split into statements on lines inside the file.
#include "fuzzcheck.h"
#include "migration/migrationtext.h"
#include "migration/sqllexer.h"

#include <QByteArray>
#include <QRegularExpression>
#include <QStringDecoder>

#include <cstddef>
#include <cstdint>

using namespace tidemark;
using tidemark::fuzz::lineCount;

namespace {

void splitSection(const QString &sql, int firstLine, const QString &delimiter, int lastLine)
{
    for (SqlDialect dialect : {SqlDialect::Sqlite, SqlDialect::Postgres, SqlDialect::MySql}) {
        const Result<QList<SqlStatement>> statements =
            splitStatements(sql, {dialect, delimiter, firstLine});
        if (!statements) {
            FUZZ_CHECK(statements.error().line >= firstLine && statements.error().line <= lastLine,
                       statements.error().fullText());
            continue;
        }
        for (const SqlStatement &statement : *statements)
            FUZZ_CHECK(statement.line >= firstLine && statement.line <= lastLine,
                       QStringLiteral("line %1 outside %2..%3")
                           .arg(statement.line)
                           .arg(firstLine)
                           .arg(lastLine));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    const Result<MigrationText> parsed = parseMigrationText(bytes);
    const int byteLines = lineCount(QString::fromLatin1(bytes));
    if (!parsed) {
        FUZZ_CHECK(parsed.error().code == Error::Code::Encoding, parsed.error().fullText());
        FUZZ_CHECK(parsed.error().line >= 1 && parsed.error().line <= byteLines,
                   parsed.error().fullText());
        return 0;
    }
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(bytes);
    const int lastLine = lineCount(text);
    const MigrationText &m = *parsed;

    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    FUZZ_CHECK(hex.match(m.checksum).hasMatch(), m.checksum);
    FUZZ_CHECK(!m.delimiter.isEmpty(), QStringLiteral("empty delimiter"));
    for (const QString &statement : m.jetbaseUpgradeStatements)
        FUZZ_CHECK(!statement.isEmpty(), QStringLiteral("empty checksum statement"));
    FUZZ_CHECK(m.directives.error.isEmpty() == (m.directives.errorLine == 0), m.directives.error);
    FUZZ_CHECK(m.directives.errorLine >= 0 && m.directives.errorLine <= lastLine,
               m.directives.error);
    FUZZ_CHECK(m.directives.transaction == (m.directives.transactionLine == 0),
               QStringLiteral("transaction line %1").arg(m.directives.transactionLine));

    const MigrationSections sections = cutAtRollbackMarker(text);
    FUZZ_CHECK(sections.upgrade + sections.marker + sections.rollback == text,
               QStringLiteral("sections do not give the text back"));
    FUZZ_CHECK(m.hasRollbackSection() == (sections.markerLine > 0),
               QStringLiteral("marker at %1, rollback at %2")
                   .arg(sections.markerLine)
                   .arg(m.rollbackFirstLine));
    if (m.hasRollbackSection()) {
        FUZZ_CHECK(m.rollbackFirstLine == sections.markerLine + 1,
                   QStringLiteral("marker at %1, rollback at %2")
                       .arg(sections.markerLine)
                       .arg(m.rollbackFirstLine));
        FUZZ_CHECK(m.rollbackFirstLine <= lastLine + 1, QString::number(m.rollbackFirstLine));
    }
    const int upgradeEnd = m.hasRollbackSection() ? m.rollbackFirstLine - 2 : lastLine;
    for (const TextWarning &warning : m.warnings)
        FUZZ_CHECK(warning.line >= 1 && warning.line <= upgradeEnd && !warning.message.isEmpty(),
                   QStringLiteral("warning on line %1: %2").arg(warning.line).arg(warning.message));

    splitSection(m.upgradeSql, m.upgradeFirstLine, m.delimiter, std::max(upgradeEnd, 1));
    if (m.hasRollbackSection())
        splitSection(m.rollbackSql, m.rollbackFirstLine, m.delimiter,
                     std::max(lastLine, m.rollbackFirstLine));
    return 0;
}
