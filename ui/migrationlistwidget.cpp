#include "migrationlistwidget.h"

#include "migrationfilterproxy.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QVBoxLayout>

namespace tidemark::ui {

MigrationListWidget::MigrationListWidget(QWidget *parent)
    : QWidget(parent)
    , m_model(new MigrationTableModel(this))
    , m_proxy(new MigrationFilterProxy(this))
    , m_filter(new QLineEdit(this))
    , m_stateFilter(new QComboBox(this))
    , m_banner(new QLabel(this))
    , m_view(new QTableView(this))
{
    m_proxy->setSourceModel(m_model);
    m_filter->setObjectName(QStringLiteral("migrationFilter"));
    m_filter->setPlaceholderText(tr("Filter by version, description or file…"));
    m_filter->setClearButtonEnabled(true);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->addItem(tr("All states"), -1);
    for (int i = 0; i < int(RowState::Count); ++i)
        m_stateFilter->addItem(rowStateText(RowState(i)), i);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &MigrationFilterProxy::setText);
    connect(m_stateFilter, &QComboBox::currentIndexChanged, this,
            [this](int index) { m_proxy->setState(m_stateFilter->itemData(index).toInt()); });

    m_banner->setObjectName(QStringLiteral("problemBanner"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(8);
    m_banner->hide();

    m_view->setObjectName(QStringLiteral("migrationView"));
    m_view->setModel(m_proxy);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MigrationTableModel::VersionColumn, Qt::AscendingOrder);
    m_view->setWordWrap(false);
    m_view->setAlternatingRowColors(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_view->verticalHeader()->hide();
    // Fixed row heights: no per-row measuring, so 10,000 rows scroll smoothly.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    m_view->horizontalHeader()->setStretchLastSection(true);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MigrationListWidget::selectionChanged);
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        Q_EMIT contextMenuRequested(m_view->viewport()->mapToGlobal(pos));
    });

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_stateFilter);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_banner);
    layout->addWidget(m_view, 1);
}

void MigrationListWidget::setRows(QList<MigrationRow> rows)
{
    const MigrationRow *selected = selectedRow();
    const QString selectedFile = selected ? selected->entry.fileName : QString();
    m_model->setRows(std::move(rows));
    // Columns grow to the text of the first rows (resizeColumnsToContents would measure every
    // row); they never shrink, so a width the user chose stays.
    QHeaderView *header = m_view->horizontalHeader();
    const QFontMetrics metrics = m_view->fontMetrics();
    const int measured = qMin(m_model->rowCount(), 50);
    for (int column = 0; column < MigrationTableModel::ColumnCount - 1; ++column) {
        int width = header->sectionSizeHint(column);
        for (int row = 0; row < measured; ++row)
            width = qMax(width,
                         metrics.horizontalAdvance(m_model->index(row, column).data().toString()) +
                             (column == MigrationTableModel::StateColumn ? 44 : 20));
        if (width > header->sectionSize(column))
            header->resizeSection(column, qMin(width, 420));
    }
    if (!selectedFile.isEmpty())
        selectFile(selectedFile);
}

void MigrationListWidget::showProblem(const QString &text)
{
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

const MigrationRow *MigrationListWidget::selectedRow() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return &m_model->row(m_proxy->mapToSource(rows.first()).row());
}

bool MigrationListWidget::selectFile(const QString &fileName)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (m_model->row(m_proxy->mapToSource(index).row()).entry.fileName == fileName) {
            m_view->selectRow(row);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

void MigrationListWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_model->updatePalette();
    QWidget::changeEvent(event);
}

} // namespace tidemark::ui
