#include "run/runcontroller.h"

#include "run/serviceworker.h"

#include <QThread>

namespace tidemark::ui {

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_worker(new ServiceWorker(&m_cancel))
{
    qRegisterMetaType<ServiceRequest>();
    qRegisterMetaType<ServiceReply>();
    qRegisterMetaType<RunEvent>();
    qRegisterMetaType<CheckContexts>();
    m_thread->setObjectName(QStringLiteral("tidemark-worker"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(this, &RunController::requested, m_worker, &ServiceWorker::perform,
            Qt::QueuedConnection);
    connect(m_worker, &ServiceWorker::replied, this, &RunController::onReplied,
            Qt::QueuedConnection);
    connect(m_worker, &ServiceWorker::checkContextsLoaded, this,
            &RunController::onCheckContextsLoaded, Qt::QueuedConnection);
    connect(m_worker, &ServiceWorker::runEvent, this, &RunController::runEvent,
            Qt::QueuedConnection);
    connect(m_worker, &ServiceWorker::progressNote, this, &RunController::progressNote,
            Qt::QueuedConnection);
    m_thread->start();
}

RunController::~RunController()
{
    m_cancel.store(true);
    m_thread->quit();
    m_thread->wait();
}

bool RunController::submit(const ServiceRequest &request)
{
    if (m_busy)
        return false;
    m_cancel.store(false);
    m_busy = true;
    Q_EMIT busyChanged(true);
    Q_EMIT requested(request);
    return true;
}

void RunController::stop()
{
    m_cancel.store(true);
}

void RunController::onReplied(const ServiceReply &reply)
{
    if (!reply.checkContextsFollow) {
        m_busy = false;
        Q_EMIT busyChanged(false);
    }
    Q_EMIT replied(reply);
}

void RunController::onCheckContextsLoaded(const CheckContexts &contexts)
{
    Q_EMIT checkContextsLoaded(contexts);
    m_busy = false;
    Q_EMIT busyChanged(false);
}

} // namespace tidemark::ui
