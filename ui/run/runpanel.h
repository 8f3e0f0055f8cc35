#pragma once

#include "engine/runevents.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace tidemark::ui {

// Progress of a run (file n of m, the statement running), its Stop button and a log with times.
class RunPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RunPanel(QWidget *parent = nullptr);

    void startRun(const QString &title, int fileCount);
    void handleEvent(const RunEvent &event);
    void finishRun(const QString &summary);
    void log(const QString &text);
    QString logText() const;
    QPushButton *stopButton() const { return m_stop; }
    QPlainTextEdit *logView() const { return m_log; }

Q_SIGNALS:
    void stopRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Shows the statement on one line, elided to the panel's width; the whole in the tooltip.
    void showStatement(const QString &text);

    QLabel *m_file = nullptr;
    QLabel *m_statement = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_stop = nullptr;
    QPlainTextEdit *m_log = nullptr;
    QString m_statementText;
};

} // namespace tidemark::ui
