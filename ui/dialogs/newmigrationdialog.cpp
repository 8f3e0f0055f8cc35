#include "dialogs/newmigrationdialog.h"

#include "engine/project.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace tidemark::ui {

NewMigrationDialog::NewMigrationDialog(ProjectLocation project, QWidget *parent)
    : QDialog(parent)
    , m_project(std::move(project))
    , m_description(new QLineEdit(this))
    , m_version(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("newMigrationDialog"));
    setWindowTitle(tr("New Migration"));
    m_description->setObjectName(QStringLiteral("descriptionEdit"));
    m_description->setPlaceholderText(tr("e.g. create users table"));
    m_version->setObjectName(QStringLiteral("versionEdit"));
    m_version->setText(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd.HHmmss")));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setForegroundRole(QPalette::LinkVisited);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_description, &QLineEdit::textChanged, this, [buttons](const QString &text) {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &NewMigrationDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QFormLayout(this);
    layout->addRow(tr("&Description:"), m_description);
    layout->addRow(tr("&Version:"), m_version);
    layout->addRow(m_error);
    layout->addRow(buttons);
    resize(480, sizeHint().height());
}

void NewMigrationDialog::accept()
{
    Result<QString> path = createMigrationFile(m_project, m_description->text().trimmed(),
                                               m_version->text().trimmed());
    if (!path) {
        m_error->setText(path.error().fullText());
        return;
    }
    m_created = path.value();
    QDialog::accept();
}

} // namespace tidemark::ui
