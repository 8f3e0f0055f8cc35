#include "reviewdialog.h"

#include "changelist.h"
#include "editor/sqleditor.h"
#include "generationrunner.h"
#include "layoutmemory.h"
#include "schema/schemaedit.h"
#include "schemadiffview.h"

#include <QDialogButtonBox>

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace tidemark::ui {

ReviewDialog::ReviewDialog(const Project &project, const GenerateOptions &options, QWidget *parent)
    : QDialog(parent)
    , m_project(project)
    , m_options(options)
    , m_runner(new GenerationRunner(this))
    , m_changeList(new ChangeList(this))
    , m_tabs(new QTabWidget(this))
    , m_upgrade(new SqlEditor(this))
    , m_rollback(new SqlEditor(this))
    , m_schemaView(new SchemaDiffView(this))
    , m_source(new QLabel(this))
    , m_status(new QLabel(this))
    , m_description(new QLineEdit(options.description, this))
    , m_saveButton(new QPushButton(tr("&Save as Migration"), this))
{
    setWindowTitle(tr("Review Generated Migration"));
    m_options.excluded.clear();
    if (Result<ConnectionSpec> spec = project.connectionSpec()) {
        for (SqlEditor *editor : {m_upgrade, m_rollback})
            editor->setDialect(spec->dialect);
        m_schemaView->setDialect(spec->dialect);
    }
    m_upgrade->setReadOnly(true);
    m_rollback->setReadOnly(true);
    m_upgrade->setAccessibleName(tr("Upgrade SQL"));
    m_rollback->setAccessibleName(tr("Rollback SQL"));
    m_tabs->addTab(m_upgrade, tr("&Upgrade SQL"));
    m_tabs->addTab(m_rollback, tr("&Rollback SQL"));
    m_tabs->addTab(m_schemaView, tr("Schema &Before and After"));
    m_source->setWordWrap(true);
    m_source->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // The change list under a label whose mnemonic (Alt+C) reaches it.
    auto *changesPane = new QWidget(this);
    auto *changesLabel = new QLabel(tr("&Changes to include:"), changesPane);
    changesLabel->setBuddy(m_changeList);
    auto *changesLayout = new QVBoxLayout(changesPane);
    changesLayout->setContentsMargins(0, 0, 0, 0);
    changesLayout->addWidget(changesLabel);
    changesLayout->addWidget(m_changeList, 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("reviewSplitter"));
    splitter->addWidget(changesPane);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({480, 720});

    auto *form = new QFormLayout;
    form->addRow(tr("&Description:"), m_description);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_saveButton, QDialogButtonBox::ActionRole);
    // Enter saves once the SQL is current; Enter in the description regenerates first, which
    // disables the button until the new SQL is shown.
    m_saveButton->setDefault(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_source);
    layout->addWidget(splitter, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_saveButton, &QPushButton::clicked, this, &ReviewDialog::saveAsMigration);
    connect(m_runner, &GenerationRunner::finished, this, &ReviewDialog::onFinished);
    connect(m_changeList, &ChangeList::excludedChanged, this, [this] { startGeneration(false); });
    connect(m_changeList, &ChangeList::renamesChanged, this, [this] { startGeneration(true); });
    connect(m_description, &QLineEdit::editingFinished, this, [this] {
        if (m_description->text() != m_options.description)
            startGeneration(false);
    });
    // Keyboard order: the changes, the SQL tabs, the description, the buttons.
    setTabOrder(m_changeList, m_tabs);
    setTabOrder(m_tabs, m_description);
    setTabOrder(m_description, m_saveButton);
    resize(1240, 760);
    keepLayout(this, QStringLiteral("reviewDialog"));
    startGeneration(true);
}

ReviewDialog::~ReviewDialog() = default;

QList<SchemaChange> ReviewDialog::changes() const
{
    return m_full ? m_full->report.diff.changes : QList<SchemaChange>();
}

void ReviewDialog::startGeneration(bool full)
{
    m_options.description = m_description->text();
    if (m_candidatesShown)
        m_options.renames = m_changeList->acceptedRenames() + m_fixedRenames;
    GenerateOptions options = m_options;
    options.excluded = full ? QSet<qsizetype>() : m_changeList->excluded();
    m_fullPending = full;
    m_waiting = true;
    // Disabling drops the focus; it comes back when the list is enabled again.
    m_listHadFocus = m_listHadFocus || (full && m_changeList->hasFocus());
    m_changeList->setEnabled(!full);
    m_status->setText(full ? tr("Comparing the schemas…") : tr("Generating the SQL…"));
    updateButtons();
    m_runner->start(m_project, options);
}

