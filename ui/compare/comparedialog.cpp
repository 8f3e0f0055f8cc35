#include "comparedialog.h"

#include "connections/connectionprofiles.h"
#include "connections/profilekeychain.h"
#include "review/reviewdialog.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QThread>
#include <QVBoxLayout>

namespace tidemark::ui {

namespace {

using State = HistoryComparisonRow::State;

QString sideText(const QString &appliedAt, State state)
{
    if (appliedAt.isEmpty())
        return CompareDialog::tr("not applied");
    return state == State::ChecksumDiffers
               ? CompareDialog::tr("applied, other checksum")
               : CompareDialog::tr("applied %1").arg(appliedAt.left(19));
}

QColor stateColour(State state)
{
    switch (state) {
    case State::Same:
        return {};
    case State::OnlyHere:
    case State::OnlyThere:
        return QColor(0xff, 0xf3, 0xc4); // pale amber: one side lacks it
    case State::ChecksumDiffers:
        return QColor(0xfd, 0xd8, 0xd8); // pale red: both ran it, not the same text
    }
    return {};
}

} // namespace

CompareDialog::CompareDialog(const Project &project, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
{
    setWindowTitle(tr("Compare With Another Database"));
    m_target = new QComboBox(this);
    m_target->setAccessibleName(tr("Database to compare with"));
    m_target->addItem(tr("A database URL"), QString());
    for (const ConnectionProfile &profile : ConnectionProfiles::list())
        m_target->addItem(ConnectionProfiles::displayName(profile), profile.id);
    m_url = new QLineEdit(this);
    m_url->setAccessibleName(tr("Database URL"));
    m_url->setPlaceholderText(tr("postgresql://user:password@host/database"));
    m_compare = new QPushButton(tr("&Compare"), this);
    m_compare->setDefault(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Compare &with:"), m_target);
    form->addRow(tr("&URL:"), m_url);

    m_history = new QTableWidget(0, 4, this);
    m_history->setAccessibleName(tr("Migrations applied on each database"));
    m_history->setHorizontalHeaderLabels(
        {tr("Version"), tr("Description"), tr("This project's database"), tr("The other")});
    m_history->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_history->verticalHeader()->hide();
    m_history->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_history->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_summary = new QLabel(tr("Choose a database and press Compare."), this);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_schema = buttons->addButton(tr("&Schema Differences…"), QDialogButtonBox::ActionRole);
    m_schema->setToolTip(tr("Compare the schemas and review the migration that makes this "
                            "project's database like the other one"));
    m_schema->setEnabled(false);
    buttons->addButton(m_compare, QDialogButtonBox::ActionRole);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_history, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(760, 460);

    connect(m_target, &QComboBox::currentIndexChanged, this, &CompareDialog::onTargetChosen);
    connect(m_compare, &QPushButton::clicked, this, &CompareDialog::compare);
    connect(m_schema, &QPushButton::clicked, this, &CompareDialog::reviewSchema);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

QString CompareDialog::summaryText() const
{
    return m_summary->text();
}

void CompareDialog::onTargetChosen(int index)
{
    const QString id = m_target->itemData(index).toString();
    // A profile's URL is shown without its password (which stays in the keychain).
    m_url->setText(id.isEmpty() ? QString() : ConnectionProfiles::find(id).url);
    m_url->setReadOnly(!id.isEmpty());
}

void CompareDialog::compare()
{
    const QString id = m_target->currentData().toString();
    const ConnectionProfile profile = ConnectionProfiles::find(id);
    m_comparedName = id.isEmpty() ? QString() : profile.name;
    if (id.isEmpty() || !profile.hasPassword) {
        start(id.isEmpty() ? m_url->text().trimmed() : profile.url);
        return;
    }
    m_busy = true;
    m_compare->setEnabled(false);
    QPointer<CompareDialog> self(this);
    ProfileKeychain::read(
        profile.id, this, [self, profile](bool ok, const QString &password, const QString &) {
            if (self)
                self->start(ok ? joinUrlPassword(profile.url, password) : profile.url);
        });
}

void CompareDialog::start(const QString &url)
{
    if (url.isEmpty()) {
        m_summary->setText(tr("Type the URL of the database to compare with, or choose a "
                              "connection profile."));
        m_busy = false;
        m_compare->setEnabled(true);
        Q_EMIT compared();
        return;
    }
    m_busy = true;
    m_compare->setEnabled(false);
    m_schema->setEnabled(false);
    m_summary->setText(tr("Reading both histories…"));
    const int ticket = ++m_ticket;
    QPointer<CompareDialog> self(this);
    const Project project = m_project;
    QThread *worker = QThread::create([self, project, url, ticket] {
        Result<HistoryComparison> result = compareHistories(project, url);
        QMetaObject::invokeMethod(
            qApp,
            [self, ticket, url, result] {
                if (!self || ticket != self->m_ticket)
                    return;
                self->m_comparedUrl = result ? url : QString();
                self->showComparison(result);
            },
            Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
}

void CompareDialog::showComparison(const Result<HistoryComparison> &result)
{
    m_busy = false;
    m_compare->setEnabled(true);
    m_history->setRowCount(0);
    if (!result) {
        m_summary->setText(result.error().fullText());
        Q_EMIT compared();
        return;
    }
    const HistoryComparison &comparison = result.value();
    m_history->setRowCount(int(comparison.rows.size()));
    for (int i = 0; i < comparison.rows.size(); ++i) {
        const HistoryComparisonRow &row = comparison.rows.at(i);
        const QStringList cells{row.kind == MigrationKind::Versioned ? row.version
                                                                     : migrationTypeName(row.kind),
                                row.description, sideText(row.appliedAtHere, row.state),
                                sideText(row.appliedAtThere, row.state)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setData(Qt::UserRole, historyStateName(row.state));
            if (const QColor colour = stateColour(row.state); colour.isValid()) {
                item->setBackground(colour);
                item->setForeground(QColor(Qt::black));
            }
            m_history->setItem(i, column, item);
        }
    }
    m_history->resizeColumnToContents(0);
    m_history->resizeColumnToContents(2);
    m_history->resizeColumnToContents(3);
    const qsizetype differing = comparison.differing();
    m_summary->setText((differing == 0 ? tr("Both databases have applied the same migrations.")
                                       : tr("%n migration(s) differ.", nullptr, int(differing))) +
                       u' ' + tr("Other database: %1").arg(comparison.thereUrl));
    m_schema->setEnabled(true);
    Q_EMIT compared();
}

void CompareDialog::reviewSchema()
{
    if (m_comparedUrl.isEmpty())
        return;
    GenerateOptions options;
    options.source.fromUrl = m_comparedUrl;
    // A profile's name in the file name: lower case, anything but letters and digits as '_'.
    QString name = m_comparedName.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("_"));
    options.description =
        QStringLiteral("catch_up") + (name.isEmpty() ? QString() : QString(u"_with_" + name));
    auto *review = new ReviewDialog(m_project, options, this);
    review->setObjectName(QStringLiteral("compareReviewDialog"));
    review->setAttribute(Qt::WA_DeleteOnClose);
    connect(review, &ReviewDialog::saved, this, &CompareDialog::migrationSaved);
    review->open();
}

} // namespace tidemark::ui
