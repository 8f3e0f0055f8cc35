#pragma once

#include "run/servicetypes.h"

#include <QObject>

#include <atomic>

namespace tidemark::ui {

// Lives on the worker thread and calls MigrationService there: every call opens and closes its
// own connection on this thread. Answers and progress go back as queued signals with values.
class ServiceWorker : public QObject
{
    Q_OBJECT
public:
    explicit ServiceWorker(const std::atomic_bool *cancel, QObject *parent = nullptr);

public Q_SLOTS:
    void perform(const tidemark::ui::ServiceRequest &request);

Q_SIGNALS:
    void replied(const tidemark::ui::ServiceReply &reply);
    void runEvent(const tidemark::RunEvent &event);
    void progressNote(const QString &line); // a rehearsal's steps, as they happen
    // After a Load reply with checkContextsFollow: the pending files' check contexts.
    void checkContextsLoaded(const tidemark::ui::CheckContexts &contexts);

private:
    // What a load keeps for the check contexts: the files it listed and its open connection.
    struct LoadedFiles
    {
        std::shared_ptr<const MigrationSet> files;
        std::shared_ptr<Connection> connection;
    };
    static LoadedFiles load(MigrationService &service, ServiceReply &reply);
    static CheckContexts checkContextsOf(const Project &project, const LoadedFiles &loaded,
                                         const ProjectSnapshot &snapshot);
    void run(MigrationService &service, ServiceReply &reply, bool dryRun);
    void audit(MigrationService &service, ServiceReply &reply);
    void rehearseOn(MigrationService &service, ServiceReply &reply);

    const std::atomic_bool *m_cancel = nullptr;
};

} // namespace tidemark::ui
