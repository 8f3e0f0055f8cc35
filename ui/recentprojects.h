#pragma once

#include <QStringList>

namespace tidemark::ui {

// The recently opened project folders, newest first, kept in QSettings.
class RecentProjects
{
public:
    static QStringList list();
    static void add(const QString &jetbaseDir);
    static void clear();
    static constexpr int Max = 10;
};

} // namespace tidemark::ui
