#pragma once

#include "run/confirmations.h"
#include "run/servicetypes.h"

#include <QObject>
#include <QPointer>

#include <optional>
#include <utility>

class QWidget;

namespace tidemark::ui {

class RunController;
class RunPanel;

// What the window's actions do: each asks the worker, confirms with the user where something
// changes, runs, and refreshes. Holds the open project's last snapshot.
class Operations : public QObject
{
    Q_OBJECT
public:
    Operations(QWidget *window, RunPanel *panel, QObject *parent = nullptr);

    // Also drops a connection profile's URL: a new project starts on its own URL, unless a
    // slot of projectChanged calls holdConnection() and later setConnection().
    void setProject(const QString &projectDir, const QString &startDir);
    // The connection every later request uses: a profile's URL with its password (empty: the
    // project's own) and its production mark. Sends a request held by holdConnection().
    void setConnection(const QString &url, bool production);
    // Requests wait (the last one is kept) until setConnection(): the profile's password is
    // still being read from the keychain.
    void holdConnection();
    // What a Project::open made outside the worker needs to use the same connection.
    ConfigOverrides overrides() const;
    const ProjectSnapshot &snapshot() const { return m_snapshot; }
    bool hasProject() const { return m_loaded; }
    // A request or run is on its way, or one waits for the keychain (holdConnection).
    bool isBusy() const;
    // A request or run is actually on its way (not just the wait for the keychain).
    bool isRunning() const;

public Q_SLOTS:
    void refresh();
    void upgrade(const QString &toVersion = {}); // empty: every pending migration
    void rollbackLast();
    void rollbackLastBatch();
    void rollbackTo(const QString &version); // everything applied after version
    void dryRun();
    // Upgrade, rollback and upgrade again on a throwaway copy; shows the result file by file.
    void rehearse();
    // Replays the applied files into a throwaway database and compares: driftChecked.
    void checkDrift();
    void validate();
    // Asks how the first partly applied file was repaired, then records it (resolve).
    void resolve();
    void fixChecksums();
    void fixFiles();
    void lock();
    void unlock();
    void stop();

Q_SIGNALS:
    void loaded(const tidemark::ui::ProjectSnapshot &snapshot);
    // Just after loaded(), before the load stops being busy: the pending files' check contexts.
    void checkContextsLoaded(const tidemark::ui::CheckContexts &contexts);
    void loadFailed(const QString &errorText);
    // setProject() was called; the window's first request follows right after.
    void projectChanged(const QString &projectDir, const QString &startDir);
    void busyChanged(bool busy);
    // A run stopped on an error in the file (line: 1-based in the file, 0 when unknown).
    void runFailed(const QString &fileName, int line, const QString &message);
    // A drift check finished (report.drifted(): changes made by hand were found).
    void driftChecked(const tidemark::DriftReport &report);

private:
    enum class Purpose { Confirm, Preview };
    void submit(ServiceRequest request, Purpose purpose = Purpose::Confirm);
    void onReplied(const ServiceReply &reply);
    void onPlanned(const ServiceReply &reply);
    void onRunFinished(const ServiceReply &reply);
    void onAudited(const ServiceReply &reply);
    void onRehearsed(const ServiceReply &reply);
    void onDriftChecked(const ServiceReply &reply);
    void rollback(const RollbackOptions &options);
    void warn(const QString &title, const QString &text);
    void inform(const QString &title, const QString &text);

    QPointer<QWidget> m_window;
    RunPanel *m_panel = nullptr;
    RunController *m_controller = nullptr;
    QString m_projectDir;
    QString m_startDir;
    QString m_url;
    bool m_production = false;
    bool m_holding = false;
    std::optional<std::pair<ServiceRequest, Purpose>> m_held;
    ProjectSnapshot m_snapshot;
    bool m_loaded = false;
    Purpose m_purpose = Purpose::Confirm;
    // The last rehearsal on this project and connection (forgotten when either changes).
    std::optional<RehearsalRecord> m_rehearsal;
};

} // namespace tidemark::ui
