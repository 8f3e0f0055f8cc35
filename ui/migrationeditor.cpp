#include "migrationeditor.h"

#include "sqleditor.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace tidemark::ui {

MigrationEditor::MigrationEditor(QWidget *parent)
    : QWidget(parent)
    , m_editor(new SqlEditor(this))
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_saveButton(new QPushButton(tr("&Save"), this))
{
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setTextFormat(Qt::PlainText);
    m_state->setTextFormat(Qt::PlainText);
    m_saveButton->setToolTip(tr("Save the migration file (Ctrl+S)"));
    m_editor->setAccessibleName(tr("SQL of the selected migration"));
    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 4, 2);
    header->addWidget(m_title, 1);
    header->addWidget(m_state);
    header->addWidget(m_saveButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    layout->addWidget(m_editor, 1);

    auto *saveAction = new QAction(tr("Save"), this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &MigrationEditor::save);
    addAction(saveAction);
    connect(m_saveButton, &QPushButton::clicked, this, &MigrationEditor::save);
    connect(m_editor, &QsciScintilla::modificationChanged, this, [this](bool modified) {
        updateHeader();
        Q_EMIT modificationChanged(modified);
    });
    clear();
}

bool MigrationEditor::setMigration(const QString &path, bool applied)
{
    m_path = path;
    m_applied = applied;
    m_loadError.clear();
    m_editor->clearFailure();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError = file.errorString();
        m_editor->clear();
        m_editor->setReadOnly(true);
    } else {
        m_editor->setReadOnly(false);
        m_editor->setText(QString::fromUtf8(file.readAll()));
        m_editor->setCursorPosition(0, 0);
    }
    m_editor->setModified(false);
    updateHeader();
    return m_loadError.isEmpty();
}

void MigrationEditor::clear()
{
    m_path.clear();
    m_applied = false;
    m_loadError.clear();
    m_editor->clearFailure();
    m_editor->clear();
    m_editor->setModified(false);
    m_editor->setReadOnly(true);
    updateHeader();
}

void MigrationEditor::setApplied(bool applied)
{
    m_applied = applied;
    updateHeader();
}

void MigrationEditor::setDialect(SqlDialect dialect)
{
    m_editor->setDialect(dialect);
}

bool MigrationEditor::isModified() const
{
    return m_editor->isModified();
}

void MigrationEditor::markFailure(int line, const QString &message)
{
    m_editor->markFailure(line, message);
}

void MigrationEditor::clearFailure()
{
    m_editor->clearFailure();
}

bool MigrationEditor::save()
{
    if (m_path.isEmpty() || !m_loadError.isEmpty())
        return false;
    if (!m_editor->isModified())
        return true; // nothing to write
    const QString name = QFileInfo(m_path).fileName();
    if (m_applied) {
        const auto answer = QMessageBox::warning(
            this, tr("Save an applied migration?"),
            tr("%1 has already been applied. If you save it, its checksum will change and "
               "validate will report it.\n\nSave anyway?")
                .arg(name),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return false;
    }
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_editor->text().toUtf8()) < 0 ||
        !file.commit()) {
        QMessageBox::critical(this, tr("Cannot save"),
                              tr("%1 could not be saved: %2").arg(name, file.errorString()));
        return false;
    }
    m_editor->setModified(false);
    updateHeader();
    Q_EMIT saved(m_path);
    return true;
}

void MigrationEditor::updateHeader()
{
    if (m_path.isEmpty()) {
        m_title->setText(tr("No migration selected"));
        m_state->clear();
        m_saveButton->setEnabled(false);
        return;
    }
    const QString name = QFileInfo(m_path).fileName();
    m_title->setText(m_editor->isModified() ? tr("%1 (modified)").arg(name) : name);
    m_title->setToolTip(m_path);
    if (!m_loadError.isEmpty())
        m_state->setText(tr("Cannot read: %1").arg(m_loadError));
    else
        m_state->setText(m_applied ? tr("Applied: saving changes its checksum") : tr("Pending"));
    m_saveButton->setEnabled(m_loadError.isEmpty() && m_editor->isModified());
}

} // namespace tidemark::ui
