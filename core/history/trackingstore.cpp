#include "trackingstore.h"

#include "db/connection.h"
#include "migration/migrationset.h"

namespace tidemark {

Status TrackingStore::ensureTables()
{
    const Dialect &d = m_connection.dialect();
    for (const QString &sql :
         {d.createMigrationsTableSql(), d.createLockTableSql(), d.insertLockRowSql(),
          d.createJournalTableSql(), d.createLockHolderTableSql(), d.createProgressTableSql()}) {
        Result<QSqlQuery> done = m_connection.exec(sql);
        if (!done)
            return done.error();
    }
    return {};
}

Result<History> TrackingStore::read() const
{
    History history;
    if (!m_connection.tableExists(QStringLiteral("jetbase_migrations")))
        return history;
    history.tableExists = true;
    const Dialect &d = m_connection.dialect();
    const QString sql = QStringLiteral("SELECT order_executed, version, description, filename, "
                                       "migration_type, %1, checksum FROM jetbase_migrations "
                                       "ORDER BY applied_at ASC, order_executed ASC")
                            .arg(d.timestampTextSql(QStringLiteral("applied_at")));
    Result<QSqlQuery> query = m_connection.exec(sql);
    if (!query)
        return query.error();
    while (query->next()) {
        HistoryRow row;
        row.orderExecuted = query->value(0).toLongLong();
        row.version = query->value(1).toString();
        row.parsedVersion = Version::fromKey(row.version);
        row.description = query->value(2).toString();
        row.fileName = query->value(3).toString();
        const QString type = query->value(4).toString();
        row.kind = migrationKindFromType(type).value_or(MigrationKind::Versioned);
        row.appliedAt = query->value(5).toString();
        row.checksum = query->value(6).toString();
        history.rows.append(std::move(row));
    }
    return history;
}

Status TrackingStore::insertCopiedRow(const HistoryRow &row)
{
    const QVariant version =
        row.version.isEmpty() ? QVariant(QMetaType::fromType<QString>()) : QVariant(row.version);
    Result<QSqlQuery> done = m_connection.exec(
        QStringLiteral("INSERT INTO jetbase_migrations (version, description, filename, "
                       "migration_type, applied_at, checksum) VALUES (?, ?, ?, ?, ?, ?)"),
        {version, row.description, row.fileName, migrationTypeName(row.kind), row.appliedAt,
         row.checksum});
    if (!done)
        return done.error();
    return {};
}

Status TrackingStore::recordApplied(const Migration &migration, bool alreadyTracked)
{
    Result<QSqlQuery> done = m_connection.exec(recordAppliedStatement(migration, alreadyTracked));
    return done ? Status() : Status(done.error());
}

BoundStatement TrackingStore::recordAppliedStatement(const Migration &migration,
                                                     bool alreadyTracked) const
{
    const Dialect &d = m_connection.dialect();
    const QString type = migrationTypeName(migration.kind());
    if (alreadyTracked) {
        // A re-run of a RA/ROC file keeps its row (and its order_executed) and moves applied_at.
        return {QStringLiteral("UPDATE jetbase_migrations SET checksum = ?, applied_at = %1 "
                               "WHERE filename = ? AND migration_type = ?")
                    .arg(d.nowSql()),
                {migration.checksum(), migration.fileName, type}};
    }
    const QString appliedAt = d.appliedAtInsertSql();
    const QString columns = appliedAt.isEmpty() ? QString() : QStringLiteral(", applied_at");
    const QString values = appliedAt.isEmpty() ? QString() : u", " + appliedAt;
    const QVariant version = migration.kind() == MigrationKind::Versioned
                                 ? QVariant(migration.version().key())
                                 : QVariant(QMetaType::fromType<QString>());
    return {QStringLiteral("INSERT INTO jetbase_migrations (version, description, filename, "
                           "migration_type, checksum%1) VALUES (?, ?, ?, ?, ?%2)")
                .arg(columns, values),
            {version, migration.name.description, migration.fileName, type, migration.checksum()}};
}

Status TrackingStore::recordRolledBack(const QString &versionKey)
{
    return forgetVersion(versionKey);
}

Status TrackingStore::updateChecksum(const QString &versionKey, const QString &checksum)
{
    Result<QSqlQuery> done =
        m_connection.exec(QStringLiteral("UPDATE jetbase_migrations SET checksum = ? "
                                         "WHERE version = ? AND migration_type = 'VERSIONED'"),
                          {checksum, versionKey});
    return done ? Status() : Status(done.error());
}

Status TrackingStore::forgetVersion(const QString &versionKey)
{
    Result<QSqlQuery> done = m_connection.exec(forgetVersionStatement(versionKey));
    return done ? Status() : Status(done.error());
}

BoundStatement TrackingStore::forgetVersionStatement(const QString &versionKey)
{
    return {QStringLiteral("DELETE FROM jetbase_migrations WHERE version = ? "
                           "AND migration_type = 'VERSIONED'"),
            {versionKey}};
}

Status TrackingStore::forgetRepeatable(const QString &fileName)
{
    Result<QSqlQuery> done =
        m_connection.exec(QStringLiteral("DELETE FROM jetbase_migrations WHERE filename = ? "
                                         "AND migration_type IN ('RUNS_ALWAYS', 'RUNS_ON_CHANGE')"),
                          {fileName});
    return done ? Status() : Status(done.error());
}

} // namespace tidemark
