#pragma once

#include <QString>

namespace tidemark {

// Who is running this process, for the journal and the lock holder.
struct RunIdentity
{
    QString osUser;
    QString host;
    qint64 pid = 0;
    QString toolVersion;

    static RunIdentity current();
};

} // namespace tidemark
