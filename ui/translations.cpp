#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcTranslations, "tidemark.ui.translations", QtWarningMsg)

namespace tidemark::ui {

namespace {

// QTranslator::load(locale, ...) tries each of the locale's UI languages in turn.
QTranslator *loadTranslator(QCoreApplication *app, const QLocale &locale, const QString &name,
                            const QString &dir)
{
    auto *translator = new QTranslator(app);
    if (translator->load(locale, name, QStringLiteral("_"), dir)) {
        qCDebug(lcTranslations) << "loaded" << translator->filePath();
        if (QCoreApplication::installTranslator(translator))
            return translator;
    } else {
        qCDebug(lcTranslations) << "no" << name << "translation for" << locale.uiLanguages() << "in"
                                << dir;
    }
    delete translator;
    return nullptr;
}

} // namespace

QList<QTranslator *> installTranslators(QCoreApplication *app, const QLocale &locale)
{
    QList<QTranslator *> installed;
    // Qt's own strings only along with Tidemark's: a user whose language Tidemark lacks gets an
    // all-English window rather than English menus with dialog buttons in another language.
    if (QTranslator *own =
            loadTranslator(app, locale, QStringLiteral("tidemark"), QStringLiteral(":/i18n"))) {
        installed.append(own);
        if (QTranslator *qt = loadTranslator(app, locale, QStringLiteral("qtbase"),
                                             QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            installed.append(qt);
    }
    return installed;
}

} // namespace tidemark::ui
