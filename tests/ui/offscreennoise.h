#pragma once

// The offscreen platform prints "This plugin does not support propagateSizeHints()" for every
// window and dialog it shows: hundreds of lines in the test log that hide real warnings.
// dropOffscreenNoise() drops exactly that message; every other one goes on to the handler that
// was installed before (Qt Test's, which logs it and honours QTest::ignoreMessage). Call it in
// initTestCase: Qt Test installs its own handler when the test starts and removes it (and with
// it this filter) when the test ends.

#include <QString>
#include <QtGlobal>

namespace tidemark::test {

namespace detail {

inline QtMessageHandler &previousHandler()
{
    static QtMessageHandler handler = nullptr;
    return handler;
}

inline void offscreenNoiseFilter(QtMsgType type, const QMessageLogContext &context,
                                 const QString &message)
{
    if (type == QtWarningMsg && message == u"This plugin does not support propagateSizeHints()")
        return;
    if (QtMessageHandler previous = previousHandler())
        previous(type, context, message);
}

} // namespace detail

inline void dropOffscreenNoise()
{
    const QtMessageHandler previous = qInstallMessageHandler(&detail::offscreenNoiseFilter);
    if (previous != &detail::offscreenNoiseFilter)
        detail::previousHandler() = previous;
}

} // namespace tidemark::test
