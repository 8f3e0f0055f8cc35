#pragma once

#include "run/servicetypes.h"

#include <QWidget>

class QLabel;

namespace tidemark::ui {

// The status bar's permanent part: current version, number pending, lock state.
class StatusBarWidget : public QWidget
{
    Q_OBJECT
public:
    explicit StatusBarWidget(QWidget *parent = nullptr);
    void showSnapshot(const ProjectSnapshot &snapshot);
    void showMessage(const QString &text);

private:
    QLabel *m_version = nullptr;
    QLabel *m_pending = nullptr;
    QLabel *m_lock = nullptr;
};

} // namespace tidemark::ui
