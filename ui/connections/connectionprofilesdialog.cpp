#include "connections/connectionprofilesdialog.h"

#include "connections/connectiontester.h"
#include "connections/profilekeychain.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace tidemark::ui {

ConnectionProfilesDialog::ConnectionProfilesDialog(const QString &baseDir, QWidget *parent)
    : QDialog(parent)
    , m_baseDir(baseDir)
    , m_list(new QListWidget(this))
    , m_name(new QLineEdit(this))
    , m_url(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_production(new QCheckBox(tr("&Production: ask for the database name before changes"), this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_delete(new QPushButton(tr("&Delete"), this))
    , m_save(new QPushButton(tr("&Save"), this))
    , m_test(new QPushButton(tr("&Test Connection"), this))
    , m_result(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionProfilesDialog"));
    setWindowTitle(tr("Connection Profiles"));
    m_list->setObjectName(QStringLiteral("profileList"));
    m_name->setObjectName(QStringLiteral("profileNameEdit"));
    m_url->setObjectName(QStringLiteral("profileUrlEdit"));
    m_url->setPlaceholderText(QStringLiteral("postgresql://user@localhost:5432/app"));
    m_password->setObjectName(QStringLiteral("profilePasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_production->setObjectName(QStringLiteral("profileProductionCheck"));
    m_add->setObjectName(QStringLiteral("addProfileButton"));
    m_delete->setObjectName(QStringLiteral("deleteProfileButton"));
    m_save->setObjectName(QStringLiteral("saveProfileButton"));
    m_test->setObjectName(QStringLiteral("testConnectionButton"));
    m_result->setObjectName(QStringLiteral("profileResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->setTextFormat(Qt::PlainText);

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("Pass&word:"), m_password);
    form->addRow(QString(), m_production);
    auto *formButtons = new QHBoxLayout;
    formButtons->addWidget(m_test);
    formButtons->addStretch(1);
    formButtons->addWidget(m_delete);
    formButtons->addWidget(m_save);
    auto *right = new QVBoxLayout;
    right->addLayout(form);
    right->addLayout(formButtons);
    right->addWidget(m_result, 1);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(m_add);
    auto *columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(760, 380);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_add, &QPushButton::clicked, this, [this] { select({}); });
    connect(m_save, &QPushButton::clicked, this, &ConnectionProfilesDialog::save);
    connect(m_delete, &QPushButton::clicked, this, &ConnectionProfilesDialog::remove);
    connect(m_test, &QPushButton::clicked, this, &ConnectionProfilesDialog::testConnection);
    connect(m_list, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (item)
            showProfile(ConnectionProfiles::find(item->data(Qt::UserRole).toString()));
    });
    fillList({});
}

void ConnectionProfilesDialog::fillList(const QString &selectId)
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    const QList<ConnectionProfile> profiles = ConnectionProfiles::list();
    for (const ConnectionProfile &profile : profiles) {
        auto *item = new QListWidgetItem(ConnectionProfiles::displayName(profile), m_list);
        item->setData(Qt::UserRole, profile.id);
        item->setToolTip(profile.url);
        if (profile.id == selectId)
            m_list->setCurrentItem(item);
    }
    showProfile(ConnectionProfiles::find(selectId));
}

void ConnectionProfilesDialog::select(const QString &id)
{
    fillList(id);
    if (id.isEmpty())
        m_name->setFocus();
}

void ConnectionProfilesDialog::showProfile(const ConnectionProfile &profile)
{
    m_id = profile.id;
    if (m_id.isEmpty())
        m_list->setCurrentItem(nullptr);
    m_name->setText(profile.name);
    m_url->setText(profile.url);
    m_password->clear();
    m_password->setPlaceholderText(m_id.isEmpty()
                                       ? tr("kept in the system keychain")
                                       : tr("unchanged (in the system keychain); type to replace"));
    m_production->setChecked(profile.production);
    m_delete->setEnabled(!m_id.isEmpty());
    m_result->clear();
}

std::optional<SplitUrl> ConnectionProfilesDialog::typedConnection()
{
    Result<SplitUrl> split = splitPassword(m_url->text());
    if (!split) {
        showResult(false, split.error().fullText());
        return std::nullopt;
    }
    SplitUrl typed = split.value();
    const QString field = m_password->text();
    if (!field.isEmpty() && !typed.password.isEmpty() && field != typed.password) {
        showResult(false, tr("The URL and the Password field hold different passwords. Keep "
                             "one of them."));
        return std::nullopt;
    }
    if (!field.isEmpty())
        typed.password = field;
    return typed;
}

void ConnectionProfilesDialog::save()
{
    const QString name = m_name->text().trimmed();
    if (name.isEmpty())
        return showResult(false, tr("Give the profile a name."));
    const std::optional<SplitUrl> typed = typedConnection();
    if (!typed)
        return;
    // A profile kept without a new password keeps whether the keychain holds one.
    ConnectionProfile profile{m_id, name, typed->url, m_production->isChecked(),
                              ConnectionProfiles::find(m_id).hasPassword};
    // The URL without its password goes into the form at once, its password into the
    // password field, where it stays for another try when the keychain fails.
    m_url->setText(typed->url);
    m_password->setText(typed->password);
    const auto saved = [this](ConnectionProfile profile, const QString &text) {
        ConnectionProfiles::save(profile);
        fillList(profile.id);
        showResult(true, text);
        Q_EMIT profilesChanged(profile.id);
    };
    if (typed->password.isEmpty()) {
        // A new profile without a password, or an old one whose stored password (if any)
        // stays: the keychain is not needed.
        return saved(profile, tr("Saved."));
    }
    ConnectionProfiles::assignId(profile); // the keychain entry's key
    profile.hasPassword = true;
    setWorking(true, tr("Saving the password in the system keychain…"));
    ProfileKeychain::write(profile.id, typed->password, this,
                           [this, profile, saved](bool ok, const QString &, const QString &error) {
                               setWorking(false);
                               // Nothing is saved on failure: a profile whose password is lost
                               // would only fail later, far from here.
                               if (!ok)
                                   return showResult(false, tr("Not saved. %1").arg(error));
                               saved(profile, tr("Saved; the password is in the system "
                                                 "keychain."));
                           });
}

void ConnectionProfilesDialog::remove()
{
    if (m_id.isEmpty())
        return;
    const QString id = m_id;
    const auto removed = [this, id] {
        ConnectionProfiles::remove(id);
        fillList({});
        showResult(true, tr("Deleted."));
        Q_EMIT profilesChanged(id);
    };
    if (!ConnectionProfiles::find(id).hasPassword)
        return removed(); // nothing in the keychain
    setWorking(true, tr("Removing the password from the system keychain…"));
    ProfileKeychain::remove(id, this,
                            [this, removed](bool ok, const QString &, const QString &error) {
                                setWorking(false);
                                if (!ok)
                                    return showResult(false, tr("Not deleted. %1").arg(error));
                                removed();
                            });
}

void ConnectionProfilesDialog::testConnection()
{
    const std::optional<SplitUrl> typed = typedConnection();
    if (!typed)
        return;
    const auto run = [this, url = typed->url](const QString &password) {
        setWorking(true, tr("Connecting…"));
        ConnectionTester::test(joinUrlPassword(url, password), m_baseDir, this,
                               [this](bool ok, const QString &text) {
                                   setWorking(false);
                                   showResult(ok, text);
                               });
    };
    if (!typed->password.isEmpty() || !ConnectionProfiles::find(m_id).hasPassword)
        return run(typed->password); // typed, or none to read (also a new profile)
    // A saved profile whose password field is left empty: test with the stored password.
    setWorking(true, tr("Reading the password from the system keychain…"));
    ProfileKeychain::read(m_id, this,
                          [this, run](bool ok, const QString &password, const QString &error) {
                              if (!ok) {
                                  setWorking(false);
                                  return showResult(false, error);
                              }
                              run(password);
                          });
}

void ConnectionProfilesDialog::setWorking(bool working, const QString &text)
{
    for (QWidget *widget : {static_cast<QWidget *>(m_list), static_cast<QWidget *>(m_add),
                            static_cast<QWidget *>(m_save), static_cast<QWidget *>(m_test)})
        widget->setEnabled(!working);
    m_delete->setEnabled(!working && !m_id.isEmpty());
    if (working)
        m_result->setText(text);
    m_result->setProperty("working", working);
}

void ConnectionProfilesDialog::showResult(bool ok, const QString &text)
{
    m_result->setText(ok ? text : tr("Failed: %1").arg(text));
    m_result->setProperty("ok", ok);
    m_result->setStyleSheet(ok ? QString() : QStringLiteral("color: #b00020;"));
}

} // namespace tidemark::ui
