#include "list/driftbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tidemark::ui {

DriftBanner::DriftBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("driftBanner"));
    setFrameShape(QFrame::StyledPanel);
    setStyleSheet(QStringLiteral("#driftBanner { background: #fff4e0; }"));
    m_text->setObjectName(QStringLiteral("driftText"));
    m_text->setWordWrap(true);
    auto *show = new QPushButton(tr("&Show"), this);
    show->setObjectName(QStringLiteral("driftShowButton"));
    auto *check = new QPushButton(tr("Check &Now"), this);
    check->setObjectName(QStringLiteral("driftCheckButton"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_text, 1);
    layout->addWidget(show);
    layout->addWidget(check);
    connect(show, &QPushButton::clicked, this, &DriftBanner::showRequested);
    connect(check, &QPushButton::clicked, this, &DriftBanner::checkRequested);
    hide();
}

void DriftBanner::showResult(int changes, const QString &checkedAt)
{
    m_text->setText(tr("Drift: %n change(s) made by hand: the database is not what its applied "
                       "migrations make (checked at %1). make-migrations --from-drift or "
                       "--undo-drift settles it.",
                       nullptr, changes)
                        .arg(checkedAt));
    setVisible(changes > 0);
}

} // namespace tidemark::ui
