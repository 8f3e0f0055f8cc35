#pragma once

// A copy of the bundled demo project for tests that run commands on it.

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace tidemark::test {

inline const QString DemoProject = QStringLiteral(TIDEMARK_SOURCE_DIR "/examples/demo");

// The demo's files without its database (a developer's demo.db must not leak in).
inline bool copyDemo(const QString &target)
{
    QDirIterator it(DemoProject, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        if (source.endsWith(QStringLiteral(".db")))
            continue;
        const QString copy = target + u'/' + QDir(DemoProject).relativeFilePath(source);
        if (!QDir().mkpath(QFileInfo(copy).absolutePath()) || !QFile::copy(source, copy))
            return false;
    }
    return true;
}

} // namespace tidemark::test
