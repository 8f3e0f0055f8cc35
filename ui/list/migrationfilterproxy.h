#pragma once

#include <QSortFilterProxyModel>

namespace tidemark::ui {

// Filters the migration list by text (version, description, file name) and by state.
class MigrationFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit MigrationFilterProxy(QObject *parent = nullptr);

    void setText(const QString &text);
    // -1: every state; else an int(RowState).
    void setState(int state);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    int m_state = -1;
};

} // namespace tidemark::ui
