#include "run/operations.h"

#include "run/confirmations.h"
#include "run/rehearsaldialog.h"
#include "run/runcontroller.h"
#include "run/runpanel.h"

#include <QMessageBox>
#include <QPushButton>

namespace tidemark::ui {

using Op = ServiceRequest::Op;

Operations::Operations(QWidget *window, RunPanel *panel, QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_panel(panel)
    , m_controller(new RunController(this))
{
    connect(m_controller, &RunController::replied, this, &Operations::onReplied);
    connect(m_controller, &RunController::runEvent, m_panel, &RunPanel::handleEvent);
    connect(m_controller, &RunController::progressNote, m_panel, &RunPanel::log);
    connect(m_controller, &RunController::checkContextsLoaded, this,
            [this](const CheckContexts &contexts) {
                m_snapshot.checkContexts = contexts;
                Q_EMIT checkContextsLoaded(contexts);
            });
    connect(m_controller, &RunController::busyChanged, this, &Operations::busyChanged);
    connect(m_panel, &RunPanel::stopRequested, this, &Operations::stop);
}

void Operations::setProject(const QString &projectDir, const QString &startDir)
{
    m_projectDir = projectDir;
    m_startDir = startDir;
    m_loaded = false;
    m_snapshot = {};
    m_rehearsal.reset();
    m_url.clear();
    m_production = false;
    m_holding = false;
    m_held.reset();
    Q_EMIT projectChanged(projectDir, startDir);
}

void Operations::setConnection(const QString &url, bool production)
{
    if (url != m_url)
        m_rehearsal.reset();
    m_url = url;
    m_production = production;
    const bool wasHolding = std::exchange(m_holding, false);
    if (auto held = std::exchange(m_held, std::nullopt))
        submit(held->first, held->second);
    else if (wasHolding)
        Q_EMIT busyChanged(isBusy());
}

void Operations::holdConnection()
{
    if (std::exchange(m_holding, true) || m_controller->isBusy())
        return;
    Q_EMIT busyChanged(true);
}

ConfigOverrides Operations::overrides() const
{
    ConfigOverrides overrides;
    if (!m_url.isEmpty())
        overrides.insert(QStringLiteral("sqlalchemy_url"), m_url);
    return overrides;
}

bool Operations::isBusy() const
{
    return m_holding || isRunning();
}

bool Operations::isRunning() const
{
    return m_controller->isBusy();
}

void Operations::submit(ServiceRequest request, Purpose purpose)
{
    request.projectDir = m_projectDir;
    request.startDir = m_startDir;
    request.url = m_url;
    request.production = m_production;
    if (m_holding) {
        m_held = std::make_pair(request, purpose);
        return;
    }
    if (m_controller->isBusy()) {
        m_panel->log(tr("Busy: wait for the current operation to finish."));
        return;
    }
    m_purpose = purpose;
    m_controller->submit(request);
}

void Operations::refresh()
{
    submit({Op::Load});
}

void Operations::upgrade(const QString &toVersion)
{
    ServiceRequest request{Op::PlanUpgrade};
    request.upgrade.toVersion = toVersion;
    submit(request);
}

void Operations::rollback(const RollbackOptions &options)
{
    ServiceRequest request{Op::PlanRollback};
    request.rollback = options;
    submit(request);
}

void Operations::rollbackLast()
{
    rollback(RollbackOptions{1, {}, false, false});
}

void Operations::rollbackLastBatch()
{
    rollback(RollbackOptions{std::nullopt, {}, true, false});
}

void Operations::rollbackTo(const QString &version)
{
    rollback(RollbackOptions{std::nullopt, version, false, false});
}

void Operations::dryRun()
{
    submit({Op::PlanUpgrade}, Purpose::Preview);
}

void Operations::rehearse()
{
    m_panel->startRun(tr("Rehearsing the pending files on a throwaway copy…"),
                      int(m_snapshot.status.pending.size()));
    submit({Op::Rehearse});
}

void Operations::checkDrift()
{
    m_panel->log(tr("Checking for drift: replaying the applied migrations into a throwaway "
                    "database…"));
    submit({Op::CheckDrift});
}

void Operations::validate()
{
    submit({Op::Validate});
}

void Operations::fixChecksums()
{
    submit({Op::CheckChecksums});
}

void Operations::fixFiles()
{
    submit({Op::CheckFiles});
}

void Operations::lock()
{
    submit({Op::Lock});
}

void Operations::unlock()
{
    ConfirmationText text;
    text.title = tr("Unlock");
    text.question = tr("Release the migration lock of %1? Do this only when no run holds it (a "
                       "run that died left it behind): two runs at once can corrupt the schema.")
                        .arg(m_snapshot.displayUrl);
    text.acceptText = tr("Unlock");
    if (confirm(m_window, text))
        submit({Op::Unlock});
}

void Operations::resolve()
{
    const QList<FileProgress> &unfinished = m_snapshot.status.unfinished;
    if (unfinished.isEmpty())
        return inform(tr("Resolve"), tr("No file is partly applied: the database is clean."));
    const FileProgress &file = unfinished.first();
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Resolve %1").arg(file.fileName),
        tr("%1\n\nRepair the database by hand first. Then tell Tidemark what is true now:\n"
           "• Applied: the file's work is complete (you finished it); it is recorded as a "
           "successful run would record it.\n"
           "• Not applied: you undid what took effect; the file stays pending and the next "
           "upgrade runs it from its first statement.")
            .arg(file.summary()),
        QMessageBox::Cancel, m_window);
    box->setObjectName(QStringLiteral("resolveDialog"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *applied = box->addButton(tr("Record as &Applied"), QMessageBox::AcceptRole);
    applied->setObjectName(QStringLiteral("resolveAppliedButton"));
    QPushButton *notApplied =
        box->addButton(tr("Record as &Not Applied"), QMessageBox::DestructiveRole);
    notApplied->setObjectName(QStringLiteral("resolveNotAppliedButton"));
    const QString target = file.target();
    connect(box, &QMessageBox::buttonClicked, this,
            [this, applied, notApplied, target](QAbstractButton *button) {
                if (button != applied && button != notApplied)
                    return;
                ServiceRequest request(Op::Resolve);
                request.resolveTarget = target;
                request.resolveApplied = button == applied;
                submit(request);
            });
    box->open();
}

void Operations::stop()
{
    if (!m_controller->isBusy())
        return;
    m_panel->log(tr("Stop requested: cancelling the running statement; the file is rolled back."));
    m_controller->stop();
}

void Operations::warn(const QString &title, const QString &text)
{
    // Window-modal and asynchronous: the window goes on refreshing behind it.
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("errorMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void Operations::inform(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Information, title, text, QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("infoMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void Operations::onReplied(const ServiceReply &reply)
{
    switch (reply.request.op) {
    case Op::Load:
        if (!reply.ok) {
            m_loaded = false;
            Q_EMIT loadFailed(reply.errorText);
            return;
        }
        m_loaded = true;
        m_snapshot = reply.snapshot;
        m_projectDir = m_snapshot.jetbaseDir; // later requests do not depend on the cwd
        Q_EMIT loaded(m_snapshot);
        return;
    case Op::PlanUpgrade:
    case Op::PlanRollback:
        return onPlanned(reply);
    case Op::Upgrade:
    case Op::Rollback:
        return onRunFinished(reply);
    case Op::Rehearse:
        return onRehearsed(reply);
    case Op::CheckDrift:
        return onDriftChecked(reply);
    default:
        return onAudited(reply);
    }
}

void Operations::onPlanned(const ServiceReply &reply)
{
    const bool upgrading = reply.request.op == Op::PlanUpgrade;
    if (!reply.ok)
        return warn(upgrading ? tr("Upgrade") : tr("Roll back"), reply.errorText);
    if (m_purpose == Purpose::Preview) {
        const QString sql = reply.plan.isEmpty() ? tr("-- Nothing to run: no pending migrations.")
                                                 : planSql(reply.plan);
        return showSql(m_window, tr("Dry Run: the SQL an upgrade would run"), sql,
                       m_snapshot.dialect);
    }
    if (reply.plan.isEmpty())
        return inform(upgrading ? tr("Upgrade") : tr("Roll back"),
                      upgrading ? tr("Migrations are up to date.") : tr("Nothing to roll back."));
    const ConfirmationText text = upgrading
                                      ? upgradeConfirmation(m_snapshot, reply.plan, m_rehearsal)
                                      : rollbackConfirmation(m_snapshot, reply.plan);
    if (!confirm(m_window, text)) {
        m_panel->log(tr("Cancelled by the user before anything ran."));
        return;
    }
    ServiceRequest run = reply.request;
    run.op = upgrading ? Op::Upgrade : Op::Rollback;
    // The user saw check's errors in the confirmation and went ahead: those files, as they were
    // then, are not refused; one changed since is checked again.
    if (text.checkErrors > 0)
        for (const PlannedFileView &file : reply.plan)
            run.upgrade.checkAccepted.insert(file.fileName, file.checksum);
    m_panel->startRun(upgrading ? tr("Upgrading %n file(s)…", nullptr, int(reply.plan.size()))
                                : tr("Rolling back %n file(s)…", nullptr, int(reply.plan.size())),
                      int(reply.plan.size()));
    submit(run);
}

void Operations::onRunFinished(const ServiceReply &reply)
{
    const bool upgrading = reply.request.op == Op::Upgrade;
    if (reply.ok) {
        m_panel->finishRun(upgrading ? tr("Upgrade finished: %n file(s) applied.", nullptr,
                                          int(reply.completedFiles.size()))
                                     : tr("Rollback finished: %n file(s) rolled back.", nullptr,
                                          int(reply.completedFiles.size())));
    } else if (reply.cancelled && reply.messages.isEmpty()) {
        m_panel->finishRun(tr("Stopped: %1 was rolled back; %n earlier file(s) stay done.", nullptr,
                              int(reply.completedFiles.size()))
                               .arg(reply.failedFile));
    } else if (reply.cancelled) {
        m_panel->finishRun(tr("Stopped: %1 is partly applied; %n earlier file(s) stay done.",
                              nullptr, int(reply.completedFiles.size()))
                               .arg(reply.failedFile));
        for (const QString &line : reply.messages)
            m_panel->log(line);
    } else {
        m_panel->finishRun(tr("Failed in %1.").arg(reply.failedFile));
        Q_EMIT runFailed(reply.failedFile, reply.failedLine, reply.errorText);
        for (const QString &line : reply.messages)
            m_panel->log(line);
        warn(upgrading ? tr("Upgrade failed") : tr("Rollback failed"),
             reply.errorText +
                 (reply.messages.isEmpty() ? QString() : u"\n\n" + reply.messages.join(u'\n')));
    }
    refresh();
}

void Operations::onRehearsed(const ServiceReply &reply)
{
    if (!reply.ok) {
        m_panel->finishRun(tr("Rehearsal could not run."));
        return warn(tr("Rehearse"), reply.errorText);
    }
    const RehearsalReport &report = reply.rehearsal;
    m_panel->finishRun(report.cancelled ? tr("Rehearsal stopped.")
                       : report.ok()
                           ? tr("Rehearsal passed: %n file(s).", nullptr, int(report.files.size()))
                           : tr("Rehearsal failed."));
    if (!report.droppedNote.isEmpty())
        m_panel->log(report.droppedNote);
    if (!report.cancelled)
        m_rehearsal = RehearsalRecord{QDateTime::currentDateTime(), report};
    (new RehearsalDialog(report, m_window))->open();
}

void Operations::onDriftChecked(const ServiceReply &reply)
{
    if (!reply.ok) {
        m_panel->log(reply.errorText);
        return warn(tr("Check Drift"), reply.errorText);
    }
    const DriftReport &report = reply.drift;
    m_panel->log(
        report.drifted()
            ? tr("Drift: %n change(s) made by hand.", nullptr, int(report.diff.changes.size()))
            : tr("No drift: the schema is what the %n applied migration file(s) make.", nullptr,
                 report.replayedFiles));
    for (const QString &note : report.notes)
        m_panel->log(note);
    if (!report.droppedNote.isEmpty())
        m_panel->log(report.droppedNote);
    Q_EMIT driftChecked(report);
}

void Operations::onAudited(const ServiceReply &reply)
{
    const Op op = reply.request.op;
    if (!reply.ok) {
        m_panel->log(reply.errorText);
        warn(tr("Tidemark"), reply.errorText);
        return;
    }
    const QString list = reply.messages.join(u'\n');
    switch (op) {
    case Op::Validate:
        inform(tr("Validate"), reply.messages.isEmpty()
                                   ? tr("No problems: applied files match the database.")
                                   : tr("Problems found:\n%1").arg(list));
        return;
    case Op::CheckChecksums:
    case Op::CheckFiles: {
        const bool checksums = op == Op::CheckChecksums;
        if (reply.messages.isEmpty())
            return inform(checksums ? tr("Fix Checksums") : tr("Fix Files"),
                          checksums ? tr("Every applied file matches its stored checksum.")
                                    : tr("No applied file is missing."));
        ConfirmationText text;
        text.title = checksums ? tr("Fix Checksums") : tr("Fix Files");
        text.question =
            checksums ? tr("Store today's checksums for these applied files? The record of what "
                           "originally ran is lost; the SQL itself does not run again.")
                      : tr("Remove the tracking rows of these applied files whose files are "
                           "gone? Their changes stay in the database.");
        text.willBeLost = reply.messages;
        text.acceptText = text.title;
        text.requiredName = productionName(m_snapshot);
        if (confirm(m_window, text))
            submit({checksums ? Op::FixChecksums : Op::FixFiles});
        return;
    }
    case Op::FixChecksums:
    case Op::FixFiles:
        m_panel->log(tr("Fixed:\n%1").arg(list));
        break;
    case Op::Lock:
        m_panel->log(tr("Locked (process %1).").arg(list));
        break;
    case Op::Unlock:
        m_panel->log(tr("Unlocked."));
        break;
    case Op::Resolve:
        m_panel->log(reply.request.resolveApplied
                         ? tr("Resolved %1: recorded as applied.").arg(list)
                         : tr("Resolved %1: left pending.").arg(list));
        break;
    default:
        break;
    }
    refresh();
}

} // namespace tidemark::ui
