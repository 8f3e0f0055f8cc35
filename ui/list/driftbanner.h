#pragma once

#include <QFrame>

class QLabel;

namespace tidemark::ui {

// Above the migration list after a drift check found changes made by hand: what was found and
// when, "Show" (the history's schema beside the live one) and "Check Now". Hidden otherwise.
class DriftBanner : public QFrame
{
    Q_OBJECT
public:
    explicit DriftBanner(QWidget *parent = nullptr);
    // changes: how many differences the check found; 0 hides the banner.
    void showResult(int changes, const QString &checkedAt);

Q_SIGNALS:
    void showRequested();
    void checkRequested();

private:
    QLabel *m_text = nullptr;
};

} // namespace tidemark::ui
