#pragma once

#include "common/result.h"
#include "db/boundstatement.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace tidemark {

class Connection;

// One row of tidemark_journal: one file run by one upgrade or rollback.
struct JournalEntry
{
    qint64 id = 0;
    QString batchId;   // shared by all files of one run
    QString operation; // "upgrade" or "rollback"
    QString fileName;
    QString version; // empty for repeatables
    QString migrationType;
    QString checksum;
    QString osUser;
    QString host;
    QString toolVersion;
    QDateTime startedAt; // UTC
    qint64 durationMs = 0;
    QString outcome; // "success", "failed" or "cancelled"
    QString errorText;
    QString failingStatement;
    int failingLine = 0;
    QString sqlText; // the statements that ran, separated by ";\n"
};

// Tidemark's journal beside the Jetbase tables, never inside them.
class Journal
{
public:
    explicit Journal(Connection &connection)
        : m_connection(connection)
    {}

    Status write(const JournalEntry &entry);
    // write's statement, for Connection::commitWith.
    static BoundStatement insertStatement(const JournalEntry &entry);
    // Newest first; limit <= 0 means all. A missing table gives an empty list.
    Result<QList<JournalEntry>> read(int limit = 0) const;
    // Versions applied with success by the latest upgrade batch that applied any versioned file.
    Result<QStringList> lastUpgradeBatchVersions() const;

private:
    Connection &m_connection;
};

} // namespace tidemark
