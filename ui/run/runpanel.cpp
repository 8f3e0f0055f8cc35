#include "run/runpanel.h"

#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QResizeEvent>
#include <QTime>

namespace tidemark::ui {

RunPanel::RunPanel(QWidget *parent)
    : QWidget(parent)
    , m_file(new QLabel(this))
    , m_statement(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_stop(new QPushButton(tr("Stop"), this))
    , m_log(new QPlainTextEdit(this))
{
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_stop->setEnabled(false);
    m_stop->setToolTip(tr("Cancel the running statement on the server; the current file is "
                          "rolled back"));
    m_progress->setObjectName(QStringLiteral("runProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m files"));
    m_progress->setTextVisible(false);
    m_file->setObjectName(QStringLiteral("fileLabel"));
    m_file->setText(tr("No run yet: Upgrade (Ctrl+U) or Roll Back (Ctrl+R) starts one."));
    m_statement->setObjectName(QStringLiteral("statementLabel"));
    m_statement->setTextFormat(Qt::PlainText);
    m_statement->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_log->setObjectName(QStringLiteral("runLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFont(QStringLiteral("monospace")));
    m_log->setAccessibleName(tr("Run log"));
    m_log->setTabChangesFocus(true); // read-only: Tab moves on
    m_progress->setAccessibleName(tr("Run progress"));
    auto *layout = new QGridLayout(this);
    layout->addWidget(m_file, 0, 0);
    layout->addWidget(m_progress, 0, 1);
    layout->addWidget(m_stop, 0, 2);
    layout->addWidget(m_statement, 1, 0, 1, 3);
    layout->addWidget(m_log, 2, 0, 1, 3);
    layout->setColumnStretch(1, 1);
    connect(m_stop, &QPushButton::clicked, this, [this]() {
        m_stop->setEnabled(false);
        Q_EMIT stopRequested();
    });
}

void RunPanel::log(const QString &text)
{
    m_log->appendPlainText(QTime::currentTime().toString(QStringLiteral("HH:mm:ss.zzz")) +
                           QStringLiteral("  ") + text);
}

QString RunPanel::logText() const
{
    return m_log->toPlainText();
}

void RunPanel::startRun(const QString &title, int fileCount)
{
    m_progress->setRange(0, qMax(1, fileCount));
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_file->setText(title);
    showStatement({});
    m_stop->setEnabled(true);
    log(title);
}

void RunPanel::handleEvent(const RunEvent &event)
{
    switch (event.type) {
    case RunEvent::Type::FileStarted:
        m_progress->setRange(0, qMax(1, event.fileCount));
        m_progress->setValue(event.fileIndex);
        m_file->setText(tr("File %1 of %2: %3")
                            .arg(event.fileIndex + 1)
                            .arg(event.fileCount)
                            .arg(event.fileName));
        log(event.transactional
                ? tr("Started %1").arg(event.fileName)
                : tr("Started %1 without a transaction (transaction=off): statement by statement")
                      .arg(event.fileName));
        break;
    case RunEvent::Type::StatementStarted:
        showStatement(tr("Statement %1 of %2 (line %3): %4")
                          .arg(event.statementIndex + 1)
                          .arg(event.statementCount)
                          .arg(event.line)
                          .arg(event.statement.simplified().left(2000)));
        break;
    case RunEvent::Type::FileSucceeded:
        m_progress->setValue(event.fileIndex + 1);
        log(tr("Finished %1 in %2 ms").arg(event.fileName).arg(event.elapsedMs));
        break;
    case RunEvent::Type::FileFailed:
        log(tr("Failed %1 after %2 ms").arg(event.fileName).arg(event.elapsedMs));
        if (event.statementsInEffect > 0)
            log(tr("%1 is partly applied: %n statement(s) took effect and stay.", nullptr,
                   event.statementsInEffect)
                    .arg(event.fileName));
        break;
    case RunEvent::Type::FileCancelled:
        if (event.statementsInEffect > 0)
            log(tr("Stopped %1 after %2 ms; %n statement(s) had already taken effect and stay: "
                   "it is partly applied.",
                   nullptr, event.statementsInEffect)
                    .arg(event.fileName)
                    .arg(event.elapsedMs));
        else
            log(tr("Stopped %1 after %2 ms; its changes were rolled back")
                    .arg(event.fileName)
                    .arg(event.elapsedMs));
        break;
    }
}

void RunPanel::showStatement(const QString &text)
{
    m_statementText = text;
    m_statement->setToolTip(text);
    m_statement->setText(
        m_statement->fontMetrics().elidedText(text, Qt::ElideRight, m_statement->width()));
}

void RunPanel::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    showStatement(m_statementText); // the label has its new width by now
}

void RunPanel::finishRun(const QString &summary)
{
    m_stop->setEnabled(false);
    m_progress->setTextVisible(false); // its count belongs to the run that just ended
    showStatement({});
    m_file->setText(summary);
    log(summary);
}

} // namespace tidemark::ui
