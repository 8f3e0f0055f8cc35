#include "review/driftdialog.h"

#include "layoutmemory.h"
#include "review/schemadiffview.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace tidemark::ui {

DriftDialog::DriftDialog(const DriftReport &report, SqlDialect dialect, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("driftDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(tr("Drift"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Left: the schema the %n applied migration file(s) make (replayed into %1). Right: "
           "the live database. Changed by hand:",
           nullptr, report.replayedFiles)
            .arg(report.base),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    QStringList lines;
    for (const SchemaChange &change : report.diff.changes)
        lines.append(change.summary());
    auto *changes = new QPlainTextEdit(lines.join(u'\n'), this);
    changes->setObjectName(QStringLiteral("driftChanges"));
    changes->setReadOnly(true);
    changes->setMaximumHeight(110);
    layout->addWidget(changes);
    auto *view = new SchemaDiffView(this);
    view->setObjectName(QStringLiteral("driftSchemaView"));
    view->setDialect(dialect);
    view->setTitles(tr("What the applied migrations make"), tr("The live database"));
    view->setTexts(describeSchema(report.replayed), describeSchema(report.live));
    layout->addWidget(view, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(1100, 700);
    keepLayout(this, QStringLiteral("driftDialog"));
}

} // namespace tidemark::ui
