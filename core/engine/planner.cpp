#include "planner.h"

#include "common/invocation.h"
#include "migration/transactioncontrol.h"

#include <algorithm>

namespace tidemark {

QString migrationStateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Applied:
        return QStringLiteral("applied");
    case MigrationState::Pending:
        return QStringLiteral("pending");
    case MigrationState::Changed:
        return QStringLiteral("changed");
    case MigrationState::Missing:
        return QStringLiteral("missing");
    case MigrationState::OutOfOrder:
        return QStringLiteral("out_of_order");
    case MigrationState::RunsAlways:
        return QStringLiteral("runs_always");
    }
    return {};
}

QString validationKindName(ValidationProblem::Kind kind)
{
    switch (kind) {
    case ValidationProblem::Kind::OutOfOrder:
        return QStringLiteral("out_of_order");
    case ValidationProblem::Kind::MissingVersionedFile:
        return QStringLiteral("missing_file");
    case ValidationProblem::Kind::MissingRepeatableFile:
        return QStringLiteral("missing_repeatable_file");
    case ValidationProblem::Kind::ChecksumChanged:
        return QStringLiteral("checksum_changed");
    case ValidationProblem::Kind::PartlyApplied:
        return QStringLiteral("partly_applied");
    case ValidationProblem::Kind::IgnoredFile:
        return QStringLiteral("ignored_file");
    }
    return {};
}

Error validationError(const QList<ValidationProblem> &problems)
{
    QStringList lines;
    bool checksum = false, files = false, partly = false, ignored = false;
    for (const ValidationProblem &p : problems) {
        lines.append(QStringLiteral("  - ") + p.message);
        if (p.kind == ValidationProblem::Kind::ChecksumChanged)
            checksum = true;
        else if (p.kind == ValidationProblem::Kind::PartlyApplied)
            partly = true;
        else if (p.kind == ValidationProblem::Kind::IgnoredFile)
            ignored = true;
        else
            files = true;
    }
    QStringList hints;
    if (ignored)
        hints.append(QStringLiteral("Rename ignored files to end in lower-case .sql with nothing "
                                    "after it, fix or remove broken links, and make folders "
                                    "readable; or move what is not a migration out of the "
                                    "migrations folder."));
    if (partly)
        hints.append(QStringLiteral("A partly applied file blocks upgrade and rollback until it "
                                    "is resolved; no option skips that."));
    if (checksum)
        hints.append(QStringLiteral("If the changes are intended, record the new checksums with "
                                    "\"%1\", or pass --skip-checksum-validation.")
                         .arg(cliCommand(QStringLiteral("fix-checksums"))));
    if (files)
        hints.append(QStringLiteral("Restore the missing files or stop tracking them with "
                                    "\"%1\"; give out-of-order files a version above the latest "
                                    "applied one, or pass --skip-file-validation.")
                         .arg(cliCommand(QStringLiteral("fix-files"))));
    return Error::make(Error::Code::Validation,
                       QStringLiteral("Validation failed (%1 problem%2):\n%3")
                           .arg(problems.size())
                           .arg(problems.size() == 1 ? QString() : QStringLiteral("s"))
                           .arg(lines.join(u'\n')),
                       hints.join(u'\n'));
}

Planner::Planner(const MigrationSet &migrations, const History &history, SqlDialect dialect)
    : m_migrations(migrations)
    , m_history(history)
    , m_dialect(dialect)
{
    m_appliedVersions.reserve(m_history.rows.size());
    for (const HistoryRow &row : m_history.rows) {
        if (row.kind == MigrationKind::Versioned)
            m_appliedVersions.insert(row.parsedVersion.canonicalKey());
    }
}

bool Planner::isApplied(const Version &version) const
{
    return m_appliedVersions.contains(version.canonicalKey());
}

const HistoryRow *Planner::repeatableRow(const QString &fileName) const
{
    for (const HistoryRow &row : m_history.rows) {
        if (row.kind != MigrationKind::Versioned && row.fileName == fileName)
            return &row;
    }
    return nullptr;
}