void ReviewDialog::onFinished(int ticket, const Result<GeneratedMigration> &result)
{
    if (ticket != m_runner->latestTicket())
        return; // superseded
    m_waiting = false;
    m_changeList->setEnabled(true);
    // The first result takes the focus to the list (unless the user is typing the
    // description); later the focus stays where the user put it.
    const bool firstResult = m_fullPending && !m_candidatesShown;
    if (m_listHadFocus || (firstResult && focusWidget() != m_description))
        m_changeList->setFocus(Qt::OtherFocusReason);
    m_listHadFocus = false;
    if (!result) {
        m_error = result.error().fullText();
        m_current.reset();
        if (m_fullPending)
            m_full.reset();
        m_status->setText(tr("Cannot generate the migration: %1").arg(m_error));
        m_upgrade->clear();
        m_rollback->clear();
        updateButtons();
        Q_EMIT generationFinished();
        return;
    }
    m_error.clear();
    if (m_fullPending) {
        m_full = result.value();
        m_changeList->setChanges(m_full->report.diff.changes, m_full->warnings);
        if (!m_candidatesShown) {
            // Listed once, from the first comparison: an accepted rename is no candidate after.
            const QList<RenameCandidate> &candidates = m_full->report.diff.renameCandidates;
            m_changeList->setRenameCandidates(candidates, m_options.renames);
            // The caller's renames applied already are no candidates: they stay as they are.
            for (const QString &rename : std::as_const(m_options.renames)) {
                if (std::none_of(candidates.cbegin(), candidates.cend(),
                                 [&rename](const RenameCandidate &c) {
                                     return ChangeList::renameText(c) == rename;
                                 }))
                    m_fixedRenames.append(rename);
            }
            m_candidatesShown = true;
        }
    }
    m_current = result.value();
    showCurrent();
    Q_EMIT generationFinished();
}

void ReviewDialog::showCurrent()
{
    // As the file will have them: each statement followed by a semicolon and a blank line.
    auto section = [](const QStringList &statements) {
        QString text;
        for (const QString &statement : statements)
            text += statement + QStringLiteral(";\n\n");
        return text;
    };
    m_upgrade->setText(section(m_current->sql.upgrade));
    m_rollback->setText(section(m_current->sql.rollback));
    const DiffReport &report = m_full->report;
    QString source = tr("Desired schema: %1").arg(report.source);
    if (!report.notes.isEmpty())
        source += u'\n' + report.notes.join(u'\n');
    if (!m_current->sql.notes.isEmpty())
        source += u'\n' + m_current->sql.notes.join(u'\n');
    m_source->setText(source);

    const QSet<qsizetype> excluded = m_changeList->excluded();
    QList<SchemaChange> ticked;
    for (qsizetype i = 0; i < report.diff.changes.size(); ++i) {
        if (!excluded.contains(i))
            ticked.append(report.diff.changes.at(i));
    }
    m_schemaView->setTexts(describeSchema(report.current),
                           describeSchema(applyChanges(report.current, ticked)));
    if (report.diff.changes.isEmpty())
        m_status->setText(tr("The database already matches the desired schema."));
    else if (m_current->isEmpty())
        m_status->setText(tr("Every change is unticked: nothing to save."));
    else
        m_status->setText(tr("%1 of %2 changes ticked; the file will be %3")
                              .arg(ticked.size())
                              .arg(report.diff.changes.size())
                              .arg(m_current->fileName));
    updateButtons();
}

void ReviewDialog::updateButtons()
{
    m_saveButton->setEnabled(!m_waiting && m_current && !m_current->isEmpty());
}

bool ReviewDialog::saveAsMigration()
{
    if (m_waiting || !m_current || m_current->isEmpty())
        return false;
    Result<QString> path = saveGeneratedMigration(m_project, *m_current);
    if (!path) {
        m_error = path.error().fullText();
        m_status->setText(tr("Cannot save the migration: %1").arg(m_error));
        return false;
    }
    m_savedPath = path.value();
    Q_EMIT saved(m_savedPath);
    accept();
    return true;
}

} // namespace tidemark::ui
