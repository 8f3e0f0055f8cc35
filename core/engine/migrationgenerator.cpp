#include "migrationgenerator.h"

#include "db/connection.h"
#include "engine/drift.h"
#include "engine/migrationservice.h"
#include "schema/identifiers.h"
#include "schema/schemacomparer.h"
#include "schema/schemaedit.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <limits>
#include <optional>

namespace tidemark {

namespace {

using Kind = SchemaChange::Kind;

// "--rename users.fullname=name" / "--rename old_table=new_table".
struct RenameRequest
{
    QString table; // empty for a table rename
    QString oldName;
    QString newName;
};

Result<RenameRequest> parseRename(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:([^.=]+)\\.)?([^.=]+)=([^.=]+)$"));
    const QRegularExpressionMatch m = pattern.match(text.trimmed());
    if (!m.hasMatch())
        return Error::make(Error::Code::Usage, QStringLiteral("Invalid --rename \"%1\".").arg(text),
                           QStringLiteral("Write TABLE.OLD=NEW for a column or OLD=NEW for a "
                                          "table, as the rename candidates show them."));
    return RenameRequest{m.captured(1), m.captured(2), m.captured(3)};
}

QString candidateText(const RenameCandidate &c)
{
    return c.isTable() ? QString(c.oldName + u'=' + c.newName)
                       : QString(c.table + u'.' + c.oldName + u'=' + c.newName);
}

// Turns the requested drop + add pairs into renames and compares again from the renamed
// current schema, so that what else changed on a renamed table or column is still found.
Status applyRenames(const QStringList &requests, DiffReport &report)
{
    if (requests.isEmpty())
        return {};
    Schema renamed = report.current;
    QList<SchemaChange> renames;
    for (const QString &text : requests) {
        Result<RenameRequest> request = parseRename(text);
        if (!request)
            return request.error();
        const RenameRequest &r = request.value();
        const bool known = std::any_of(
            report.diff.renameCandidates.cbegin(), report.diff.renameCandidates.cend(),
            [&](const RenameCandidate &c) {
                return c.oldName == r.oldName && c.newName == r.newName &&
                       (r.table.isEmpty() ? c.isTable() : (!c.isTable() && c.table == r.table));
            });
        if (!known) {
            QStringList candidates;
            for (const RenameCandidate &c : report.diff.renameCandidates)
                candidates.append(candidateText(c));
            return Error::make(
                Error::Code::Usage,
                QStringLiteral("--rename %1 matches no rename candidate.").arg(text),
                candidates.isEmpty()
                    ? QStringLiteral("There are none: a rename needs a dropped and an added "
                                     "column of the same type (or tables with the same "
                                     "columns).")
                    : QStringLiteral("The candidates are: %1.")
                          .arg(candidates.join(QStringLiteral(", "))));
        }
        SchemaChange change;
        if (r.table.isEmpty()) {
            change.kind = Kind::RenameTable;
            change.table = r.oldName;
            change.object = r.oldName;
            change.tableBefore = *renamed.table(r.oldName);
            renameTable(renamed, r.oldName, r.newName);
            change.tableAfter = *renamed.table(r.newName);
        } else {
            change.kind = Kind::RenameColumn;
            change.table = r.table;
            change.object = r.oldName;
            change.columnBefore = *renamed.table(r.table)->column(r.oldName);
            renameColumn(renamed, r.table, r.oldName, r.newName);
            change.columnAfter = *renamed.table(r.table)->column(r.newName);
        }
        renames.append(change);
    }
    SchemaDiff rest = compareSchemas(renamed, report.desired);
    report.diff.changes = renames + rest.changes;
    report.diff.renameCandidates = rest.renameCandidates;
    return {};
}

// Character lengths and integer ranges, to tell a narrowing type change.
std::optional<qint64> characterLength(const QString &type)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(character varying|varchar|character|char|nvarchar|nchar)\\((\\d+)\\)"));
    const QRegularExpressionMatch m = pattern.match(type);
    if (m.hasMatch())
        return m.captured(2).toLongLong();
    if (type == u"text" || type.startsWith(u"character varying") || type.startsWith(u"varchar"))
        return std::numeric_limits<qint64>::max();
    return std::nullopt;
}

std::optional<qint64> integerMaximum(const QString &type)
{
    const QString t = type.section(u' ', 0, 0);
    if (t == u"tinyint")
        return 127;
    if (t == u"smallint" || t == u"int2")
        return 32767;
    if (t == u"mediumint")
        return 8388607;
    if (t == u"integer" || t == u"int" || t == u"int4")
        return 2147483647;
    if (t == u"bigint" || t == u"int8")
        return std::numeric_limits<qint64>::max();
    return std::nullopt;
}

