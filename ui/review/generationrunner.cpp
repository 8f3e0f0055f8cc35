#include "generationrunner.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThread>

namespace tidemark::ui {

GenerationRunner::GenerationRunner(QObject *parent)
    : QObject(parent)
{}

// A generation still running goes on to its end on its thread (core calls cannot be stopped);
// its result is dropped.
GenerationRunner::~GenerationRunner() = default;

int GenerationRunner::start(const Project &project, const GenerateOptions &options)
{
    const int ticket = ++m_ticket;
    ++m_running;
    QPointer<GenerationRunner> self(this);
    QThread *worker = QThread::create([self, project, options, ticket] {
        Result<GeneratedMigration> result = generateMigration(project, options);
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
