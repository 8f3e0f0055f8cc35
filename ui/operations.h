#pragma once

#include "servicetypes.h"

#include <QObject>
#include <QPointer>

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

    void setProject(const QString &projectDir, const QString &startDir);
    const ProjectSnapshot &snapshot() const { return m_snapshot; }
    bool hasProject() const { return m_loaded; }
    bool isBusy() const;

public Q_SLOTS:
    void refresh();
    void upgrade(const QString &toVersion = {}); // empty: every pending migration
    void rollbackLast();
    void rollbackLastBatch();
    void rollbackTo(const QString &version); // everything applied after version
    void dryRun();
    void validate();
    void fixChecksums();
    void fixFiles();
    void lock();
    void unlock();
    void stop();

Q_SIGNALS:
    void loaded(const tidemark::ui::ProjectSnapshot &snapshot);
    void loadFailed(const QString &errorText);
    void busyChanged(bool busy);
    // A run stopped on an error in the file (line: 1-based in the file, 0 when unknown).
    void runFailed(const QString &fileName, int line, const QString &message);

private:
    enum class Purpose { Confirm, Preview };
    void submit(ServiceRequest request, Purpose purpose = Purpose::Confirm);
    void onReplied(const ServiceReply &reply);
    void onPlanned(const ServiceReply &reply);
    void onRunFinished(const ServiceReply &reply);
    void onAudited(const ServiceReply &reply);
    void rollback(const RollbackOptions &options);
    void warn(const QString &title, const QString &text);
    void inform(const QString &title, const QString &text);

    QPointer<QWidget> m_window;
    RunPanel *m_panel = nullptr;
    RunController *m_controller = nullptr;
    QString m_projectDir;
    QString m_startDir;
    ProjectSnapshot m_snapshot;
    bool m_loaded = false;
    Purpose m_purpose = Purpose::Confirm;
};

} // namespace tidemark::ui
