#include "engine/schemacopy.h"

#include "db/connection.h"
#include "db/dialect.h"
#include "engine/schemadiff.h"
#include "history/trackingstore.h"
#include "schema/schemacomparer.h"
#include "schema/sqlwriter.h"

#include <QSqlQuery>

namespace tidemark {

namespace {

// jetbase_migrations' rows in history order into the copy's fresh table.
Result<int> copyTrackingRows(Connection &live, Connection &copy)
{
    Result<History> history = TrackingStore(live).read();
    if (!history)
        return history.error();
    if (!history->tableExists)
        return 0;
    if (Status s = TrackingStore(copy).ensureTables(); !s)
        return s.error();
    for (const HistoryRow &row : std::as_const(history->rows)) {
        if (Status s = TrackingStore(copy).insertCopiedRow(row); !s)
            return s.error();
    }
    return int(history->rows.size());
}

} // namespace

QString SchemaCopySummary::text() const
{
    QString text = QStringLiteral("%1 table(s)").arg(tables);
    const QList<QPair<int, const char *>> others{{enums, "enum(s)"},
                                                 {views, "view(s)"},
                                                 {triggers, "trigger(s)"},
                                                 {routines, "routine(s)"},
                                                 {sequences, "sequence(s)"}};
    for (const auto &[count, what] : others) {
        if (count > 0)
            text += QStringLiteral(", %1 %2").arg(count).arg(QLatin1StringView(what));
    }
    return text;
}

Result<SchemaCopySummary> copyLiveSchema(const ConnectionSpec &live, const ConnectionSpec &copy)
{
    Result<std::unique_ptr<Connection>> source = Connection::open(live);
    if (!source)
        return source.error();
    Result<Schema> schema = readLiveSchema(live);
    if (!schema)
        return schema.error();
    const std::unique_ptr<SqlWriter> writer = SqlWriter::create(live.dialect);
    if (!writer)
        return Error::make(
            Error::Code::Config,
            QStringLiteral("Cannot copy a %1 schema.").arg(dialectName(live.dialect)));
    const Schema empty;
    const MigrationSql sql =
        writer->write(compareSchemas(empty, schema.value()).changes, empty, schema.value());
    Result<std::unique_ptr<Connection>> target = Connection::open(copy);
    if (!target)
        return target.error();
    // Routine bodies may read what comes after them (see PostgresSqlWriter::wrap); the copy
    // runs outside a transaction, so for the whole session.
    if (const QString defer = Dialect::create(copy.dialect)->deferRoutineBodyChecksSql();
        !defer.isEmpty()) {
        if (Result<QSqlQuery> off = (*target)->exec(defer); !off)
            return off.error();
    }
    for (const QString &statement : sql.upgrade) {
        if (Result<QSqlQuery> done = (*target)->exec(statement); !done) {
            Error e = done.error();
            e.message = QStringLiteral("Copying the live schema into %1 failed at: %2\n%3")
                            .arg(copy.databaseName, statement, e.message);
            return e;
        }
    }
    SchemaCopySummary summary;
    summary.tables = int(schema->tables.size());
    summary.enums = int(schema->enums.size());
    for (const SchemaObjectDef &o : schema->objects) {
        using Type = SchemaObjectDef::Type;
        ++(o.isViewLike()            ? summary.views
           : o.type == Type::Trigger ? summary.triggers
           : o.type == Type::Routine ? summary.routines
                                     : summary.sequences);
    }
    Result<int> tracked = copyTrackingRows(**source, **target);
    if (!tracked)
        return tracked.error();
    summary.trackedRows = tracked.value();
    return summary;
}

} // namespace tidemark
