#include "migrationtext.h"

#include "common/pythonstring.h"

#include <QCryptographicHash>
#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>

namespace tidemark {

namespace {

// The byte offset of the first invalid UTF-8 sequence, or -1. Overlong forms, surrogates and
// code points above U+10FFFF are invalid, as in Python's strict decoder.
qsizetype firstInvalidUtf8(const QByteArray &bytes)
{
    const auto *p = reinterpret_cast<const unsigned char *>(bytes.constData());
    const qsizetype n = bytes.size();
    qsizetype i = 0;
    while (i < n) {
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        int length = 0;
        unsigned char low = 0x80, high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                low = 0xA0;
            else if (c == 0xED)
                high = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                low = 0x90;
            else if (c == 0xF4)
                high = 0x8F;
        } else {
            return i;
        }
        if (i + length > n)
            return i;
        if (p[i + 1] < low || p[i + 1] > high)
            return i;
        for (int k = 2; k < length; ++k) {
            if (p[i + k] < 0x80 || p[i + k] > 0xBF)
                return i;
        }
        i += length;
    }
    return -1;
}

int lineOfOffset(const QByteArray &bytes, qsizetype offset)
{
    int line = 1;
    for (qsizetype i = 0; i < offset; ++i) {
        if (bytes.at(i) == '\n' ||
            (bytes.at(i) == '\r' && (i + 1 >= bytes.size() || bytes.at(i + 1) != '\n')))
            ++line;
    }
    return line;
}

// Lines split on "\r\n", "\r" or "\n", like Python's universal newlines. A final line break does
// not start another line.
QList<QStringView> splitLines(QStringView text)
{
    QList<QStringView> lines;
    qsizetype start = 0;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c == u'\n' || c == u'\r') {
            lines.append(text.sliced(start, i - start));
            if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n')
                ++i;
            start = i + 1;
        }
    }
    if (start < text.size())
        lines.append(text.sliced(start));
    return lines;
}

bool isRollbackMarker(QStringView stripped)
{
    return stripped.startsWith(u"--") &&
           pythonStrip(stripped.sliced(2)).compare(u"rollback", Qt::CaseInsensitive) == 0;
}

QString findDelimiter(const QList<QStringView> &lines)
{
    static const QRegularExpression directive(QStringLiteral("^--\\s*jetbase:\\s*delimiter=(.+)$"),
                                              QRegularExpression::CaseInsensitiveOption |
                                                  QRegularExpression::UseUnicodePropertiesOption);
    for (QStringView line : lines) {
        const QStringView stripped = pythonStrip(line);
        if (stripped.isEmpty())
            continue;
        if (!stripped.startsWith(u"--"))
            break;
        if (!stripped.contains(u"jetbase", Qt::CaseInsensitive))
            continue; // most files: no need for the regular expression
        const QRegularExpressionMatch match = directive.match(stripped.toString());
        if (match.hasMatch()) {
            const QStringView value = pythonStrip(match.capturedView(1));
            if (!value.isEmpty())
                return value.toString();
        }
    }
    return QStringLiteral(";");
}

// "-- tidemark: transaction=off statement-timeout=600" lines of the leading comment block.
FileDirectives findDirectives(const QList<QStringView> &lines)
{
    static const QRegularExpression directive(QStringLiteral("^--\\s*tidemark:(.*)$"),
                                              QRegularExpression::CaseInsensitiveOption);
    FileDirectives result;
    const auto fail = [&result](int line, QString message) {
        if (result.error.isEmpty()) {
            result.errorLine = line;
            result.error = std::move(message);
        }
    };
    const auto seconds = [&](int line, const QString &key,
                             const QString &value) -> std::optional<int> {
        bool ok = false;
        const int n = value.toInt(&ok);
        if (!ok || n < 0 || n > 7 * 24 * 3600) {
            fail(line, QStringLiteral("The directive %1=%2 needs a whole number of seconds "
                                      "(0 for no limit).")
                           .arg(key, value));
            return std::nullopt;
        }
        return n;
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView stripped = pythonStrip(lines.at(i));
        if (stripped.isEmpty())
            continue;
        if (!stripped.startsWith(u"--"))
            break;
        if (!stripped.contains(u"tidemark", Qt::CaseInsensitive))
            continue;
        const QRegularExpressionMatch match = directive.match(stripped.toString());
        if (!match.hasMatch())
            continue;
        const int line = int(i) + 1;
        const QStringList words = match.captured(1).split(
            QRegularExpression(QStringLiteral("[\\s,]+")), Qt::SkipEmptyParts);
        if (words.isEmpty())
            fail(line, QStringLiteral("The tidemark: directive names no setting."));
        bool afterAllow = false; // "allow=RULE because ...": the reason is prose, not settings
        for (const QString &word : words) {
            const qsizetype eq = word.indexOf(u'=');
            const QString key = word.first(eq < 0 ? word.size() : eq).toLower();
            const QString value = eq < 0 ? QString() : word.sliced(eq + 1).toLower();
            if (afterAllow && eq < 0)
                continue;
            afterAllow = afterAllow || key == u"allow";
            if (key == u"transaction") {
                if (value == u"off" || value == u"on") {
                    result.transaction = value == u"on";
                    result.transactionLine = result.transaction ? 0 : line;
                } else {
                    fail(line, QStringLiteral("The directive transaction=%1 is not known; write "
                                              "transaction=off or transaction=on.")
                                   .arg(value));
                }
            } else if (key == u"statement-timeout") {
                result.statementTimeoutSeconds = seconds(line, key, value);
            } else if (key == u"lock-wait-timeout") {
                result.lockWaitTimeoutSeconds = seconds(line, key, value);
            } else if (key == u"allow") {
                // For check: the rules the next statement may break (preflight/migrationcheck).
                if (value.isEmpty())
                    fail(line, QStringLiteral("The directive allow= names no check rule."));
            } else {
                fail(line, QStringLiteral("Unknown tidemark: directive '%1'; known are "
                                          "transaction=off, statement-timeout=SECONDS, "
                                          "lock-wait-timeout=SECONDS and allow=RULE.")
                               .arg(word));
            }
        }
    }
    return result;
}

