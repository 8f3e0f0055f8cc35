#pragma once

// Invariant checks for the fuzz targets: a broken invariant prints what broke and aborts, which
// libFuzzer reports as a crash and saves the input.

#include <QString>

#include <cstdio>
#include <cstdlib>

#define FUZZ_CHECK(condition, what)                                                                \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(stderr, "invariant broken at %s:%d: %s\n  %s\n", __FILE__, __LINE__,      \
                         #condition, qPrintable(QString(what)));                                   \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)

namespace tidemark::fuzz {

// The number of lines of text as the lexer and the migration parser count them ("\r\n", "\r"
// and "\n" each end a line); an empty text has one line.
inline int lineCount(const QString &text)
{
    int lines = 1;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] == u'\n' ||
            (text[i] == u'\r' && (i + 1 >= text.size() || text[i + 1] != u'\n')))
            ++lines;
    }
    return lines;
}

} // namespace tidemark::fuzz
