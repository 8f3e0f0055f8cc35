#pragma once

#include "engine/migrationgenerator.h"

#include <QTreeWidget>

namespace tidemark::ui {

// The detected changes of a generated migration, each with a check box (unticked: left out of
// the migration), an icon for what it is about (table, view, trigger, ...; see changeicons.h)
// and its data-loss warnings below it; then the rename candidates, each with a
// check box (ticked: generate a rename instead of a drop and an add).
class ChangeList : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ChangeList(QWidget *parent = nullptr);

    // All changes ticked. Warnings' changeIndex refers to `changes`.
    void setChanges(const QList<SchemaChange> &changes, const QList<DataLossWarning> &warnings);
    // Candidates shown ticked when their rename text is in `accepted`.
    void setRenameCandidates(const QList<RenameCandidate> &candidates, const QStringList &accepted);

    // Indexes (into the changes given) of the unticked changes.
    QSet<qsizetype> excluded() const;
    // The ticked candidates as GenerateOptions::renames wants them.
    QStringList acceptedRenames() const;

    // An item's change kind as schemaChangeKindName() writes it ("change_view"), in this role.
    static constexpr int kindRole = Qt::UserRole + 2;

    qsizetype changeCount() const;
    QTreeWidgetItem *changeItem(qsizetype index) const;
    qsizetype renameCount() const;
    QTreeWidgetItem *renameItem(qsizetype index) const;

    // "table.old=new" for a column, "old=new" for a table.
    static QString renameText(const RenameCandidate &candidate);

Q_SIGNALS:
    void excludedChanged();
    void renamesChanged();

private:
    QTreeWidgetItem *m_changes;
    QTreeWidgetItem *m_renames;
    bool m_filling = false;
};

} // namespace tidemark::ui
