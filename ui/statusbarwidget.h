#pragma once

#include "run/servicetypes.h"

#include <QWidget>

class QLabel;

namespace tidemark::ui {

// The status bar's permanent part: current version, number pending, lock state, and while
// the pending files are checked against the database after a load, a note saying so.
class StatusBarWidget : public QWidget
{
    Q_OBJECT
public:
    explicit StatusBarWidget(QWidget *parent = nullptr);
    void showSnapshot(const ProjectSnapshot &snapshot);
    void showMessage(const QString &text);
    // The note shown while the pending files' check contexts load (the actions wait meanwhile).
    void showChecking(bool checking);

private:
    QLabel *m_version = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_lock = nullptr;
    QLabel *m_checking = nullptr;
};

} // namespace tidemark::ui
