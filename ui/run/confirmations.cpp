#include "run/confirmations.h"

#include "editor/sqleditor.h"
#include "layoutmemory.h"
#include "migration/statementeffects.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QVBoxLayout>

namespace tidemark::ui {

namespace {

// A short list (file names, what is lost): wrapped, so nothing hides behind a scroll bar.
QPlainTextEdit *readOnlyList(const QString &text, QWidget *parent)
{
    auto *edit = new QPlainTextEdit(text, parent);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    edit->setFont(QFont(QStringLiteral("monospace")));
    return edit;
}

SqlEditor *readOnlySql(const QString &sql, SqlDialect dialect, QWidget *parent)
{
    auto *editor = new SqlEditor(parent, dialect);
    editor->setText(sql);
    editor->setReadOnly(true);
    editor->setObjectName(QStringLiteral("sqlText"));
    return editor;
}

QString objectText(const StatementEffect &effect)
{
    using Kind = StatementEffect::Kind;
    switch (effect.kind) {
    case Kind::DropTable:
        return ConfirmDialog::tr("drops table %1 and its rows").arg(effect.object);
    case Kind::DropView:
        return ConfirmDialog::tr("drops view %1").arg(effect.object);
    case Kind::DropMaterializedView:
        return ConfirmDialog::tr("drops materialized view %1 and its rows").arg(effect.object);
    case Kind::DropColumn:
        return ConfirmDialog::tr("drops column %1 and its values").arg(effect.object);
    case Kind::DropIndex:
        return ConfirmDialog::tr("drops index %1").arg(effect.object);
    case Kind::DropTrigger:
        return ConfirmDialog::tr("drops trigger %1").arg(effect.object);
    case Kind::DropSchema:
        return ConfirmDialog::tr("drops schema %1 and everything in it").arg(effect.object);
    case Kind::DropDatabase:
        return ConfirmDialog::tr("drops database %1 and everything in it").arg(effect.object);
    case Kind::DropSequence:
        return ConfirmDialog::tr("drops sequence %1 and its current value").arg(effect.object);
    case Kind::DropType:
        return ConfirmDialog::tr("drops type %1").arg(effect.object);
    case Kind::DropFunction:
        return ConfirmDialog::tr("drops function %1").arg(effect.object);
    case Kind::DropProcedure:
        return ConfirmDialog::tr("drops procedure %1").arg(effect.object);
    case Kind::DeleteRows:
        return ConfirmDialog::tr("deletes rows from %1").arg(effect.object);
    case Kind::Unrecognised:
        return ConfirmDialog::tr("runs a %1 statement that is not recognised: %2")
            .arg(effect.keyword, effect.object);
    }
    return {};
}

QString effectText(const StatementEffect &effect)
{
    const QString text = objectText(effect);
    return effect.cascade ? ConfirmDialog::tr("%1 and everything that depends on it").arg(text)
                          : text;
}

// What the file's statements destroy, named ("drops table sales and its rows, …"); empty when
// none of them is recognised as destructive.
QString lossesOf(const PlannedFileView &file)
{
    QStringList losses;
    for (const QString &statement : file.statements) {
        for (const StatementEffect &effect : destructiveEffects(statement))
            losses.append(effectText(effect));
    }
    return losses.join(QStringLiteral(", "));
}

QString target(const ProjectSnapshot &snapshot)
{
    return snapshot.displayUrl.isEmpty() ? snapshot.jetbaseDir : snapshot.displayUrl;
}

} // namespace

QString productionName(const ProjectSnapshot &snapshot)
{
    if (!snapshot.production)
        return {};
    return snapshot.databaseName.isEmpty() ? QStringLiteral("production") : snapshot.databaseName;
}

ConfirmDialog::ConfirmDialog(const ConfirmationText &text, QWidget *parent)
    : QDialog(parent)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("confirmDialog"));
    setWindowTitle(text.title);
    auto *layout = new QVBoxLayout(this);
    auto *question = new QLabel(text.question, this);
    question->setWordWrap(true);
    question->setTextFormat(Qt::PlainText);
    layout->addWidget(question);
    if (!text.willRun.isEmpty()) {
        layout->addWidget(new QLabel(tr("Will run, in this order:"), this));
        QPlainTextEdit *list = readOnlyList(text.willRun.join(u'\n'), this);
        list->setObjectName(QStringLiteral("willRunList"));
        list->setAccessibleName(tr("Will run"));
        list->setMaximumHeight(140);
        layout->addWidget(list);
    }
    if (!text.willBeLost.isEmpty()) {
        auto *lostLabel = new QLabel(tr("Will be lost or overwritten:"), this);
        lostLabel->setStyleSheet(QStringLiteral("font-weight: bold"));
        layout->addWidget(lostLabel);
        QPlainTextEdit *lost = readOnlyList(text.willBeLost.join(u'\n'), this);
        lost->setObjectName(QStringLiteral("willBeLostList"));
        lost->setAccessibleName(tr("Will be lost or overwritten"));
        lost->setMaximumHeight(140);
        layout->addWidget(lost);
    }
    if (!text.findings.isEmpty()) {
        auto *checkLabel = new QLabel(
            text.checkErrors > 0
                ? tr("Check found %n error(s); upgrading runs these files anyway:", nullptr,
                     text.checkErrors)
                : tr("Check found:"),
            this);
        if (text.checkErrors > 0)
            checkLabel->setStyleSheet(QStringLiteral("font-weight: bold"));
        layout->addWidget(checkLabel);
        QPlainTextEdit *findings = readOnlyList(text.findings.join(u'\n'), this);
        findings->setObjectName(QStringLiteral("checkFindingsList"));
        findings->setAccessibleName(tr("Check findings"));
        findings->setMaximumHeight(140);
        layout->addWidget(findings);
    }
    if (!text.rehearsal.isEmpty()) {
        auto *rehearsal = new QLabel(text.rehearsal, this);
        rehearsal->setObjectName(QStringLiteral("rehearsalNote"));
        rehearsal->setWordWrap(true);
        rehearsal->setTextFormat(Qt::PlainText);
        layout->addWidget(rehearsal);
    }
    if (!text.sql.isEmpty()) {
        layout->addWidget(new QLabel(tr("The exact SQL:"), this));
        SqlEditor *sql = readOnlySql(text.sql, text.dialect, this);
        sql->setAccessibleName(tr("The exact SQL"));
        layout->addWidget(sql, 1);
    }
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    // Alt and the first letter accept; Enter alone cancels (Cancel is the default button).
    if (!text.acceptText.isEmpty())
        ok->setText(text.acceptText.contains(u'&') ? text.acceptText : u'&' + text.acceptText);
    QPushButton *cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setDefault(true);
    if (!text.requiredName.isEmpty()) {
        auto *prompt = new QLabel(
            tr("This connection is marked production. Type the database name “%1” to go ahead:")
                .arg(text.requiredName),
            this);
        prompt->setWordWrap(true);
        layout->addWidget(prompt);
        m_typedName = new QLineEdit(this);
        m_typedName->setObjectName(QStringLiteral("typedName"));
        prompt->setBuddy(m_typedName);
        layout->addWidget(m_typedName);
        m_typedName->setFocus();
        ok->setEnabled(false);
        // The typed name is the deliberate step: once it matches, Enter goes ahead.
        connect(m_typedName, &QLineEdit::textChanged, this,
                [ok, cancel, name = text.requiredName](const QString &typed) {
                    ok->setEnabled(typed == name);
                    (typed == name ? ok : cancel)->setDefault(true);
                });
    }
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(820, text.sql.isEmpty() ? 360 : 640);
    keepLayout(this, text.sql.isEmpty() ? QStringLiteral("confirmDialog")
                                        : QStringLiteral("confirmSqlDialog"));
}

