#include "tomlconfigreader.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>

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

Error configError(const QString &path, const QString &message, int line = 0)
{
    Error e =
        Error::make(Error::Code::Config, message,
                    QStringLiteral("Fix the TOML syntax of %1.").arg(QFileInfo(path).fileName()));
    e.file = path;
    e.line = line;
    return e;
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
    const QByteArray bytes = file.readAll();
    const std::string_view document(bytes.constData(), size_t(bytes.size()));
    const std::string source = QFileInfo(path).fileName().toStdString();

    // Debian's libtomlplusplus is built with exceptions (its symbols live in toml::ex), so
    // TOML_EXCEPTIONS is 1 here; the other branch keeps the code right for a no-exceptions build.
#if TOML_EXCEPTIONS
    toml::table root;
    try {
        root = toml::parse(document, source);
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
    toml::table root = std::move(parsed).table();
#endif

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
