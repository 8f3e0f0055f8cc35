#include "statusbarwidget.h"

#include <QHBoxLayout>
#include <QLabel>

namespace tidemark::ui {

StatusBarWidget::StatusBarWidget(QWidget *parent)
    : QWidget(parent)
    , m_version(new QLabel(this))
    , m_pending(new QLabel(this))
    , m_lock(new QLabel(this))
    , m_checking(new QLabel(this))
{
    m_version->setObjectName(QStringLiteral("currentVersionLabel"));
    m_pending->setObjectName(QStringLiteral("pendingLabel"));
    m_lock->setObjectName(QStringLiteral("lockLabel"));
    m_checking->setObjectName(QStringLiteral("checkingLabel"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(16);
    layout->addWidget(m_version);
    layout->addWidget(m_pending);
    layout->addWidget(m_lock);
    layout->addWidget(m_checking);
    layout->addStretch(1);
}

void StatusBarWidget::showSnapshot(const ProjectSnapshot &snapshot)
{
    const QString version = snapshot.status.latestVersion;
    m_version->setText(tr("Current version: %1").arg(version.isEmpty() ? tr("none") : version));
    m_pending->setText(tr("%n pending", nullptr, int(snapshot.status.pending.size())));
    if (!snapshot.lockError.isEmpty())
        m_lock->setText(tr("Lock: unknown"));
    else if (snapshot.lock.locked)
        m_lock->setText(snapshot.lock.holderGone
                            ? tr("Locked since %1 by a process that is gone; the next run "
                                 "releases it")
                                  .arg(snapshot.lock.lockedAt.left(19))
                            : tr("Locked since %1").arg(snapshot.lock.lockedAt.left(19)));
    else
        m_lock->setText(tr("Unlocked"));
    m_lock->setToolTip(snapshot.lock.locked && !snapshot.lock.holderUser.isEmpty()
                           ? tr("Held by %1@%2 (%3)")
                                 .arg(snapshot.lock.holderUser, snapshot.lock.holderHost,
                                      snapshot.lock.holderCommand)
                           : QString());
}

void StatusBarWidget::showMessage(const QString &text)
{
    m_version->setText(text);
    m_pending->clear();
    m_lock->clear();
    m_checking->clear();
}

void StatusBarWidget::showChecking(bool checking)
{
    m_checking->setText(checking ? tr("Checking the pending files against the database…")
                                 : QString());
}

} // namespace tidemark::ui
