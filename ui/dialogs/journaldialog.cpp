#include "dialogs/journaldialog.h"

#include "layoutmemory.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tidemark::ui {

namespace {

enum { EntryRole = Qt::UserRole + 1 };

QString detailsOf(const JournalEntry &e)
{
    QString text = JournalDialog::tr("Batch %1, tool %2, checksum %3\n")
                       .arg(e.batchId, e.toolVersion, e.checksum);
    if (!e.errorText.isEmpty())
        text += JournalDialog::tr("Error: %1\n").arg(e.errorText);
    if (!e.failingStatement.isEmpty())
        text += JournalDialog::tr("Failing statement (line %1):\n%2\n")
                    .arg(e.failingLine)
                    .arg(e.failingStatement);
    return text + u'\n' + e.sqlText;
}

} // namespace

JournalDialog::JournalDialog(const QList<JournalEntry> &entries, const QString &error,
                             QWidget *parent)
    : QDialog(parent)
    , m_model(new QStandardItemModel(0, 8, this))
    , m_proxy(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("journalDialog"));
    setWindowTitle(tr("Journal"));
    m_model->setHorizontalHeaderLabels({tr("Started"), tr("Operation"), tr("File"), tr("Version"),
                                        tr("Outcome"), tr("Duration"), tr("User"), tr("Host")});
    for (const JournalEntry &e : entries) {
        QList<QStandardItem *> row;
        for (const QString &text :
             {e.startedAt.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")),
              e.operation, e.fileName, e.version, e.outcome, tr("%1 ms").arg(e.durationMs),
              e.osUser, e.host}) {
            auto *item = new QStandardItem(text);
            item->setEditable(false);
            row.append(item);
        }
        row.first()->setData(detailsOf(e), EntryRole);
        m_model->appendRow(row);
    }
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    auto *filter = new QLineEdit(this);
    filter->setObjectName(QStringLiteral("journalFilter"));
    filter->setPlaceholderText(tr("Filter by file, version, outcome, user…"));
    filter->setClearButtonEnabled(true);
    filter->setAccessibleName(tr("Filter the journal"));
    connect(filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("journalSplitter"));
    auto *view = new QTableView(splitter);
    view->setObjectName(QStringLiteral("journalView"));
    view->setAccessibleName(tr("Journal entries"));
    view->setTabKeyNavigation(false);
    view->horizontalHeader()->setObjectName(QStringLiteral("journalHeader"));
    view->setModel(m_proxy);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setSortingEnabled(true);
    view->sortByColumn(-1, Qt::AscendingOrder);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setStretchLastSection(true);
    view->resizeColumnsToContents();
    auto *details = new QPlainTextEdit(splitter);
    details->setReadOnly(true);
    details->setAccessibleName(tr("Details of the selected entry"));
    details->setTabChangesFocus(true);
    details->setFont(QFont(QStringLiteral("monospace")));
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this, details](const QModelIndex &current) {
                details->setPlainText(m_proxy->index(current.row(), 0).data(EntryRole).toString());
            });

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    if (!error.isEmpty()) {
        auto *errorLabel = new QLabel(tr("The journal could not be read: %1").arg(error), this);
        errorLabel->setObjectName(QStringLiteral("journalError"));
        errorLabel->setWordWrap(true);
        errorLabel->setTextFormat(Qt::PlainText);
        errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
        errorLabel->setStyleSheet(QStringLiteral("font-weight: bold"));
        layout->addWidget(errorLabel);
    }
    layout->addWidget(filter);
    layout->addWidget(splitter, 1);
    layout->addWidget(buttons);
    resize(900, 560);
    keepLayout(this, QStringLiteral("journalDialog"));
}

} // namespace tidemark::ui
