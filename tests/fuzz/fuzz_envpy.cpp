// The static env.py reader (never Python): the input is the file's source.
// Invariants: no crash; the error line is inside the file and set exactly when there is an
// error; every entry's line is inside the file; values are of the documented types.
#include "fuzzcheck.h"
#include "project/envpyreader.h"

#include <cstddef>
#include <cstdint>

using namespace tidemark;
using tidemark::fuzz::lineCount;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QProcessEnvironment environment = [] {
        QProcessEnvironment env;
        env.insert(QStringLiteral("DBURL"), QStringLiteral("postgresql://u:pw@h/db"));
        env.insert(QStringLiteral("JETBASE_SQLALCHEMY_URL"), QStringLiteral("sqlite:///a.db"));
        env.insert(QStringLiteral("EMPTY"), QString());
        return env;
    }();
    const QString source = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const EnvPyContents contents = readEnvPy(source, environment);
    // A line break inside a string literal still counts, so the file's line count bounds all.
    const int lastLine = lineCount(source);
    FUZZ_CHECK((contents.errorLine > 0) == !contents.error.isEmpty(),
               QStringLiteral("line %1: %2").arg(contents.errorLine).arg(contents.error));
    FUZZ_CHECK(contents.errorLine >= 0 && contents.errorLine <= lastLine,
               QStringLiteral("error line %1 of %2").arg(contents.errorLine).arg(lastLine));
    for (auto it = contents.entries.cbegin(); it != contents.entries.cend(); ++it) {
        const EnvPyEntry &entry = it.value();
        FUZZ_CHECK(!it.key().isEmpty(), QStringLiteral("empty name"));
        FUZZ_CHECK(
            entry.line >= 1 && entry.line <= lastLine,
            QStringLiteral("%1 on line %2 of %3").arg(it.key()).arg(entry.line).arg(lastLine));
        const int type = entry.value.typeId();
        FUZZ_CHECK(!entry.value.isValid() || type == QMetaType::QString ||
                       type == QMetaType::Bool || type == QMetaType::LongLong ||
                       type == QMetaType::Double || type == QMetaType::QStringList,
                   QStringLiteral("%1 has type %2").arg(it.key()).arg(entry.value.typeName()));
    }
    return 0;
}
