#pragma once

#include <QMainWindow>

class QLabel;
class QTableView;

namespace tidemark::ui {

class MigrationListModel;

// A plain main window: the project's migrations and their state, loaded on a worker thread.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(QString projectDir, QString startDir, QWidget *parent = nullptr);

public Q_SLOTS:
    void refresh();

private:
    QString m_projectDir;
    QString m_startDir;
    MigrationListModel *m_model = nullptr;
    QTableView *m_view = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace tidemark::ui
