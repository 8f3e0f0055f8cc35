// The SQL lexer and splitter of every dialect, with the default and custom delimiters.
// Input: byte 0 picks the dialect, byte 1 the delimiter (or says how many of the next bytes
// are a delimiter of the fuzzer's own), byte 2 the first line number; the rest is the SQL text.
// Invariants: no crash; statements are trimmed, non-empty, in order and on lines inside the
// text; an error is a Parse error on a line inside the text; a statement split again alone is
// still one statement.
#include "fuzzcheck.h"
#include "migration/sqllexer.h"

#include <cstddef>
#include <cstdint>

using namespace tidemark;
using tidemark::fuzz::lineCount;

namespace {

const SqlDialect Dialects[] = {SqlDialect::Sqlite, SqlDialect::Postgres, SqlDialect::MySql,
                               SqlDialect::Snowflake, SqlDialect::Databricks};
const char *const Delimiters[] = {";", "$$", "//", "GO", "END;", "|", ";;", "@@"};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 3)
        return 0;
    SplitOptions options;
    options.dialect = Dialects[data[0] % std::size(Dialects)];
    const unsigned choice = data[1] % 16;
    options.firstLine = 1 + data[2] % 8;
    data += 3;
    size -= 3;
    if (choice < std::size(Delimiters)) {
        options.delimiter = QString::fromLatin1(Delimiters[choice]);
    } else {
        const size_t length = std::min<size_t>(choice - std::size(Delimiters) + 1, size);
        options.delimiter =
            QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(length));
        data += length;
        size -= length;
    }
    const QString sql = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const int lastLine = options.firstLine + lineCount(sql) - 1;

    const Result<QList<SqlStatement>> result = splitStatements(sql, options);
    if (!result) {
        const Error &e = result.error();
        FUZZ_CHECK(e.code == Error::Code::Parse, e.fullText());
        FUZZ_CHECK(!e.message.isEmpty(), e.fullText());
        FUZZ_CHECK(e.line >= options.firstLine && e.line <= lastLine,
                   QStringLiteral("error line %1 outside %2..%3")
                       .arg(e.line)
                       .arg(options.firstLine)
                       .arg(lastLine));
        return 0;
    }
    int previousLine = options.firstLine;
    qsizetype searchFrom = 0;
    for (const SqlStatement &statement : *result) {
        FUZZ_CHECK(!statement.text.isEmpty(), QStringLiteral("empty statement"));
        FUZZ_CHECK(statement.text == statement.text.trimmed(), statement.text);
        FUZZ_CHECK(statement.line >= previousLine && statement.line <= lastLine,
                   QStringLiteral("line %1 after %2, last %3: %4")
                       .arg(statement.line)
                       .arg(previousLine)
                       .arg(lastLine)
                       .arg(statement.text));
        previousLine = statement.line;
        // Statements are pieces of the text, in order and not overlapping.
        const qsizetype at = sql.indexOf(statement.text, searchFrom);
        FUZZ_CHECK(at >= 0, QStringLiteral("not in the text, in order: ") + statement.text);
        searchFrom = at + statement.text.size();

        // MySQL's "--" is a comment only before a blank or the end of the text: "a--" ends
        // differently alone (MySQL reads the statement the same way: "--" then ends the query).
        if (options.dialect == SqlDialect::MySql && statement.text.endsWith(u'-'))
            continue;
        SplitOptions alone = options;
        alone.firstLine = statement.line;
        const Result<QList<SqlStatement>> again = splitStatements(statement.text, alone);
        FUZZ_CHECK(again.ok(), statement.text + u'\n' + again.error().fullText());
        FUZZ_CHECK(
            again->size() == 1 && again->front().line == statement.line,
            QStringLiteral("split again into %1: %2").arg(again->size()).arg(statement.text));
    }
    return 0;
}