QString planSql(const QList<PlannedFileView> &plan)
{
    QString text;
    for (const PlannedFileView &file : plan) {
        text += QStringLiteral("-- %1 (%2)\n")
                    .arg(file.fileName, ConfirmDialog::tr("%n statement(s)", nullptr,
                                                          int(file.statements.size())));
        for (const QString &statement : file.statements)
            text += statement + QStringLiteral(";\n");
        text += u'\n';
    }
    return text;
}

namespace {

// True when the rehearsal ran exactly the planned files, as they are now.
bool rehearsedExactly(const RehearsalReport &report, const QList<PlannedFileView> &plan)
{
    QSet<QString> planned, rehearsed;
    for (const PlannedFileView &file : plan)
        planned.insert(file.fileName + u'\n' + file.checksum);
    for (const FileRehearsal &file : report.files)
        rehearsed.insert(file.fileName + u'\n' + file.checksum);
    return planned == rehearsed;
}

} // namespace

ConfirmationText upgradeConfirmation(const ProjectSnapshot &snapshot,
                                     const QList<PlannedFileView> &plan,
                                     const std::optional<RehearsalRecord> &rehearsal)
{
    ConfirmationText text;
    text.title = ConfirmDialog::tr("Upgrade");
    text.question = ConfirmDialog::tr("Apply %n migration(s) to %1?", nullptr, int(plan.size()))
                        .arg(target(snapshot));
    for (const PlannedFileView &file : plan) {
        text.willRun.append(
            file.transactional
                ? file.fileName
                : ConfirmDialog::tr("%1 — without a transaction (transaction=off): statement by "
                                    "statement; a failure leaves it partly applied")
                      .arg(file.fileName));
        if (const QString losses = lossesOf(file); !losses.isEmpty())
            text.willBeLost.append(file.fileName + QStringLiteral(": ") + losses);
        for (const CheckFinding &finding : file.findings) {
            text.findings.append(checkFindingText(finding));
            if (finding.severity == CheckSeverity::Error)
                ++text.checkErrors;
        }
    }
    for (const StatusEntry &entry : snapshot.status.entries) {
        const bool rerun = entry.kind == MigrationKind::RunsOnChange &&
                           text.willRun.contains(entry.fileName) && entry.applied();
        if (rerun)
            text.willBeLost.append(
                ConfirmDialog::tr("%1: runs again; what its last run did is replaced")
                    .arg(entry.fileName));
        else if (entry.state == MigrationState::Changed)
            text.willBeLost.append(
                ConfirmDialog::tr("%1: applied, but the file changed since (checksum differs)")
                    .arg(entry.fileName));
    }
    text.sql = planSql(plan);
    text.dialect = snapshot.dialect;
    text.acceptText = text.checkErrors > 0 ? ConfirmDialog::tr("Upgrade despite %n error(s)",
                                                               nullptr, text.checkErrors)
                                           : ConfirmDialog::tr("Upgrade");
    text.requiredName = productionName(snapshot);
    const bool covered = rehearsal && rehearsedExactly(rehearsal->report, plan);
    const QString at =
        covered ? QLocale().toString(rehearsal->at.time(), QLocale::ShortFormat) : QString();
    if (covered && rehearsal->report.ok()) {
        text.rehearsal = ConfirmDialog::tr("Rehearsed at %1 on a throwaway copy: these files "
                                           "upgraded, rolled back and upgraded again cleanly.")
                             .arg(at);
        text.requiredName.clear();
    } else if (covered) {
        text.rehearsal = ConfirmDialog::tr("The rehearsal at %1 of these files FAILED (see "
                                           "Rehearse).")
                             .arg(at);
    } else if (!text.requiredName.isEmpty()) {
        text.rehearsal = ConfirmDialog::tr("These files were not rehearsed as they are now. "
                                           "Rehearse first, or type the name to go ahead.");
    }
    return text;
}