// One COUNT query per warning on the live database.
class LossCounter
{
public:
    LossCounter(Connection &connection, const QHash<QString, QString> &liveTableNames)
        : m_connection(connection)
        , m_dialect(connection.spec().dialect)
        , m_live(liveTableNames)
    {}

    Result<qint64> count(const QString &table, const QString &what, const QString &where = {})
    {
        QString sql = QStringLiteral("SELECT COUNT(%1) FROM %2")
                          .arg(what, sqlName(m_dialect, m_live.value(table, table)));
        if (!where.isEmpty())
            sql += QStringLiteral(" WHERE ") + where;
        Result<QVariant> value = m_connection.scalar(sql);
        if (!value)
            return value.error();
        return value->toLongLong();
    }
    QString column(const QString &name) const { return sqlName(m_dialect, name); }
    QString lengthOf(const QString &column) const
    {
        return m_connection.dialect().characterLengthSql(column);
    }

private:
    Connection &m_connection;
    SqlDialect m_dialect;
    QHash<QString, QString> m_live; // renamed table -> its name in the live database
};

// "1 row", "12,304 rows".
QString count(qint64 n, const QString &singular, const QString &plural)
{
    return QLocale(QLocale::English).toString(n) + u' ' + (n == 1 ? singular : plural);
}

Result<QList<DataLossWarning>> countDataLoss(const ConnectionSpec &spec,
                                             const QList<SchemaChange> &changes)
{
    QHash<QString, QString> liveNames;
    for (const SchemaChange &c : changes) {
        if (c.kind == Kind::RenameTable)
            liveNames.insert(c.tableAfter->name, c.tableBefore->name);
    }
    std::optional<std::unique_ptr<Connection>> connection;
    QList<DataLossWarning> warnings;
    for (qsizetype i = 0; i < changes.size(); ++i) {
        const SchemaChange &c = changes.at(i);
        const bool relevant = c.kind == Kind::DropTable || c.kind == Kind::DropColumn ||
                              c.kind == Kind::ChangeColumnNullability ||
                              c.kind == Kind::AddColumn || c.kind == Kind::ChangeColumnType ||
                              c.kind == Kind::ChangeColumnGenerated;
        if (!relevant)
            continue;
        if (!connection) {
            Result<std::unique_ptr<Connection>> opened = Connection::open(spec);
            if (!opened)
                return opened.error();
            connection = std::move(opened).value();
        }
        LossCounter counter(**connection, liveNames);
        DataLossWarning w;
        w.changeIndex = i;
        Result<qint64> n = qint64(0);
        const QString col = c.columnBefore ? counter.column(c.columnBefore->name) : QString();
        switch (c.kind) {
        case Kind::DropTable:
            n = counter.count(c.table, QStringLiteral("*"));
            if (n)
                w.message =
                    QStringLiteral("drops table %1: %2")
                        .arg(c.table, count(*n, QStringLiteral("row"), QStringLiteral("rows")));
            break;
        case Kind::DropColumn:
            n = counter.count(c.table, col);
            if (n)
                w.message = QStringLiteral("drops %1.%2: %3")
                                .arg(c.table, c.object,
                                     count(*n, QStringLiteral("non-null value"),
                                           QStringLiteral("non-null values")));
            break;
        case Kind::ChangeColumnGenerated:
            if (!c.columnBefore->generated.isEmpty())
                continue; // the values followed from the others already
            n = counter.count(c.table, col);
            if (n && *n > 0)
                w.message = QStringLiteral("makes %1.%2 generated: its %3 give way to the "
                                           "expression's")
                                .arg(c.table, c.object,
                                     count(*n, QStringLiteral("non-null value"),
                                           QStringLiteral("non-null values")));
            break;
        case Kind::ChangeColumnNullability:
            if (c.columnAfter->nullable)
                continue;
            n = counter.count(c.table, QStringLiteral("*"), col + QStringLiteral(" IS NULL"));
            if (n && *n > 0)
                w.message =
                    QStringLiteral("makes %1.%2 NOT NULL but %3 NULL: the upgrade "
                                   "fails until they get a value")
                        .arg(c.table, c.object,
                             count(*n, QStringLiteral("row holds"), QStringLiteral("rows hold")));
            break;
        case Kind::AddColumn:
            if (c.columnAfter->nullable || !c.columnAfter->defaultExpression.isEmpty() ||
                c.columnAfter->identity || !c.columnAfter->generated.isEmpty())
                continue;
            n = counter.count(c.table, QStringLiteral("*"));
            if (n && *n > 0)
                w.message = QStringLiteral("adds %1.%2 NOT NULL without a default to %3: the "
                                           "upgrade fails unless they get a value")
                                .arg(c.table, c.object,
                                     count(*n, QStringLiteral("row"), QStringLiteral("rows")));
            break;
        case Kind::ChangeColumnType: {
            const QString from = c.columnBefore->normalizedType;
            const QString to = c.columnAfter->normalizedType;
            const auto fromLength = characterLength(from), toLength = characterLength(to);
            const auto fromMax = integerMaximum(from), toMax = integerMaximum(to);
            if (fromLength && toLength && *toLength < *fromLength) {
                n = counter.count(c.table, QStringLiteral("*"),
                                  counter.lengthOf(col) + u'>' + QString::number(*toLength));
                if (n && *n > 0)
                    w.message = QStringLiteral("narrows %1.%2 to %3: %4 longer than %5 "
                                               "characters")
                                    .arg(c.table, c.object, to,
                                         count(*n, QStringLiteral("value is"),
                                               QStringLiteral("values are")),
                                         QString::number(*toLength));
            } else if (fromMax && toMax && *toMax < *fromMax) {
                n = counter.count(
                    c.table, QStringLiteral("*"),
                    QStringLiteral("%1 > %2 OR %1 < %3").arg(col).arg(*toMax).arg(-*toMax - 1));
                if (n && *n > 0)
                    w.message = QStringLiteral("narrows %1.%2 to %3: %4 out of its range")
                                    .arg(c.table, c.object, to,
                                         count(*n, QStringLiteral("value is"),
                                               QStringLiteral("values are")));
            }
            break;
        }
        default:
            break;
        }
        if (!n)
            return n.error();
        if (w.message.isEmpty())
            continue;
        w.count = *n;
        warnings.append(w);
    }
    return warnings;
}

