#pragma once

#include "common/result.h"
#include "db/boundstatement.h"

#include <QList>
#include <QString>

namespace tidemark {

class Connection;

// How far one file got that does not run in one transaction: a "-- tidemark: transaction=off"
// file on any database, and on MySQL/MariaDB every file with a statement that commits
// implicitly. One row of tidemark_progress, written as the file goes and committed with the
// statements it describes, so that a failure, a Stop or kill -9 leaves an exact record. A row
// that remains after its run makes the project dirty until `resolve` settles it.
struct FileProgress
{
    QString fileName;
    QString operation; // "upgrade" or "rollback"
    QString version;   // empty for repeatables
    QString migrationType;
    QString batchId;
    QString checksum;
    int statementCount = 0;
    int statementsDone = 0;   // statements 1..statementsDone took effect
    int doneLine = 0;         // line of the last statement that took effect
    int runningStatement = 0; // 1-based statement that was sent and had not finished; 0: none
    int runningLine = 0;
    QString state; // "running", "failed", "cancelled", "interrupted"
    QString errorText;
    QString osUser;
    QString host;
    qint64 pid = 0;
    QString startedAt; // UTC, ISO 8601

    // "V12__x.sql (upgrade) stopped after statement 3 of 5 (line 17): statements 1-3 took
    // effect; statement 4 (line 20) was running and may have taken effect."
    QString summary() const;
    // The word for the version or the file, as `resolve` takes it: "12" or the file name.
    QString target() const { return version.isEmpty() ? fileName : version; }
};

class ProgressStore
{
public:
    explicit ProgressStore(Connection &connection)
        : m_connection(connection)
    {}

    // Every row, oldest first; no table: none.
    Result<QList<FileProgress>> read() const;
    Status start(const FileProgress &progress);
    Status running(const FileProgress &progress); // runningStatement, runningLine
    Status done(const FileProgress &progress);    // statementsDone, doneLine, running cleared
    Status finish(const FileProgress &progress);  // state, errorText, counts
    Status remove(const FileProgress &progress);
    // remove's statement, for Connection::commitWith.
    static BoundStatement removeStatement(const FileProgress &progress);

private:
    Status update(const QString &assignments, const QVariantList &values,
                  const FileProgress &progress);
    Connection &m_connection;
};

} // namespace tidemark
