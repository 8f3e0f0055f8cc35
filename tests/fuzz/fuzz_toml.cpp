// The TOML configuration reader (jetbase.toml, and pyproject.toml's [tool.jetbase]), with
// toml++ itself compiled in and instrumented. The input is the file.
// Invariants: no crash, no exception escaping; an error is a Config error naming the file with
// a line inside it; every key read has a line inside the file and a documented value type.
#include "fuzzcheck.h"
#include "project/tomlconfigreader.h"

#include <cstddef>
#include <cstdint>

using namespace tidemark;
using tidemark::fuzz::lineCount;

namespace {

void check(const Result<TomlEntries> &entries, int lastLine)
{
    if (!entries) {
        const Error &e = entries.error();
        FUZZ_CHECK(e.code == Error::Code::Config && e.file == u"jetbase.toml", e.fullText());
        FUZZ_CHECK(e.line >= 0 && e.line <= lastLine, e.fullText());
        return;
    }
    for (auto it = entries->cbegin(); it != entries->cend(); ++it) {
        FUZZ_CHECK(
            it.value().line >= 1 && it.value().line <= lastLine,
            QStringLiteral("%1 on line %2 of %3").arg(it.key()).arg(it.value().line).arg(lastLine));
        const int type = it.value().value.typeId();
        FUZZ_CHECK(type == QMetaType::QString || type == QMetaType::Bool ||
                       type == QMetaType::LongLong || type == QMetaType::Double ||
                       type == QMetaType::QStringList,
                   it.key());
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    // toml++ counts lines at '\n' only; a '\r' alone is invalid TOML anyway.
    const int lastLine = int(bytes.count('\n')) + 1;
    const QString path = QStringLiteral("jetbase.toml");
    check(parseTomlTable(bytes, path), lastLine);
    check(parseTomlTable(bytes, path, QStringLiteral("tool.jetbase")), lastLine);
    return 0;
}
