#include "runidentity.h"

#include <QCoreApplication>
#include <QSysInfo>
#include <QtGlobal>

#ifdef Q_OS_UNIX
#include <pwd.h>
#include <unistd.h>
#endif

namespace tidemark {

RunIdentity RunIdentity::current()
{
    RunIdentity id;
    id.osUser = qEnvironmentVariable("USER");
    if (id.osUser.isEmpty())
        id.osUser = qEnvironmentVariable("USERNAME");
    if (id.osUser.isEmpty())
        id.osUser = qEnvironmentVariable("LOGNAME");
#ifdef Q_OS_UNIX
    if (id.osUser.isEmpty()) {
        if (const passwd *entry = getpwuid(getuid()))
            id.osUser = QString::fromLocal8Bit(entry->pw_name);
    }
#endif
    id.host = QSysInfo::machineHostName();
    id.pid = QCoreApplication::applicationPid();
    id.toolVersion = QStringLiteral("tidemark " TIDEMARK_VERSION);
    return id;
}

} // namespace tidemark
