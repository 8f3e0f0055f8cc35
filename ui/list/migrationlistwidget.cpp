#include "list/migrationlistwidget.h"

#include "layoutmemory.h"
#include "list/migrationfilterproxy.h"

#include <QComboBox>
#include <QContextMenuEvent>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
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
    m_filter->setAccessibleName(tr("Filter migrations"));
    m_filter->installEventFilter(this);
    m_stateFilter->setObjectName(QStringLiteral("stateFilter"));
    m_stateFilter->setAccessibleName(tr("Show migrations in state"));
    rememberChoice(m_stateFilter);
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
    m_view->setAccessibleName(tr("Migrations"));
    m_view->horizontalHeader()->setObjectName(QStringLiteral("migrationHeader"));
    m_view->setModel(m_proxy);
    // Tab leaves the list (for the editor); the arrows move between rows.
    m_view->setTabKeyNavigation(false);
    m_view->installEventFilter(this);
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
    connect(m_view, &QAbstractItemView::activated, this, &MigrationListWidget::rowActivated);

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
    if (!m_columnsFitted && m_model->rowCount() > 0) {
        m_columnsFitted = true;
        if (!wasRestored(m_view->horizontalHeader())) // remembered widths are the user's
            fitColumns();
    }
    if (!selectedFile.isEmpty())
        selectFile(selectedFile);
}

void MigrationListWidget::fitColumns()
{
    // Columns grow to the text of the first rows (resizeColumnsToContents would measure every
    // row), once: after that a width the user chose stays.
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

bool MigrationListWidget::selectFirstPending()
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (isPendingState(m_model->row(m_proxy->mapToSource(index).row()).state)) {
            m_view->selectRow(row);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

bool MigrationListWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view && event->type() == QEvent::ContextMenu &&
        static_cast<QContextMenuEvent *>(event)->reason() == QContextMenuEvent::Keyboard) {
        showMenuAtCurrentRow(); // where the platform turns a key into a menu request
        return true;
    }
    if (watched == m_view && event->type() == QEvent::FocusIn &&
        static_cast<QFocusEvent *>(event)->reason() != Qt::MouseFocusReason &&
        !m_view->selectionModel()->hasSelection() && m_proxy->rowCount() > 0) {
        // Arriving by keyboard, the arrows start from a selected row, not from nothing.
        const QModelIndex current = m_view->currentIndex();
        m_view->selectRow(current.isValid() ? current.row() : 0);
    }
    const bool override = event->type() == QEvent::ShortcutOverride;
    if (!override && event->type() != QEvent::KeyPress)
        return QWidget::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    if (watched == m_filter)
        return filterKey(key, override);
    // Qt makes no menu request of these keys on every platform (offscreen, X11's Shift+F10).
    const bool menuKey = key->key() == Qt::Key_Menu ||
                         (key->key() == Qt::Key_F10 && key->modifiers() == Qt::ShiftModifier);
    if (watched == m_view && menuKey && !override) {
        showMenuAtCurrentRow();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

bool MigrationListWidget::filterKey(QKeyEvent *event, bool override)
{
    switch (event->key()) {
    case Qt::Key_Escape:
        // An empty filter leaves Escape to the window (Stop during a run).
        if (m_filter->text().isEmpty())
            return false;
        if (override) {
            event->accept(); // the key press comes here, not to the Stop shortcut
            return true;
        }
        m_filter->clear();
        return true;
    case Qt::Key_Down:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (override || m_proxy->rowCount() == 0)
            return false;
        m_view->setFocus(Qt::ShortcutFocusReason); // selects the first row when none is
        return true;
    default:
        return false;
    }
}

void MigrationListWidget::showMenuAtCurrentRow()
{
    const QModelIndex current = m_view->currentIndex();
    const QRect row = current.isValid() ? m_view->visualRect(current) : QRect();
    const QPoint pos =
        row.isValid() ? QPoint(m_view->viewport()->width() / 4, row.bottom()) : QPoint(0, 0);
    Q_EMIT contextMenuRequested(m_view->viewport()->mapToGlobal(pos));
}

void MigrationListWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        m_model->updatePalette();
    QWidget::changeEvent(event);
}

} // namespace tidemark::ui