// A comment line that is almost the rollback marker: "-- rollback:", "--- rollback",
// "-- Rollback section", "-- down".
bool isNearMissMarker(QStringView stripped)
{
    static const QRegularExpression nearMiss(
        QStringLiteral("^-+\\s*(rollback|down|downgrade|undo|revert)"
                       "(\\s+(section|sql|migration|script))?\\s*[:.=\\-]*\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    return stripped.startsWith(u"--") && !isRollbackMarker(stripped) &&
           nearMiss.match(stripped.toString()).hasMatch();
}

QString joinLines(const QList<QStringView> &lines, qsizetype from, qsizetype to)
{
    QString text;
    for (qsizetype i = from; i < to; ++i) {
        if (i > from)
            text += u'\n';
        text += lines.at(i);
    }
    return text;
}

} // namespace

Result<MigrationText> readMigrationTextFile(const QString &path)
{
    QFile file(path);
    Result<MigrationText> text =
        file.open(QIODevice::ReadOnly)
            ? parseMigrationText(file.readAll())
            : Result<MigrationText>(
                  Error::make(Error::Code::Io,
                              QStringLiteral("Cannot read the file: %1.").arg(file.errorString())));
    if (!text) {
        Error e = text.error();
        e.file = path;
        return e;
    }
    return text;
}

QString jetbaseChecksum(const QStringList &statements)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(statements.join(u'\n').toUtf8(), QCryptographicHash::Sha256)
            .toHex());
}

Result<MigrationText> parseMigrationText(const QByteArray &bytes)
{
    if (const qsizetype bad = firstInvalidUtf8(bytes); bad >= 0) {
        Error e = Error::make(
            Error::Code::Encoding,
            QStringLiteral("The file is not valid UTF-8 (byte 0x%1 at offset %2).")
                .arg(QString::number(static_cast<unsigned char>(bytes.at(bad)), 16).toUpper())
                .arg(bad),
            QStringLiteral("Save the file as UTF-8."));
        e.line = lineOfOffset(bytes, bad);
        return e;
    }
    // QString::fromUtf8 drops a leading byte-order mark; Jetbase keeps it in the first line, and
    // the checksum depends on it.
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
    const QString text = decoder.decode(bytes);
    const QList<QStringView> lines = splitLines(text);

    MigrationText result;
    result.delimiter = findDelimiter(lines);
    result.directives = findDirectives(lines);

    qsizetype marker = -1;
    QStringList current;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QStringView stripped = pythonStrip(lines.at(i));
        if (isRollbackMarker(stripped)) {
            marker = i;
            break;
        }
        if (stripped.isEmpty())
            continue;
        if (stripped.startsWith(u"--")) {
            if (isNearMissMarker(stripped))
                result.warnings.append(
                    {int(i) + 1,
                     QStringLiteral("'%1' is not the rollback marker: what follows runs as part "
                                    "of the upgrade. Write the marker as '-- rollback' on its "
                                    "own line.")
                         .arg(stripped.toString())});
            continue;
        }
        current.append(stripped.toString());
        if (stripped.endsWith(result.delimiter)) {
            const QString joined = current.join(u' ');
            const QStringView statement = pythonStrip(pythonRStripChars(joined, result.delimiter));
            if (!statement.isEmpty())
                result.jetbaseUpgradeStatements.append(statement.toString());
            current.clear();
        }
    }
    result.checksum = jetbaseChecksum(result.jetbaseUpgradeStatements);
    // With '\n' line ends only, the sections are slices of the text; otherwise the lines are
    // joined again with '\n'.
    const bool plainNewlines = !text.contains(u'\r');
    const auto section = [&](qsizetype from, qsizetype to) {
        if (!plainNewlines || from >= to)
            return joinLines(lines, from, to);
        const qsizetype begin = lines.at(from).data() - text.data();
        const qsizetype end = lines.at(to - 1).data() - text.data() + lines.at(to - 1).size();
        return text.sliced(begin, end - begin);
    };
    if (marker < 0) {
        result.upgradeSql = section(0, lines.size());
    } else {
        result.upgradeSql = section(0, marker);
        result.rollbackSql = section(marker + 1, lines.size());
        result.rollbackFirstLine = int(marker) + 2;
    }
    return result;
}

MigrationSections cutAtRollbackMarker(const QString &text)
{
    const QList<QStringView> lines = splitLines(text);
    MigrationSections sections;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (!isRollbackMarker(pythonStrip(lines.at(i))))
            continue;
        const qsizetype begin = lines.at(i).data() - text.data();
        const qsizetype end =
            i + 1 < lines.size() ? lines.at(i + 1).data() - text.data() : text.size();
        sections.upgrade = text.first(begin);
        sections.marker = text.sliced(begin, end - begin);
        sections.rollback = text.sliced(end);
        sections.markerLine = int(i) + 1;
        return sections;
    }
    sections.upgrade = text;
    return sections;
}

} // namespace tidemark
