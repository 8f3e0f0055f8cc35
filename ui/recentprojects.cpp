#include "recentprojects.h"

#include <QDir>
#include <QSettings>

namespace tidemark::ui {

namespace {
const QString Key = QStringLiteral("recentProjects");
}

QStringList RecentProjects::list()
{
    QStringList dirs = QSettings().value(Key).toStringList();
    dirs.removeIf([](const QString &dir) { return !QDir(dir).exists(); });
    return dirs;
}

void RecentProjects::add(const QString &jetbaseDir)
{
    QStringList dirs = QSettings().value(Key).toStringList();
    dirs.removeAll(jetbaseDir);
    dirs.prepend(jetbaseDir);
    while (dirs.size() > Max)
        dirs.removeLast();
    QSettings().setValue(Key, dirs);
}

void RecentProjects::clear()
{
    QSettings().remove(Key);
}

} // namespace tidemark::ui
