#include "changelist.h"

#include "changeicons.h"

#include <QHeaderView>
#include <QStyle>

namespace tidemark::ui {

namespace {

constexpr int indexRole = Qt::UserRole;
constexpr int renameRole = Qt::UserRole + 1;

} // namespace

ChangeList::ChangeList(QWidget *parent)
    : QTreeWidget(parent)
    , m_changes(new QTreeWidgetItem(this, {tr("Changes")}))
    , m_renames(new QTreeWidgetItem(this, {tr("Possible renames")}))
{
    setAccessibleName(tr("Changes to include"));
    setHeaderHidden(true);
    setRootIsDecorated(true);
    setUniformRowHeights(false);
    setWordWrap(true);
    for (QTreeWidgetItem *group : {m_changes, m_renames}) {
        group->setFlags(Qt::ItemIsEnabled);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setExpanded(true);
    }
    m_renames->setHidden(true);
    connect(this, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int) {
        if (m_filling)
            return;
        if (item->parent() == m_changes)
            Q_EMIT excludedChanged();
        else if (item->parent() == m_renames)
            Q_EMIT renamesChanged();
    });
}

void ChangeList::setChanges(const QList<SchemaChange> &changes,
                            const QList<DataLossWarning> &warnings)
{
    m_filling = true;
    qDeleteAll(m_changes->takeChildren());
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (qsizetype i = 0; i < changes.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_changes, {changes.at(i).summary()});
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(0, Qt::Checked);
        item->setData(0, indexRole, QVariant::fromValue(i));
        item->setData(0, kindRole, schemaChangeKindName(changes.at(i).kind));
        item->setIcon(0, changeIcon(changes.at(i)));
        item->setToolTip(0,
                         tr("%1: %2").arg(changeSubject(changes.at(i)), changes.at(i).summary()));
        QStringList messages;
        for (const DataLossWarning &warning : warnings) {
            if (warning.changeIndex != i)
                continue;
            messages.append(warning.message);
            auto *child = new QTreeWidgetItem(item, {warning.message});
            child->setIcon(0, warningIcon);
            child->setFlags(Qt::ItemIsEnabled);
            child->setToolTip(0, tr("Data loss: %1").arg(warning.message));
        }
        if (!messages.isEmpty()) {
            item->setIcon(0, warningIcon); // the data loss matters more than the kind
            item->setToolTip(
                0, tr("%1\nData loss: %2").arg(changes.at(i).summary(), messages.join(u'\n')));
            item->setExpanded(true);
        }
    }
    m_changes->setText(0, tr("Changes (%1)").arg(changes.size()));
    // The keyboard starts on the first change: Space ticks it, the arrows move on.
    if (m_changes->childCount() > 0)
        setCurrentItem(m_changes->child(0));
    m_filling = false;
}

void ChangeList::setRenameCandidates(const QList<RenameCandidate> &candidates,
                                     const QStringList &accepted)
{
    m_filling = true;
    qDeleteAll(m_renames->takeChildren());
    for (const RenameCandidate &candidate : candidates) {
        const QString text = renameText(candidate);
        auto *item = new QTreeWidgetItem(m_renames, {candidate.summary()});
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        item->setCheckState(0, accepted.contains(text) ? Qt::Checked : Qt::Unchecked);
        item->setData(0, renameRole, text);
        item->setToolTip(0, tr("Ticked: rename instead of dropping and adding (%1)").arg(text));
    }
    m_renames->setHidden(candidates.isEmpty());
    m_filling = false;
}

QSet<qsizetype> ChangeList::excluded() const
{
    QSet<qsizetype> result;
    for (int i = 0; i < m_changes->childCount(); ++i) {
        const QTreeWidgetItem *item = m_changes->child(i);
        if (item->checkState(0) != Qt::Checked)
            result.insert(item->data(0, indexRole).value<qsizetype>());
    }
    return result;
}

QStringList ChangeList::acceptedRenames() const
{
    QStringList result;
    for (int i = 0; i < m_renames->childCount(); ++i) {
        const QTreeWidgetItem *item = m_renames->child(i);
        if (item->checkState(0) == Qt::Checked)
            result.append(item->data(0, renameRole).toString());
    }
    return result;
}

qsizetype ChangeList::changeCount() const
{
    return m_changes->childCount();
}

QTreeWidgetItem *ChangeList::changeItem(qsizetype index) const
{
    return m_changes->child(int(index));
}

qsizetype ChangeList::renameCount() const
{
    return m_renames->childCount();
}

QTreeWidgetItem *ChangeList::renameItem(qsizetype index) const
{
    return m_renames->child(int(index));
}

QString ChangeList::renameText(const RenameCandidate &candidate)
{
    if (candidate.isTable())
        return candidate.oldName + u'=' + candidate.newName;
    return candidate.table + u'.' + candidate.oldName + u'=' + candidate.newName;
}

} // namespace tidemark::ui
