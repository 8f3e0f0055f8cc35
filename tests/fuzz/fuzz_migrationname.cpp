// Migration file names. The input is one or two names separated by a line break.
// Invariants: errors are FileName errors; an accepted name ends in ".sql" and has a description;
// a versioned name has a valid version that survives versionedFileName() and canonicalKey();
// two versions compare antisymmetrically, equal exactly when their canonical keys are.
#include "fuzzcheck.h"
#include "migration/migrationname.h"

#include <cstddef>
#include <cstdint>
#include <optional>

using namespace tidemark;

namespace {

std::optional<Version> check(const QString &fileName)
{
    (void)isMigrationFileCandidate(fileName);
    const Result<MigrationName> name = parseMigrationFileName(fileName);
    if (!name) {
        FUZZ_CHECK(name.error().code == Error::Code::FileName && !name.error().message.isEmpty(),
                   name.error().fullText());
        return std::nullopt;
    }
    FUZZ_CHECK(fileName.endsWith(u".sql"), fileName);
    FUZZ_CHECK(!name->description.isEmpty(), fileName);
    if (name->kind != MigrationKind::Versioned)
        return std::nullopt;
    FUZZ_CHECK(name->version.isValid(), fileName);
    FUZZ_CHECK(Version::isValidRaw(name->rawVersion), fileName);

    const Result<MigrationName> again =
        parseMigrationFileName(versionedFileName(name->rawVersion, name->description));
    FUZZ_CHECK(again.ok(), versionedFileName(name->rawVersion, name->description));
    FUZZ_CHECK(again->version.key() == name->version.key() &&
                   again->description == name->description,
               fileName);

    const Version canonical = Version::fromKey(name->version.canonicalKey());
    FUZZ_CHECK(canonical.isValid() && canonical == name->version &&
                   canonical.canonicalKey() == name->version.canonicalKey(),
               name->version.key() + u" vs " + name->version.canonicalKey());
    return name->version;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf(u'\n');
    const std::optional<Version> a = check(newline < 0 ? input : input.left(newline));
    if (newline < 0)
        return 0;
    const std::optional<Version> b = check(input.mid(newline + 1));
    if (a && b) {
        const int ab = a->compare(*b);
        const int ba = b->compare(*a);
        FUZZ_CHECK((ab < 0) == (ba > 0) && (ab == 0) == (ba == 0), a->key() + u" vs " + b->key());
        FUZZ_CHECK((ab == 0) == (a->canonicalKey() == b->canonicalKey()),
                   a->key() + u" vs " + b->key());
    }
    return 0;
}
