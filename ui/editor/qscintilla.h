#pragma once

// QScintilla's headers say `signals` and `slots`, which QT_NO_KEYWORDS (set for the whole
// project) leaves undefined. Include QScintilla through this header only: the two words are
// defined as Qt's macros for these includes and nowhere else.

#if defined(QT_NO_KEYWORDS) && !defined(signals) && !defined(slots)
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define TIDEMARK_QSCI_KEYWORDS_DEFINED
#endif

#include <Qsci/qscilexersql.h>
#include <Qsci/qsciscintilla.h>

#if defined(TIDEMARK_QSCI_KEYWORDS_DEFINED)
#undef signals
#undef slots
#undef TIDEMARK_QSCI_KEYWORDS_DEFINED
#endif
