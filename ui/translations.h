#pragma once

#include <QList>
#include <QLocale>

class QCoreApplication;
class QTranslator;

namespace tidemark::ui {

// Installs the translators for the locale's UI languages (by default the system's, which
// follows LANGUAGE, LC_ALL, LC_MESSAGES and LANG) on app: Tidemark's own, embedded from
// translations/*.ts, and Qt's own (qtbase_*.qm) from the Qt installation when it has them
// (Debian: qt6-translations-l10n). English needs none. Returns the translators installed,
// children of app; deleting one uninstalls it.
QList<QTranslator *> installTranslators(QCoreApplication *app, const QLocale &locale = QLocale());

} // namespace tidemark::ui
