// The database URL parser, the redactor (redactUrl, the display URL of connectionSpecFor) and
// splitUrlPassword.
//
// Byte 0 chooses the mode. Constructed mode (even): the URL is built from (scheme, user,
// password, host, tail) fields separated by NUL bytes; the password is written raw or
// percent-encoded, from URL syntax characters and Greek letters, and Greek letters occur nowhere
// else. Invariants: no Greek letter, raw or percent-encoded, in anything that is shown or used
// for connecting except the password itself (redacted URL, display URL, error texts, host, user,
// database, query, connect options); an accepted URL reads the password exactly as written; a
// percent-encoded password in an otherwise plain URL is always accepted.
// Raw mode (odd): the rest is any text. Invariants: no crash; an accepted password of four or
// more letters that occurs once in the text occurs neither in the redacted nor the display URL.
#include "db/databaseurl.h"
#include "fuzzcheck.h"

#include <QRegularExpression>
#include <QUrl>

#include <cstddef>
#include <cstdint>

using namespace tidemark;

namespace {

const char *const Schemes[] = {
    "postgresql", "postgresql+psycopg2", "postgres",   "mysql+pymysql", "mariadb",
    "sqlite",     "snowflake",           "databricks", "oracle"};
const char PasswordSyntax[] = "@/#?%:&=+[] !$;,~*'()\\\"<>^`{|}";

bool isSecretLetter(QChar c)
{
    return c.unicode() >= 0x391 && c.unicode() <= 0x3c9;
}

// Whether text shows any part of a password made of Greek letters and URL syntax.
bool leaks(const QString &text)
{
    for (QChar c : text) {
        if (isSecretLetter(c))
            return true;
    }
    // Greek letters in UTF-8 start with 0xCE or 0xCF.
    static const QRegularExpression encoded(QStringLiteral("%C[EF]%[0-9A-F]{2}"),
                                            QRegularExpression::CaseInsensitiveOption);
    return encoded.match(text).hasMatch();
}

QString keepOnly(QByteArrayView bytes, const char *alphabet)
{
    QString text;
    for (char b : bytes) {
        if (b != 0 && std::strchr(alphabet, b))
            text += QLatin1Char(b);
    }
    return text;
}

void checkShown(const QString &text, const QString &what, const QString &url)
{
    FUZZ_CHECK(!leaks(text), what + u": " + text + u"\n  from: " + url);
}

void constructed(QByteArrayView data)
{
    if (data.isEmpty())
        return;
    const QString scheme = QString::fromLatin1(Schemes[uint8_t(data[0]) % std::size(Schemes)]);
    const bool encode = data[0] & 0x40;
    const bool withPassword = !(data[0] & 0x20);
    data = data.sliced(1);
    QList<QByteArrayView> fields;
    while (fields.size() < 3) {
        const qsizetype nul = data.indexOf('\0');
        if (nul < 0)
            break;
        fields.append(data.first(nul));
        data = data.sliced(nul + 1);
    }
    fields.append(data);
    while (fields.size() < 4)
        fields.append(QByteArrayView());

    const QString user = keepOnly(fields[0], "abcdefghijklmnopqrstuvwxyz0123456789._-@");
    QString password;
    for (char b : fields[1]) {
        if (b != 0 && std::strchr(PasswordSyntax, b))
            password += QLatin1Char(b);
        else
            password += QChar(char16_t(0x3b1 + uint8_t(b) % 25));
    }
    const QString host = keepOnly(fields[2], "abcdefghijklmnopqrstuvwxyz0123456789.-:[]");
    const QString tail = keepOnly(fields[3], "abcdefghijklmnopqrstuvwxyz0123456789/?=&._-@");
    const QString written =
        encode ? QString::fromLatin1(QUrl::toPercentEncoding(password)) : password;
    const QString url =
        scheme + u"://" + user + (withPassword ? u':' + written : QString()) + u'@' + host + tail;

    checkShown(redactUrl(url), QStringLiteral("redactUrl"), url);
    checkShown(splitUrlPassword(url).url, QStringLiteral("splitUrlPassword"), url);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    static const QRegularExpression plainHost(QStringLiteral("^[a-z0-9.-]*$"));
    const bool plain = encode && withPassword && !password.isEmpty() &&
                       (scheme.startsWith(u"postgres") || scheme.startsWith(u"m")) &&
                       plainHost.match(host).hasMatch() && !tail.contains(u'@') &&
                       (tail.isEmpty() || tail.startsWith(u'/'));
    if (!parsed) {
        FUZZ_CHECK(!plain, QStringLiteral("a percent-encoded password refused: ") + url + u'\n' +
                               parsed.error().fullText());
        checkShown(parsed.error().fullText(), QStringLiteral("parse error"), url);
        return;
    }
    if (withPassword)
        FUZZ_CHECK(parsed->password == password,
                   QStringLiteral("password read as something else: ") + url);
    checkShown(parsed->user, QStringLiteral("user"), url);
    checkShown(parsed->host, QStringLiteral("host"), url);
    checkShown(parsed->database, QStringLiteral("database"), url);
    for (const auto &[key, value] : parsed->query)
        checkShown(key + u'=' + value, QStringLiteral("query"), url);

    ConnectionSettings settings;
    settings.snowflakePrivateKeyFile = QStringLiteral("/keys/k.p8");
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, settings);
    if (!spec) {
        checkShown(spec.error().fullText(), QStringLiteral("spec error"), url);
        return;
    }
    checkShown(spec->displayUrl, QStringLiteral("displayUrl"), url);
    checkShown(spec->host, QStringLiteral("spec host"), url);
    checkShown(spec->user, QStringLiteral("spec user"), url);
    checkShown(spec->connectOptions, QStringLiteral("connect options"), url);
    if (spec->qtDriver != u"QODBC") // the ODBC string holds PWD= by design and is never shown
        checkShown(spec->databaseName, QStringLiteral("database name"), url);
}

void raw(QByteArrayView data)
{
    const QString url = QString::fromUtf8(data);
    const QString redacted = redactUrl(url);
    (void)splitUrlPassword(url);
    const Result<DatabaseUrl> parsed = parseDatabaseUrl(url);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().code == Error::Code::Url, parsed.error().fullText());
        return;
    }
    (void)joinUrlPassword(splitUrlPassword(url).url, parsed->password);
    const Result<ConnectionSpec> spec = connectionSpecFor(*parsed, {});
    static const QRegularExpression letters(QStringLiteral("^[A-Za-z]{4,}$"));
    const QString &password = parsed->password;
    if (!letters.match(password).hasMatch() || url.count(password) != 1)
        return;
    FUZZ_CHECK(!redacted.contains(password), redacted + u"\n  from: " + url);
    if (spec)
        FUZZ_CHECK(!spec->displayUrl.contains(password), spec->displayUrl + u"\n  from: " + url);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArrayView rest(reinterpret_cast<const char *>(data) + 1, qsizetype(size - 1));
    if (data[0] & 1)
        raw(rest);
    else
        constructed(rest);
    return 0;
}