QList<StatusEntry> Planner::status() const
{
    QList<StatusEntry> entries;
    entries.reserve(m_history.rows.size() + m_migrations.size());
    for (const HistoryRow &row : m_history.rows) {
        StatusEntry e;
        e.kind = row.kind;
        e.version = row.version;
        e.description = row.description;
        e.fileName = row.fileName;
        e.appliedAt = row.appliedAt;
        e.orderExecuted = row.orderExecuted;
        e.storedChecksum = row.checksum;
        const Migration *file = row.kind == MigrationKind::Versioned
                                    ? m_migrations.findVersion(row.parsedVersion)
                                    : m_migrations.findFile(row.fileName);
        if (!file) {
            e.state = MigrationState::Missing;
        } else {
            e.fileName = file->fileName;
            e.fileChecksum = file->checksum();
            const bool changed = file->checksum() != row.checksum;
            if (row.kind == MigrationKind::RunsAlways)
                e.state = MigrationState::RunsAlways;
            else
                e.state = changed ? MigrationState::Changed : MigrationState::Applied;
        }
        entries.append(std::move(e));
    }
    const HistoryRow *latestRow = latest();
    const Version latestVersion = latestRow ? Version::fromKey(latestRow->version) : Version();
    for (const Migration &m : m_migrations.versioned()) {
        if (isApplied(m.version()))
            continue;
        StatusEntry e;
        e.kind = MigrationKind::Versioned;
        e.version = m.version().key();
        e.description = m.name.description;
        e.fileName = m.fileName;
        e.fileChecksum = m.checksum();
        e.state = latestRow && m.version() < latestVersion ? MigrationState::OutOfOrder
                                                           : MigrationState::Pending;
        entries.append(std::move(e));
    }
    for (const QList<Migration> *list :
         {&m_migrations.runsAlways(), &m_migrations.runsOnChange()}) {
        for (const Migration &m : *list) {
            if (repeatableRow(m.fileName))
                continue;
            StatusEntry e;
            e.kind = m.kind();
            e.description = m.name.description;
            e.fileName = m.fileName;
            e.fileChecksum = m.checksum();
            e.state = m.kind() == MigrationKind::RunsAlways ? MigrationState::RunsAlways
                                                            : MigrationState::Pending;
            entries.append(std::move(e));
        }
    }
    return entries;
}

QList<ValidationProblem> Planner::validate(bool fileChecks, bool checksumChecks) const
{
    QList<ValidationProblem> problems;
    const HistoryRow *latestRow = latest();
    if (!latestRow)
        return problems;
    const Version latestVersion = Version::fromKey(latestRow->version);
    if (fileChecks) {
        for (const Migration &m : m_migrations.versioned()) {
            if (m.version() < latestVersion && !isApplied(m.version())) {
                problems.append(
                    {ValidationProblem::Kind::OutOfOrder, m.version().key(), m.fileName,
                     QStringLiteral("%1 (version %2) is older than the latest applied "
                                    "version %3 but has not been applied (out of order).")
                         .arg(m.relativePath, m.version().key(), latestRow->version)});
            }
        }
        for (const HistoryRow &row : m_history.rows) {
            if (row.kind == MigrationKind::Versioned) {
                if (!m_migrations.findVersion(row.parsedVersion))
                    problems.append({ValidationProblem::Kind::MissingVersionedFile, row.version,
                                     row.fileName,
                                     QStringLiteral("Version %1 (%2) has been applied but its file "
                                                    "is missing.")
                                         .arg(row.version, row.fileName)});
            } else if (!m_migrations.findFile(row.fileName)) {
                problems.append({ValidationProblem::Kind::MissingRepeatableFile, QString(),
                                 row.fileName,
                                 QStringLiteral("The repeatable migration %1 has been applied but "
                                                "its file is missing.")
                                     .arg(row.fileName)});
            }
        }
    }
    if (checksumChecks) {
        for (const HistoryRow &row : m_history.rows) {
            if (row.kind != MigrationKind::Versioned)
                continue;
            const Migration *m = m_migrations.findVersion(row.parsedVersion);
            if (m && m->checksum() != row.checksum)
                problems.append({ValidationProblem::Kind::ChecksumChanged, row.version, m->fileName,
                                 QStringLiteral("%1 (version %2) has changed since it was applied "
                                                "(checksum %3, applied %4).")
                                     .arg(m->relativePath, row.version, m->checksum().left(12),
                                          row.checksum.left(12))});
        }
    }
    return problems;
}

