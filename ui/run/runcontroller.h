#pragma once

#include "run/servicetypes.h"

#include <QObject>

#include <atomic>

class QThread;

namespace tidemark::ui {

class ServiceWorker;

// Owns the worker thread. submit() queues one request at a time; the answer comes back through
// replied() on the window's thread, and a Load's check contexts just after it through
// checkContextsLoaded() (the Load is busy until then). stop() sets the cancel flag the runner
// checks between statements. Never waits for the worker (except when destroyed, after asking
// it to stop).
class RunController : public QObject
{
    Q_OBJECT
public:
    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    bool isBusy() const { return m_busy; }
    // False (and nothing happens) while a request is running.
    bool submit(const ServiceRequest &request);
    void stop();

Q_SIGNALS:
    void replied(const tidemark::ui::ServiceReply &reply);
    void runEvent(const tidemark::RunEvent &event);
    void progressNote(const QString &line);
    void checkContextsLoaded(const tidemark::ui::CheckContexts &contexts);
    void busyChanged(bool busy);
    void requested(const tidemark::ui::ServiceRequest &request); // to the worker

private:
    void onReplied(const ServiceReply &reply);
    void onCheckContextsLoaded(const CheckContexts &contexts);

    std::atomic_bool m_cancel{false};
    QThread *m_thread = nullptr;
    ServiceWorker *m_worker = nullptr; // deleted on its thread when it finishes
    bool m_busy = false;
};

} // namespace tidemark::ui
