#include "tomlconfigreader.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <optional>
#include <sstream>
#include <toml++/toml.h>

namespace tidemark {

namespace {

QString fromStd(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

// A scalar as a QVariant; dates and times as their TOML text; arrays and tables invalid.
QVariant scalar(const toml::node &node)
{
    if (const auto *s = node.as_string())
        return fromStd(s->get());
    if (const auto *b = node.as_boolean())
        return b->get();
    if (const auto *i = node.as_integer())
        return qlonglong(i->get());
    if (const auto *f = node.as_floating_point())
        return f->get();
    if (node.is_date() || node.is_time() || node.is_date_time()) {
        std::ostringstream text;
        node.visit([&text](const auto &n) { text << n; });
        return QString::fromStdString(text.str());
    }
    return {};
}

QVariant toVariant(const toml::node &node)
{
    if (const auto *array = node.as_array()) {
        QStringList list;
        for (const toml::node &item : *array) {
            const QVariant v = scalar(item);
            if (!v.isValid())
                return {}; // nested arrays or tables: not a configuration value
            list << v.toString();
        }
        return list;
    }
    return scalar(node);
}

// The 1-based line of the first non-ASCII character where toml++ 3.3 (Debian 12) would test it
// for whitespace, or 0: outside strings and comments (TOML allows none there anyway), and right
// after a backslash in a multi-line basic string (an escape, or a line-ending backslash and the
// blanks after it). There is_non_ascii_horizontal_whitespace() reaches __builtin_unreachable()
// for many characters (U+00A1..U+0499, U+FBC6..U+FEFE ...), which is undefined behaviour; found
// by tests/fuzz/fuzz_toml. Such a file is refused here, before toml++ sees it.
int nonAsciiWhereTomlTestsWhitespace(std::string_view text)
{
    const auto isAscii = [](char c) { return static_cast<unsigned char>(c) < 0x80; };
    const auto isBlank = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    int line = 1;
    size_t i = 0;
    // Skips the string that starts at i (on its opening quote); multi-line when tripled.
    // Returns the line of a non-ASCII character after a backslash, else 0.
    const auto skipString = [&](char quote) -> int {
        const bool basic = quote == '"';
        const std::string_view triple = basic ? R"(""")" : "'''";
        const bool multi = text.substr(i, 3) == triple;
        i += multi ? 3 : 1;
        while (i < text.size()) {
            const char c = text[i];
            if (c == '\\' && basic) {
                if (!multi) {
                    if (i + 1 < text.size() && text[i + 1] == '\n')
                        return 0; // unterminated: toml++ reports it
                    i += 2;
                    continue;
                }
                size_t j = i + 1;
                for (; j < text.size() && isBlank(text[j]); ++j) {
                    if (text[j] == '\n')
                        ++line;
                }
                if (j < text.size() && !isAscii(text[j]))
                    return line;
                i = std::max(j, i + 2); // past the blanks, or past an ASCII escape
                continue;
            }
            if (c == '\n') {
                if (!multi)
                    return 0; // unterminated: toml++ reports it
                ++line;
            }
            if (c == quote && (!multi || text.substr(i, 3) == triple)) {
                i += multi ? 3 : 1;
                return 0;
            }
            ++i;
        }
        return 0;
    };
    // A quote opens a string only where TOML has a key or a value: at a line start or after
    // '=', '[', ',', '{' or a key's '.'. Elsewhere (inside a bare value: a = +:\"é) toml++ reads
    // the text after it as part of the value, testing each character.
    char previous = '\n'; // the last character outside strings and comments that is not blank
    // '.' separates key parts only in keys: after '=' (a value: 1.5) it starts no string. A value
    // ends at a line break, or at ',' inside an inline table.
    bool inValue = false;
    int braces = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '#') {
            while (i < text.size() && text[i] != '\n')
                ++i;
        } else if ((c == '"' || c == '\'') &&
                   std::string_view(inValue ? "\n=[,{" : "\n=[,{.").find(previous) !=
                       std::string_view::npos) {
            if (const int found = skipString(c))
                return found;
            previous = c;
        } else if (!isAscii(c)) {
            return line;
        } else {
            if (c == '\n')
                ++line;
            if (c == '\n' || !isBlank(c))
                previous = c;
            if (c == '=')
                inValue = true;
            else if (c == '\n' || c == '{' || (c == ',' && braces > 0))
                inValue = false;
            braces += c == '{' ? 1 : (c == '}' && braces > 0 ? -1 : 0);
            ++i;
        }
    }
    return 0;
}

Error configError(const QString &path, const QString &message, int line = 0)
{
    Error e =
        Error::make(Error::Code::Config, message,
                    QStringLiteral("Fix the TOML syntax of %1.").arg(QFileInfo(path).fileName()));
    e.file = path;
    e.line = line;
    return e;
}

Result<toml::table> parseDocument(std::string_view document, const QString &path)
{
    const std::string source = QFileInfo(path).fileName().toStdString();
    // Debian's libtomlplusplus is built with exceptions (its symbols live in toml::ex), so
    // TOML_EXCEPTIONS is 1 here; the other branch keeps the code right for a no-exceptions build.
#if TOML_EXCEPTIONS
    try {
        return toml::parse(document, source);
    } catch (const toml::parse_error &error) {
        return configError(path,
                           QStringLiteral("Invalid TOML in %1: %2")
                               .arg(QFileInfo(path).fileName(), fromStd(error.description())),
                           int(error.source().begin.line));
    }
#else
    toml::parse_result parsed = toml::parse(document, source);
    if (!parsed)
        return configError(
            path,
            QStringLiteral("Invalid TOML in %1: %2")
                .arg(QFileInfo(path).fileName(), fromStd(parsed.error().description())),
            int(parsed.error().source().begin.line));
    return std::move(parsed).table();
#endif
}

// Keeps toml++ away from its undefined behaviour (see nonAsciiWhereTomlTestsWhitespace): the
// text is first parsed with every non-ASCII byte replaced by '~', which TOML allows only in
// strings and comments, so an error there is a non-ASCII character (or other text) where TOML
// allows none; in a document that is valid apart from that, the scan finds strings exactly.
std::optional<Error> checkNonAscii(const QByteArray &bytes, const QString &path)
{
    if (std::none_of(bytes.cbegin(), bytes.cend(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
        return std::nullopt;
    const QString nonAscii = QStringLiteral("Invalid TOML in %1: a non-ASCII character outside a "
                                            "quoted string or comment, or right after a "
                                            "backslash in a multi-line string.")
                                 .arg(QFileInfo(path).fileName());
    QByteArray standIn = bytes;
    std::replace_if(
        standIn.begin(), standIn.end(),
        [](char c) { return static_cast<unsigned char>(c) >= 0x80; }, '~');
    const std::string_view document(bytes.constData(), size_t(bytes.size()));
    Result<toml::table> parsed =
        parseDocument(std::string_view(standIn.constData(), size_t(standIn.size())), path);
    if (!parsed) {
        Error e = parsed.error();
        // On a line with non-ASCII text, say so rather than quote the stand-in '~'.
        const QList<QByteArray> lines = bytes.split('\n');
        if (e.line >= 1 && e.line <= lines.size() &&
            std::any_of(lines.at(e.line - 1).cbegin(), lines.at(e.line - 1).cend(),
                        [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            e.message = nonAscii;
        return e;
    }
    if (const int line = nonAsciiWhereTomlTestsWhitespace(document))
        return configError(path, nonAscii, line);
    return std::nullopt;
}

} // namespace

Result<TomlEntries> readTomlTable(const QString &path, const QString &table)
{
    QFile file(path);
    if (!file.exists())
        return TomlEntries();
    if (!file.open(QIODevice::ReadOnly))
        return configError(path,
                           QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    return parseTomlTable(file.readAll(), path, table);
}

Result<TomlEntries> parseTomlTable(const QByteArray &bytes, const QString &path,
                                   const QString &table)
{
    if (std::optional<Error> error = checkNonAscii(bytes, path))
        return *error;
    Result<toml::table> parsed =
        parseDocument(std::string_view(bytes.constData(), size_t(bytes.size())), path);
    if (!parsed)
        return parsed.error();
    const toml::table &root = *parsed;
    const toml::table *current = &root;
    if (!table.isEmpty()) {
        for (const QString &part : table.split(u'.')) {
            const toml::node *child = current->get(part.toStdString());
            current = child ? child->as_table() : nullptr;
            if (!current)
                return TomlEntries();
        }
    }
    TomlEntries entries;
    for (const auto &[key, node] : *current) {
        const QVariant value = toVariant(node);
        if (value.isValid())
            entries.insert(fromStd(key.str()), {value, int(node.source().begin.line)});
    }
    return entries;
}

} // namespace tidemark