// The description as Jetbase puts it into the file name: spaces become underscores; it must
// not be blank nor hold a path separator.
Result<QString> fileDescription(const QString &text)
{
    QString description = text.trimmed();
    description.replace(u' ', u'_');
    if (description.isEmpty())
        return Error::make(Error::Code::Usage, QStringLiteral("The description is blank."),
                           QStringLiteral("Pass -d with a few words, like -d add_users."));
    if (description.contains(u'/') || description.contains(u'\\'))
        return Error::make(
            Error::Code::Usage,
            QStringLiteral("The description must not contain a path separator: \"%1\".").arg(text));
    return description;
}

QString commentLines(const QString &title, const QStringList &items)
{
    if (items.isEmpty())
        return {};
    QString text = QStringLiteral("-- %1:\n").arg(title);
    for (const QString &item : items)
        text += QStringLiteral("--   ") + QString(item).replace(u'\n', u' ') + u'\n';
    return text;
}

QString sectionText(const QStringList &statements)
{
    QString text;
    for (const QString &s : statements)
        text += s + QStringLiteral(";\n\n");
    return text;
}

QString fileText(const GeneratedMigration &m, SqlDialect dialect, const QDateTime &when)
{
    QStringList changes, warnings;
    for (const SchemaChange &c : m.report.diff.changes)
        changes.append(c.summary());
    for (const DataLossWarning &w : m.warnings)
        warnings.append(w.message);
    QString text = QStringLiteral("-- Generated by tidemark %1 make-migrations on %2\n"
                                  "-- Source: %3\n"
                                  "-- Dialect: %4\n")
                       .arg(QStringLiteral(TIDEMARK_VERSION),
                            when.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), m.report.source,
                            dialectName(dialect));
    text += commentLines(QStringLiteral("Changes"), changes);
    text += commentLines(QStringLiteral("Warnings (data loss)"), warnings);
    text += commentLines(QStringLiteral("Notes"), m.sql.notes);
    text += QStringLiteral("\n-- upgrade\n\n") + sectionText(m.sql.upgrade);
    text += QStringLiteral("-- rollback\n\n") + sectionText(m.sql.rollback);
    return text;
}

// The live schema only stands for the migrations when they are all applied: with one pending,
// the generated file would do its work a second time.
Status checkNothingPending(const Project &project)
{
    Result<StatusReport> status = MigrationService(project).status();
    if (!status)
        return status.error();
    QStringList pending;
    for (const StatusEntry &e : status->pending) {
        if (e.kind == MigrationKind::Versioned)
            pending.append(e.fileName);
    }
    if (pending.isEmpty())
        return {};
    const QString shown = pending.size() > 3
                              ? pending.mid(0, 3).join(QStringLiteral(", ")) +
                                    QStringLiteral(" and %1 more").arg(pending.size() - 3)
                              : pending.join(QStringLiteral(", "));
    return Error::make(Error::Code::Validation,
                       QStringLiteral("The database is behind its migrations: %1 not applied "
                                      "yet (%2). A generated migration would repeat them.")
                           .arg(pending.size())
                           .arg(shown),
                       QStringLiteral("Run upgrade first, or pass --allow-pending to compare "
                                      "with the database as it is."));
}

