#pragma once

#include "connections/connectionprofiles.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace tidemark::ui {

// Connection Profiles: the saved profiles on the left; name, URL, password (kept in the system
// keychain), the production mark, Save, Delete and Test Connection on the right. A password
// typed into the URL is moved to the keychain; the settings file never holds one.
class ConnectionProfilesDialog : public QDialog
{
    Q_OBJECT
public:
    // baseDir: where Test Connection resolves a relative SQLite path (the project's jetbase).
    explicit ConnectionProfilesDialog(const QString &baseDir, QWidget *parent = nullptr);

    // Shows the profile in the form (empty id: a new one).
    void select(const QString &id);

Q_SIGNALS:
    // A profile was saved or deleted (id: which one).
    void profilesChanged(const QString &id);

private:
    void fillList(const QString &selectId);
    void showProfile(const ConnectionProfile &profile);
    void save();
    void remove();
    void testConnection();
    // The typed URL split, with the password of the field (or the URL's); nullopt after an
    // error was shown.
    std::optional<SplitUrl> typedConnection();
    void setWorking(bool working, const QString &text = {});
    void showResult(bool ok, const QString &text);

    QString m_baseDir;
    QString m_id; // the profile in the form; empty: a new one
    QListWidget *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_url = nullptr;
    QLineEdit *m_password = nullptr;
    QCheckBox *m_production = nullptr;
    QPushButton *m_add = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_test = nullptr;
    QLabel *m_result = nullptr;
};

} // namespace tidemark::ui