Result<QList<SqlStatement>> Planner::statementsOf(const Migration &migration,
                                                  Direction direction) const
{
    if (!migration.text.sqlRead) // a summary from the checksum cache: a bug to get here
        return Error::make(Error::Code::Io,
                           QStringLiteral("%1 was not read (its summary came from the checksum "
                                          "cache).")
                               .arg(migration.relativePath),
                           QStringLiteral("Run again with TIDEMARK_CHECKSUM_CACHE=off and report "
                                          "this."));
    SplitOptions options;
    options.dialect = m_dialect;
    options.delimiter = migration.text.delimiter;
    const bool up = direction == Direction::Upgrade;
    options.firstLine = up ? migration.text.upgradeFirstLine : migration.text.rollbackFirstLine;
    if (!up && !migration.text.hasRollbackSection())
        return QList<SqlStatement>();
    const FileDirectives &directives = migration.text.directives;
    if (!directives.error.isEmpty()) {
        Error e = Error::make(Error::Code::Parse, directives.error,
                              QStringLiteral("Fix the '-- tidemark:' line at the top of %1.")
                                  .arg(migration.relativePath));
        e.file = migration.path;
        e.line = directives.errorLine;
        return e;
    }
    Result<QList<SqlStatement>> statements =
        splitStatements(up ? migration.text.upgradeSql : migration.text.rollbackSql, options);
    if (!statements) {
        Error e = statements.error();
        e.file = migration.path;
        return e;
    }
    if (directives.transaction) {
        for (const SqlStatement &statement : statements.value()) {
            const TransactionControlStatement control =
                transactionControl(statement.text, m_dialect);
            if (control.kind == TransactionControl::None)
                continue;
            Error e = Error::make(
                Error::Code::Parse,
                QStringLiteral("%1 at line %2 controls the transaction itself, but Tidemark runs "
                               "each file in one transaction of its own: the statement would "
                               "commit or undo part of the file behind Tidemark's back.")
                    .arg(control.keywords)
                    .arg(statement.line),
                QStringLiteral("Remove the statement, or put '-- tidemark: transaction=off' at "
                               "the top of %1 to run its statements one by one without a "
                               "transaction (each one is recorded as it completes).")
                    .arg(migration.relativePath));
            e.file = migration.path;
            e.line = statement.line;
            e.statement = statement.text;
            return e;
        }
    }
    return statements;
}

namespace {

Error usage(const QString &message)
{
    return Error::make(Error::Code::Usage, message);
}

} // namespace

Result<Plan> Planner::upgrade(const UpgradeOptions &options) const
{
    if (options.count && !options.toVersion.isEmpty())
        return usage(QStringLiteral("Cannot specify both --count and --to-version for upgrade."));
    if (options.count && *options.count < 1)
        return usage(
            QStringLiteral("--count must be a positive integer (got %1).").arg(*options.count));

    const HistoryRow *latestRow = latest();
    if (latestRow && !options.skipValidation) {
        const QList<ValidationProblem> problems =
            validate(!options.skipFileValidation, !options.skipChecksumValidation);
        if (!problems.isEmpty())
            return validationError(problems);
    }
    const Version latestVersion = latestRow ? Version::fromKey(latestRow->version) : Version();

    QList<const Migration *> versioned;
    for (const Migration &m : m_migrations.versioned()) {
        if (isApplied(m.version()))
            continue;
        // With file validation skipped, older unapplied files are left alone, as in Jetbase.
        if (latestRow && m.version() < latestVersion)
            continue;
        versioned.append(&m);
    }
    if (options.count && versioned.size() > *options.count)
        versioned.resize(*options.count);
    if (!options.toVersion.isEmpty()) {
        const QString key = Version::keyFromRaw(options.toVersion);
        const Version target = Version::fromKey(key);
        const auto it = std::find_if(versioned.cbegin(), versioned.cend(), [&](const Migration *m) {
            return target.isValid() && m->version() == target;
        });
        if (it == versioned.cend()) {
            QString why = target.isValid() && isApplied(target)
                              ? QStringLiteral(" It has already been applied.")
                              : QString();
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("The specified to_version '%1' does not exist among "
                                              "pending migrations.%2")
                                   .arg(options.toVersion, why),
                               QStringLiteral("Run \"%1\" to see the pending versions.")
                                   .arg(cliCommand(QStringLiteral("status"))));
        }
        versioned.erase(it + 1, versioned.cend());
    }

    Plan plan;
    plan.direction = Direction::Upgrade;
    auto add = [&](const Migration *m, bool tracked) -> Status {
        Result<QList<SqlStatement>> statements =
            options.withStatements ? statementsOf(*m, Direction::Upgrade)
                                   : Result<QList<SqlStatement>>(QList<SqlStatement>());
        if (!statements)
            return statements.error();
        PlannedFile file;
        file.migration = m;
        file.fileName = m->fileName;
        file.versionKey = m->kind() == MigrationKind::Versioned ? m->version().key() : QString();
        file.alreadyTracked = tracked;
        file.statements = std::move(statements).value();
        plan.files.append(std::move(file));
        return {};
    };
    if (!options.repeatablesOnly) {
        for (const Migration *m : versioned) {
            if (Status s = add(m, false); !s)
                return s.error();
        }
    }
    if (options.versionedOnly)
        return plan;
    const auto wanted = [&options](const Migration &m) {
        return !options.onlyRepeatables || options.onlyRepeatables->contains(m.fileName);
    };
    for (const Migration &m : m_migrations.runsAlways()) {
        if (!wanted(m))
            continue;
        if (Status s = add(&m, repeatableRow(m.fileName) != nullptr); !s)
            return s.error();
    }
    for (const Migration &m : m_migrations.runsOnChange()) {
        const HistoryRow *row = repeatableRow(m.fileName);
        if ((row && row->checksum == m.checksum()) || !wanted(m))
            continue;
        if (Status s = add(&m, row != nullptr); !s)
            return s.error();
    }
    return plan;
}

