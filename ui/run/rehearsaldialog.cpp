#include "run/rehearsaldialog.h"

#include "layoutmemory.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace tidemark::ui {

namespace {

QString stepText(FileRehearsal::Step step)
{
    switch (step) {
    case FileRehearsal::Step::Upgrade:
        return RehearsalDialog::tr("upgrade");
    case FileRehearsal::Step::Rollback:
        return RehearsalDialog::tr("rollback");
    case FileRehearsal::Step::UpgradeAgain:
        return RehearsalDialog::tr("upgrade again");
    }
    return {};
}

} // namespace

QString RehearsalDialog::resultText(const FileRehearsal &file)
{
    using Outcome = FileRehearsal::Outcome;
    switch (file.outcome) {
    case Outcome::Passed:
        return tr("passed");
    case Outcome::Failed:
        return tr("FAILED in %1").arg(stepText(file.step));
    case Outcome::Differs:
        return tr("FAILED: schema differs after %1").arg(stepText(file.step));
    case Outcome::NoRollback:
        return tr("FAILED: no rollback section");
    case Outcome::NotReached:
        return tr("not rehearsed");
    }
    return {};
}

QString RehearsalDialog::detailText(const FileRehearsal &file)
{
    using Outcome = FileRehearsal::Outcome;
    switch (file.outcome) {
    case Outcome::Passed:
        return file.versioned ? tr("upgrade, rollback to the schema before it, upgrade again to "
                                   "the same schema")
                              : tr("upgraded (a repeatable file has no rollback)");
    case Outcome::Failed:
        return file.error;
    case Outcome::Differs:
        return (file.step == FileRehearsal::Step::Rollback
                    ? tr("Not the schema from before the file. As changes from it to the one "
                         "found:")
                    : tr("Not the schema its first upgrade left. As changes from it to the one "
                         "found:")) +
               u'\n' + file.differences.join(u'\n');
    case Outcome::NoRollback:
        return tr("Add a -- rollback section that undoes the upgrade.");
    case Outcome::NotReached:
        return tr("An earlier step failed.");
    }
    return {};
}

RehearsalDialog::RehearsalDialog(const RehearsalReport &report, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("rehearsalDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowModality(Qt::WindowModal);
    setWindowTitle(report.ok() ? tr("Rehearsal passed") : tr("Rehearsal failed"));
    auto *layout = new QVBoxLayout(this);
    auto *summary = new QLabel(
        (report.cancelled ? tr("Stopped by the user.")
         : report.ok()    ? tr("Every pending file passed: upgraded, rolled back to the schema "
                                  "before it and upgraded again to the same schema.")
                          : tr("The rehearsal found a problem; the database itself was only "
                                  "read.")) +
            u'\n' + tr("Rehearsed on %1.").arg(report.base),
        this);
    summary->setObjectName(QStringLiteral("rehearsalSummary"));
    summary->setWordWrap(true);
    summary->setTextFormat(Qt::PlainText);
    layout->addWidget(summary);
    auto *list = new QTreeWidget(this);
    list->setObjectName(QStringLiteral("rehearsalResults"));
    list->setAccessibleName(tr("Rehearsal results"));
    list->setHeaderLabels({tr("File"), tr("Result"), tr("Details")});
    list->setRootIsDecorated(false);
    list->setWordWrap(true);
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    list->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (const FileRehearsal &file : report.files) {
        auto *item = new QTreeWidgetItem(list, {file.fileName, resultText(file), detailText(file)});
        item->setToolTip(2, detailText(file));
        if (!file.passed() && file.outcome != FileRehearsal::Outcome::NotReached) {
            QFont bold = item->font(1);
            bold.setBold(true);
            item->setFont(1, bold);
        }
    }
    layout->addWidget(list, 1);
    if (!report.droppedNote.isEmpty()) {
        auto *dropped = new QLabel(report.droppedNote, this);
        dropped->setWordWrap(true);
        layout->addWidget(dropped);
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    resize(900, 420);
    keepLayout(this, QStringLiteral("rehearsalDialog"));
}

} // namespace tidemark::ui