ConfirmationText rollbackConfirmation(const ProjectSnapshot &snapshot,
                                      const QList<PlannedFileView> &plan)
{
    ConfirmationText text;
    text.title = ConfirmDialog::tr("Roll back");
    text.question =
        ConfirmDialog::tr("Roll back %n migration(s) on %1? Their rollback sections run and "
                          "whatever those drop is lost.",
                          nullptr, int(plan.size()))
            .arg(target(snapshot));
    for (const PlannedFileView &file : plan) {
        text.willRun.append(file.fileName);
        const QString losses = lossesOf(file);
        text.willBeLost.append(
            losses.isEmpty()
                ? ConfirmDialog::tr("%1: undone (its tables, columns and data as its rollback "
                                    "drops)")
                      .arg(file.fileName)
                : file.fileName + QStringLiteral(": ") + losses);
    }
    text.sql = planSql(plan);
    text.dialect = snapshot.dialect;
    text.acceptText = ConfirmDialog::tr("Roll back");
    text.requiredName = productionName(snapshot);
    return text;
}

bool confirm(QWidget *parent, const ConfirmationText &text)
{
    ConfirmDialog dialog(text, parent);
    return dialog.exec() == QDialog::Accepted;
}

void showSql(QWidget *parent, const QString &title, const QString &sql, SqlDialect dialect)
{
    auto *dialog = new QDialog(parent);
    dialog->setObjectName(QStringLiteral("textDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    auto *layout = new QVBoxLayout(dialog);
    SqlEditor *edit = readOnlySql(sql, dialect, dialog);
    edit->setAccessibleName(title);
    layout->addWidget(edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog->resize(960, 680);
    keepLayout(dialog, QStringLiteral("textDialog"));
    dialog->open();
}

} // namespace tidemark::ui
