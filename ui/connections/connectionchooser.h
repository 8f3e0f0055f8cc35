#pragma once

#include "run/servicetypes.h"

#include <QObject>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QMainWindow;
class QMenu;
class QWidget;

namespace tidemark::ui {

class Operations;

// Which connection the window's project uses: the project's own URL or a saved profile. A
// "Connection" combo in a toolbar of its own (a row of its own: the main toolbar's overflow
// must not hide it), Database › Connection Profiles… for the editor, and a
// status bar label with the URL (password hidden). The choice is remembered per project; the
// chosen profile's password is read from the keychain and its URL handed to Operations, which
// holds the window's requests until then.
class ConnectionChooser : public QObject
{
    Q_OBJECT
public:
    ConnectionChooser(QMainWindow *window, Operations *operations, QMenu *menu);

    QComboBox *combo() const { return m_combo; }
    QAction *editAction() const { return m_editAction; }
    QString currentProfileId() const;

Q_SIGNALS:
    // The user chose another connection (or the chosen profile changed): reload the project.
    void connectionChanged();

private:
    void fillCombo();
    void onProjectChanged(const QString &projectDir, const QString &startDir);
    void onLoaded(const ProjectSnapshot &snapshot);
    void onChosen(int index);
    void onProfilesChanged(const QString &id);
    // Hands the profile's connection to Operations (empty id: the project's own URL), then
    // emits connectionChanged when reload is set.
    void apply(const QString &id, bool reload);
    void editProfiles();
    void warn(const QString &text);

    QPointer<QWidget> m_window;
    Operations *m_operations = nullptr;
    QComboBox *m_combo = nullptr;
    QLabel *m_label = nullptr;
    QAction *m_editAction = nullptr;
    QString m_jetbaseDir; // the open project's, once known
    QString m_appliedId;  // the profile whose connection Operations has
    int m_generation = 0; // drops a keychain answer that a later choice overtook
};

} // namespace tidemark::ui
