#pragma once

// Runs the real tidemark / tidemark-cli binaries for the cli/ tests: an argument list, a working
// directory and an environment without any JETBASE_* variable (so the developer's own settings
// never leak in), capturing stdout, stderr and the exit code.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTest>

#include <memory>

namespace tidemark::test {

enum class Binary { Gui, Cli };

inline QString binaryPath(Binary binary)
{
    return binary == Binary::Gui ? QStringLiteral(TIDEMARK_GUI_BINARY)
                                 : QStringLiteral(TIDEMARK_CLI_BINARY);
}

inline QString binaryLabel(Binary binary)
{
    return binary == Binary::Gui ? QStringLiteral("tidemark --cli")
                                 : QStringLiteral("tidemark-cli");
}

// The environment of the test process minus JETBASE_* and TIDEMARK_PROJECT.
inline QProcessEnvironment cliEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList keys = env.keys();
    for (const QString &key : keys) {
        if (key.startsWith(QStringLiteral("JETBASE_"), Qt::CaseInsensitive) ||
            key == u"TIDEMARK_PROJECT")
            env.remove(key);
    }
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    // status's checksum cache: not in the home folder of whoever runs the tests.
    env.insert(QStringLiteral("XDG_CACHE_HOME"),
               QDir::tempPath() + QStringLiteral("/tidemark-tests-cache"));
    return env;
}

struct CliResult
{
    QStringList arguments; // as given to the binary, for failure messages
    int exitCode = -1;
    bool finished = false; // false: crashed or timed out (then killed)
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;

    QString stdoutText() const { return QString::fromUtf8(out); }
    QString stderrText() const { return QString::fromUtf8(err); }
    QString all() const { return stdoutText() + stderrText(); }
    // One line describing the run, for QVERIFY2 messages.
    QByteArray describe() const
    {
        return (QStringLiteral("[%1] exit %2%3\n--- stdout ---\n%4\n--- stderr ---\n%5")
                    .arg(arguments.join(u' '))
                    .arg(exitCode)
                    .arg(finished ? QString() : QStringLiteral(" (did not finish)"))
                    .arg(stdoutText(), stderrText()))
            .toUtf8();
    }
    // stdout parsed as exactly one JSON object; an empty object (and *why) when it is not.
    QJsonObject json(QString *why = nullptr) const
    {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(out, &error);
        if (error.error != QJsonParseError::NoError || !doc.isObject()) {
            if (why)
                *why = QStringLiteral("stdout is not one JSON object: %1").arg(error.errorString());
            return {};
        }
        return doc.object();
    }
};

class CliRunner
{
public:
    explicit CliRunner(Binary binary = Binary::Cli, QString workingDirectory = QDir::tempPath())
        : m_binary(binary)
        , m_workingDirectory(std::move(workingDirectory))
        , m_environment(cliEnvironment())
    {}

    Binary binary() const { return m_binary; }
    void setWorkingDirectory(const QString &dir) { m_workingDirectory = dir; }
    QString workingDirectory() const { return m_workingDirectory; }
    QProcessEnvironment &environment() { return m_environment; }

    QStringList fullArguments(const QStringList &arguments) const
    {
        return m_binary == Binary::Gui ? QStringList{QStringLiteral("--cli")} + arguments
                                       : arguments;
    }

    // Starts the binary without waiting; the caller owns the process.
    std::unique_ptr<QProcess> start(const QStringList &arguments) const
    {
        auto process = std::make_unique<QProcess>();
        process->setProgram(binaryPath(m_binary));
        process->setArguments(fullArguments(arguments));
        process->setWorkingDirectory(m_workingDirectory);
        process->setProcessEnvironment(m_environment);
        process->start();
        return process;
    }

    // Waits for a process from start() and collects what it printed.
    static CliResult finish(QProcess &process, const QStringList &arguments, int timeoutMs,
                            const QElapsedTimer *timer = nullptr)
    {
        CliResult result;
        result.arguments = arguments;
        if (!process.waitForStarted(10000)) {
            result.err = process.errorString().toUtf8();
            return result;
        }
        result.finished = process.waitForFinished(timeoutMs);
        if (!result.finished) {
            process.kill();
            process.waitForFinished(5000);
        }
        result.finished = result.finished && process.exitStatus() == QProcess::NormalExit;
        result.exitCode = result.finished ? process.exitCode() : -1;
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        if (timer)
            result.elapsedMs = timer->elapsed();
        return result;
    }

    CliResult run(const QStringList &arguments, int timeoutMs = 60000) const
    {
        QElapsedTimer timer;
        timer.start();
        std::unique_ptr<QProcess> process = start(arguments);
        return finish(*process, QStringList{binaryLabel(m_binary)} + arguments, timeoutMs, &timer);
    }

private:
    Binary m_binary;
    QString m_workingDirectory;
    QProcessEnvironment m_environment;
};

// Adds the "binary" column with a row for each binary (for data-driven tests).
inline void addBinaryRows()
{
    QTest::addColumn<Binary>("binary");
    QTest::newRow("tidemark --cli") << Binary::Gui;
    QTest::newRow("tidemark-cli") << Binary::Cli;
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

inline bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) &&
           file.write(content) == content.size();
}

} // namespace tidemark::test

Q_DECLARE_METATYPE(tidemark::test::Binary)

// Checks a run's exit code, printing the whole run when it differs. `result` is evaluated once.
#define CLI_EXPECT_EXIT(result, code)                                                              \
    do {                                                                                           \
        const tidemark::test::CliResult &cliResult_ = (result);                                    \
        QVERIFY2(cliResult_.finished &&cliResult_.exitCode == (code),                              \
                 cliResult_.describe().constData());                                               \
    } while (false)

// Checks that a text (QString) contains a part, printing the run when it does not.
#define CLI_EXPECT_CONTAINS(result, text, part)                                                    \
    QVERIFY2((text).contains(part),                                                                \
             QByteArray(QByteArray("expected to find: ") + QString(part).toUtf8() + "\n" +         \
                        (result).describe())                                                       \
                 .constData())

#define CLI_EXPECT_NOT_CONTAINS(result, text, part)                                                \
    QVERIFY2(!(text).contains(part),                                                               \
             QByteArray(QByteArray("must not contain: ") + QString(part).toUtf8() + "\n" +         \
                        (result).describe())                                                       \
                 .constData())
