#include "generationrunner.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace tidemark::ui {

GenerationRunner::GenerationRunner(QObject *parent)
    : QObject(parent)
{}

// A generation still running is told to stop; it ends on its thread, and its result is dropped.
GenerationRunner::~GenerationRunner()
{
    if (m_stopLatest)
        m_stopLatest->store(true);
}

int GenerationRunner::start(const Project &project, const GenerateOptions &options)
{
    const int ticket = ++m_ticket;
    ++m_running;
    if (m_stopLatest)
        m_stopLatest->store(true); // superseded: its result would be dropped anyway
    m_stopLatest = std::make_shared<std::atomic_bool>(false);
    QPointer<GenerationRunner> self(this);
    QThread *worker = QThread::create([self, project, options, ticket, stop = m_stopLatest] {
        GenerateOptions stoppable = options;
        stoppable.source.cancel = stop.get();
        Result<GeneratedMigration> result = generateMigration(project, stoppable);
        // Queued to the GUI thread; dropped when this object is gone by then.
        QMetaObject::invokeMethod(
            qApp,
            [self, ticket, result] {
                if (!self)
                    return;
                --self->m_running;
                Q_EMIT self->finished(ticket, result);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return ticket;
}

} // namespace tidemark::ui
