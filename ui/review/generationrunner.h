#pragma once

#include "engine/migrationgenerator.h"

#include <QObject>

#include <atomic>
#include <memory>

namespace tidemark::ui {

// Runs generateMigration() on a worker thread of its own (core opens its own connections there)
// and hands the result back on the thread of this object. Every start() returns a ticket; the
// finished() of an older ticket can be ignored by comparing with latestTicket(). A newer
// start() and closing the review (the destructor) stop the generation still running: its
// statement in the scratch space is cancelled and the scratch space dropped at once, instead of
// after loading a schema nobody waits for.
class GenerationRunner : public QObject
{
    Q_OBJECT
public:
    explicit GenerationRunner(QObject *parent = nullptr);
    ~GenerationRunner() override;

    int start(const Project &project, const GenerateOptions &options);
    int latestTicket() const { return m_ticket; }
    bool isRunning() const { return m_running > 0; }

Q_SIGNALS:
    void finished(int ticket, const tidemark::Result<tidemark::GeneratedMigration> &result);

private:
    int m_ticket = 0;
    int m_running = 0;
    std::shared_ptr<std::atomic_bool> m_stopLatest; // shared with the latest generation's thread
};

} // namespace tidemark::ui