// The drift as a diff: from what the applied files make to the live schema.
Result<DiffReport> driftDiff(const Project &project, const DiffOptions &source)
{
    if (!source.schemaPath.isEmpty() || !source.fromUrl.isEmpty() || source.fromModels)
        return Error::make(Error::Code::Usage,
                           QStringLiteral("--from-drift and --undo-drift take no desired schema "
                                          "(--schema, --from-url, --models): the drift is the "
                                          "difference."));
    Result<DriftReport> drift = detectDrift(project, source.cancel);
    if (!drift)
        return drift.error();
    DiffReport report;
    report.source = QStringLiteral("the changes made by hand (drift)");
    report.current = drift->replayed;
    report.desired = drift->live;
    report.diff = drift->diff;
    report.notes += drift->notes;
    if (!drift->droppedNote.isEmpty())
        report.notes.append(drift->droppedNote);
    return report;
}

} // namespace

Result<GeneratedMigration> generateMigration(const Project &project, const GenerateOptions &options)
{
    Result<ConnectionSpec> spec = project.connectionSpec();
    if (!spec)
        return spec.error();
    std::unique_ptr<SqlWriter> writer = SqlWriter::create(spec->dialect);
    if (!writer)
        return Error::make(Error::Code::Usage,
                           QStringLiteral("make-migrations does not support %1 databases yet.")
                               .arg(dialectName(spec->dialect)));
    GeneratedMigration result;
    Result<QString> description = fileDescription(options.description);
    if (!description)
        return description.error();
    result.description = description.value();
    if (!options.allowPending) {
        if (Status s = checkNothingPending(project); !s)
            return s.error();
    }
    Result<DiffReport> report = options.fromDrift ? driftDiff(project, options.source)
                                                  : diffSchemas(project, options.source);
    if (!report)
        return report.error();
    result.report = std::move(report).value();
    if (Status s = applyRenames(options.renames, result.report); !s)
        return s.error();
    if (!options.excluded.isEmpty()) {
        QList<SchemaChange> kept;
        for (qsizetype i = 0; i < result.report.diff.changes.size(); ++i) {
            if (!options.excluded.contains(i))
                kept.append(result.report.diff.changes.at(i));
        }
        result.report.diff.changes = kept;
    }
    if (result.isEmpty())
        return result;

    // --from-drift's file never runs on this database (it already has the changes): no data
    // is lost here, so nothing to count.
    if (!options.fromDrift) {
        Result<QList<DataLossWarning>> warnings =
            countDataLoss(spec.value(), result.report.diff.changes);
        if (!warnings)
            return warnings.error();
        result.warnings = std::move(warnings).value();
    }
    result.sql =
        writer->write(result.report.diff.changes, result.report.current, result.report.desired);
    const QDateTime now = QDateTime::currentDateTime();
    result.version = now.toString(QStringLiteral("yyyyMMdd.HHmmss"));
    result.fileName = QStringLiteral("V%1__%2.sql").arg(result.version, result.description);
    result.fileText = fileText(result, spec->dialect, now);
    return result;
}

Result<GeneratedMigration> undoMigration(const Project &project, const GeneratedMigration &recorded)
{
    Result<ConnectionSpec> spec = project.connectionSpec();
    if (!spec)
        return spec.error();
    GeneratedMigration undo;
    undo.report.source = QStringLiteral("undoing %1").arg(recorded.fileName);
    undo.report.current = recorded.report.desired;
    undo.report.desired = recorded.report.current;
    for (auto it = recorded.report.diff.changes.crbegin();
         it != recorded.report.diff.changes.crend(); ++it)
        undo.report.diff.changes.append(it->reversed());
    Result<QList<DataLossWarning>> warnings = countDataLoss(spec.value(), undo.report.diff.changes);
    if (!warnings)
        return warnings.error();
    undo.warnings = std::move(warnings).value();
    undo.sql = {recorded.sql.rollback, recorded.sql.upgrade, recorded.sql.notes};
    undo.version = recorded.version + QStringLiteral(".1");
    undo.description = QStringLiteral("undo_drift");
    undo.fileName = QStringLiteral("V%1__%2.sql").arg(undo.version, undo.description);
    undo.fileText = fileText(undo, spec->dialect, QDateTime::currentDateTime());
    return undo;
}

Result<QString> saveGeneratedMigration(const Project &project, const GeneratedMigration &migration)
{
    Result<QString> fileName = createMigrationFile(project.location(), migration.description,
                                                   migration.version, migration.fileText);
    if (!fileName)
        return fileName.error();
    return QString(project.location().migrationsDir + u'/' + fileName.value());
}

} // namespace tidemark
