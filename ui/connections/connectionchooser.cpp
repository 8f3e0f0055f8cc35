#include "connections/connectionchooser.h"

#include "connections/connectionprofiles.h"
#include "connections/connectionprofilesdialog.h"
#include "connections/profilekeychain.h"
#include "run/operations.h"

#include "project/projectlocator.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace tidemark::ui {

ConnectionChooser::ConnectionChooser(QMainWindow *window, Operations *operations, QMenu *menu)
    : QObject(window)
    , m_window(window)
    , m_operations(operations)
    , m_combo(new QComboBox(window))
    , m_label(new QLabel(window))
    , m_editAction(new QAction(tr("Connection &Profiles…"), this))
{
    m_combo->setObjectName(QStringLiteral("connectionCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setToolTip(tr("The connection of this project: its own URL or a saved profile"));
    m_label->setObjectName(QStringLiteral("connectionLabel"));
    m_label->setTextFormat(Qt::PlainText);
    m_editAction->setObjectName(QStringLiteral("connectionProfilesAction"));
    window->addToolBarBreak();
    QToolBar *toolbar = window->addToolBar(tr("Connection"));
    toolbar->setObjectName(QStringLiteral("connectionToolBar"));
    toolbar->toggleViewAction()->setText(tr("&Connection Toolbar"));
    auto *caption = new QLabel(tr("&Connection:"), toolbar);
    caption->setBuddy(m_combo);
    caption->setContentsMargins(4, 0, 4, 0);
    toolbar->addWidget(caption);
    toolbar->addWidget(m_combo);
    menu->addSeparator();
    menu->addAction(m_editAction);
    if (auto *view = window->menuBar()->findChild<QMenu *>(QStringLiteral("viewMenu")))
        view->addAction(toolbar->toggleViewAction());
    window->statusBar()->addPermanentWidget(m_label);
    fillCombo();

    connect(m_combo, &QComboBox::activated, this, &ConnectionChooser::onChosen);
    connect(m_editAction, &QAction::triggered, this, &ConnectionChooser::editProfiles);
    connect(operations, &Operations::projectChanged, this, &ConnectionChooser::onProjectChanged);
    connect(operations, &Operations::loaded, this, &ConnectionChooser::onLoaded);
    connect(operations, &Operations::loadFailed, m_label, &QLabel::clear);
    // Not during a run: a profile saved or deleted then would reload the window, and the
    // reload would be refused as busy.
    connect(operations, &Operations::busyChanged, this, [this](bool busy) {
        m_combo->setEnabled(!busy);
        m_editAction->setEnabled(!busy);
    });
}

QString ConnectionChooser::currentProfileId() const
{
    return m_combo->currentData().toString();
}

void ConnectionChooser::fillCombo()
{
    const QSignalBlocker blocker(m_combo);
    m_combo->clear();
    m_combo->addItem(tr("Project's URL"), QString());
    const QList<ConnectionProfile> profiles = ConnectionProfiles::list();
    for (const ConnectionProfile &profile : profiles) {
        m_combo->addItem(ConnectionProfiles::displayName(profile), profile.id);
        m_combo->setItemData(m_combo->count() - 1, profile.url, Qt::ToolTipRole);
    }
    m_combo->setCurrentIndex(std::max(0, m_combo->findData(m_appliedId)));
}

void ConnectionChooser::onProjectChanged(const QString &projectDir, const QString &startDir)
{
    // Only the file system: finds the jetbase folder before the first load so the remembered
    // profile applies to it (a project without a URL of its own loads at all).
    Result<ProjectLocation> location = locateProject(projectDir, startDir);
    m_jetbaseDir = location ? location->jetbaseDir : QString();
    const QString id =
        m_jetbaseDir.isEmpty() ? QString() : ConnectionProfiles::chosenFor(m_jetbaseDir);
    apply(id, false);
    fillCombo();
}

void ConnectionChooser::onLoaded(const ProjectSnapshot &snapshot)
{
    m_jetbaseDir = snapshot.jetbaseDir;
    const ConnectionProfile profile = ConnectionProfiles::find(m_appliedId);
    QString text = profile.id.isEmpty()
                       ? tr("Project's URL: %1").arg(snapshot.displayUrl)
                       : tr("Profile %1: %2").arg(profile.name, snapshot.displayUrl);
    if (snapshot.production)
        text += u' ' + tr("(production)");
    m_label->setText(text);
    m_combo->setToolTip(snapshot.displayUrl);
}

void ConnectionChooser::onChosen(int index)
{
    const QString id = m_combo->itemData(index).toString();
    if (!m_jetbaseDir.isEmpty())
        ConnectionProfiles::setChosenFor(m_jetbaseDir, id);
    apply(id, true);
}

void ConnectionChooser::onProfilesChanged(const QString &id)
{
    const bool current = !m_appliedId.isEmpty() && id == m_appliedId;
    if (current && ConnectionProfiles::find(id).id.isEmpty())
        m_appliedId.clear(); // deleted: back to the project's own URL
    fillCombo();
    if (current)
        apply(m_appliedId, true);
}

void ConnectionChooser::apply(const QString &id, bool reload)
{
    const int generation = ++m_generation;
    const ConnectionProfile profile = ConnectionProfiles::find(id);
    m_appliedId = profile.id;
    if (profile.id.isEmpty() || !profile.hasPassword) {
        // The project's own URL, or a profile without a password: no keychain to wait for.
        m_operations->setConnection(profile.url, profile.production);
        if (reload)
            Q_EMIT connectionChanged();
        return;
    }
    m_operations->holdConnection();
    ProfileKeychain::read(
        profile.id, this,
        [this, generation, profile, reload](bool ok, const QString &password,
                                            const QString &error) {
            if (generation != m_generation)
                return; // another choice came later
            if (!ok)
                warn(tr("The password of the profile %1 could not be read; connecting without "
                        "it.\n\n%2")
                         .arg(profile.name, error));
            m_operations->setConnection(joinUrlPassword(profile.url, password), profile.production);
            if (reload)
                Q_EMIT connectionChanged();
        });
}

void ConnectionChooser::editProfiles()
{
    auto *dialog = new ConnectionProfilesDialog(m_jetbaseDir, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionProfilesDialog::profilesChanged, this,
            &ConnectionChooser::onProfilesChanged);
    dialog->select(m_appliedId);
    dialog->open();
}

void ConnectionChooser::warn(const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Connection Profiles"), text,
                                QMessageBox::Ok, m_window);
    box->setObjectName(QStringLiteral("keychainMessage"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace tidemark::ui
