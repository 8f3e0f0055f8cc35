#include "mainwindow.h"

#include "aboutdialog.h"
#include "engine/migrationservice.h"
#include "migrationlistmodel.h"

#include <QApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QPointer>
#include <QStatusBar>
#include <QTableView>
#include <QThread>
#include <QToolBar>

namespace tidemark::ui {

MainWindow::MainWindow(QString projectDir, QString startDir, QWidget *parent)
    : QMainWindow(parent)
    , m_projectDir(std::move(projectDir))
    , m_startDir(std::move(startDir))
    , m_model(new MigrationListModel(this))
    , m_view(new QTableView(this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Tidemark"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setAlternatingRowColors(true);
    setCentralWidget(m_view);
    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    QAction *refreshAction = toolbar->addAction(tr("Refresh"), this, &MainWindow::refresh);
    refreshAction->setShortcut(QKeySequence::Refresh);
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->setObjectName(QStringLiteral("helpMenu"));
    helpMenu->addAction(tr("&About Tidemark"), this, [this] {
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
    statusBar()->addWidget(m_status, 1);
    resize(900, 560);
    refresh();
}

void MainWindow::refresh()
{
    m_status->setText(tr("Loading…"));
    ProjectOptions options;
    options.projectDir = m_projectDir;
    options.startDir = m_startDir;
    QPointer<MainWindow> self(this);
    // QtSql connections live on the thread that uses them: the worker opens and closes its own.
    QThread *worker = QThread::create([self, options]() {
        Result<Project> project = Project::open(options);
        Result<StatusReport> report = project ? MigrationService(project.value()).status()
                                              : Result<StatusReport>(project.error());
        QString title = project ? project->location().jetbaseDir : QString();
        QMetaObject::invokeMethod(
            qApp,
            [self, report, title]() {
                if (!self)
                    return;
                if (!report) {
                    self->m_model->setEntries({});
                    self->m_status->setText(report.error().fullText());
                    return;
                }
                self->m_model->setEntries(report->entries);
                self->m_view->resizeColumnsToContents();
                self->setWindowTitle(tr("Tidemark — %1 — %2").arg(title, report->displayUrl));
                self->m_status->setText(
                    tr("Current version: %1 · %2 pending")
                        .arg(report->latestVersion.isEmpty() ? tr("none") : report->latestVersion)
                        .arg(report->pending.size()));
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

} // namespace tidemark::ui