Result<Plan> Planner::rollback(const RollbackOptions &options,
                               const QStringList &lastBatchVersions) const
{
    const int chosen = (options.count ? 1 : 0) + (options.toVersion.isEmpty() ? 0 : 1) +
                       (options.lastBatch ? 1 : 0) + (options.all ? 1 : 0);
    if (chosen > 1)
        return usage(
            QStringLiteral("Choose only one of --count, --to-version, --last-batch and --all."));
    if (options.count && *options.count < 1)
        return usage(
            QStringLiteral("--count must be a positive integer (got %1).").arg(*options.count));

    const QList<const HistoryRow *> applied = m_history.versionedRows();
    QList<const HistoryRow *> selected;
    if (!options.toVersion.isEmpty()) {
        const Version target = Version::fromKey(Version::keyFromRaw(options.toVersion));
        const auto it = std::find_if(applied.cbegin(), applied.cend(), [&](const HistoryRow *r) {
            return target.isValid() && r->parsedVersion == target;
        });
        if (it == applied.cend())
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("Version '%1' has not been applied yet or does not "
                                              "exist.")
                                   .arg(options.toVersion),
                               QStringLiteral("Run \"%1\" to see the applied versions.")
                                   .arg(cliCommand(QStringLiteral("history"))));
        selected = QList<const HistoryRow *>(it + 1, applied.cend());
    } else if (options.lastBatch) {
        for (const HistoryRow *row : applied) {
            const Version v = row->parsedVersion;
            if (std::any_of(lastBatchVersions.cbegin(), lastBatchVersions.cend(),
                            [&](const QString &key) { return Version::fromKey(key) == v; }))
                selected.append(row);
        }
    } else if (options.all) {
        selected = applied;
    } else {
        const int count = options.count.value_or(1);
        selected = applied.mid(std::max<qsizetype>(0, applied.size() - count));
    }
    std::reverse(selected.begin(), selected.end());

    // A rollback that would only forget the record, leaving the file's changes behind, is
    // refused before anything runs, every such file named.
    QStringList withoutRollback;
    for (const HistoryRow *row : selected) {
        const Migration *m = m_migrations.findVersion(row->parsedVersion);
        if (m && !m->text.hasRollbackSection())
            withoutRollback.append(m->relativePath);
    }
    if (!withoutRollback.isEmpty() && !options.forgetWithoutRollback)
        return Error::make(
            Error::Code::Validation,
            QStringLiteral("Cannot roll back: %1 %2 no rollback section, so nothing would undo "
                           "what %3 did: %4.")
                .arg(withoutRollback.size())
                .arg(withoutRollback.size() == 1 ? QStringLiteral("file has")
                                                 : QStringLiteral("files have"),
                     withoutRollback.size() == 1 ? QStringLiteral("it") : QStringLiteral("they"),
                     withoutRollback.join(QStringLiteral(", "))),
            QStringLiteral("Add a '-- rollback' section that undoes the upgrade, or, to only "
                           "forget the record and keep the changes in the database, pass "
                           "--forget-without-rollback."));

    Plan plan;
    plan.direction = Direction::Rollback;
    for (const HistoryRow *row : selected) {
        const Migration *m = m_migrations.findVersion(row->parsedVersion);
        if (!m)
            return Error::make(Error::Code::NotFound,
                               QStringLiteral("Migration file for version '%1' (%2) not found. "
                                              "Cannot proceed with rollback.")
                                   .arg(row->version, row->fileName),
                               QStringLiteral("Restore the file, or run \"%1\" to stop "
                                              "tracking versions whose files are gone.")
                                   .arg(cliCommand(QStringLiteral("fix"))));
        Result<QList<SqlStatement>> statements = statementsOf(*m, Direction::Rollback);
        if (!statements)
            return statements.error();
        PlannedFile file;
        file.migration = m;
        file.fileName = m->fileName;
        file.versionKey = row->version;
        file.alreadyTracked = true;
        file.forgetOnly = !m->text.hasRollbackSection();
        file.statements = std::move(statements).value();
        plan.files.append(std::move(file));
    }
    return plan;
}

} // namespace tidemark
