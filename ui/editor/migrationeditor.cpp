#include "editor/migrationeditor.h"

#include "editor/sqleditor.h"

#include "migration/migrationname.h"
#include "migration/migrationtext.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QStackedWidget>
#include <QStringDecoder>
#include <QVBoxLayout>

namespace tidemark::ui {

namespace {

bool endsWithLineBreak(const QString &text)
{
    return text.endsWith(u'\n') || text.endsWith(u'\r');
}

// The line break the file uses, for the ones the editor adds.
QString lineBreakOf(const QString &text)
{
    if (text.contains(QStringLiteral("\r\n")))
        return QStringLiteral("\r\n");
    return text.contains(u'\r') && !text.contains(u'\n') ? QStringLiteral("\r")
                                                         : QStringLiteral("\n");
}

// A caption above an editor, with the editor as its buddy.
QWidget *section(QLabel *caption, SqlEditor *editor, QWidget *parent)
{
    auto *widget = new QWidget(parent);
    auto *layout = new QVBoxLayout(widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    caption->setContentsMargins(4, 2, 4, 0);
    caption->setBuddy(editor);
    layout->addWidget(caption);
    layout->addWidget(editor, 1);
    return widget;
}

} // namespace

MigrationEditor::MigrationEditor(QWidget *parent)
    : QWidget(parent)
    , m_upgrade(new SqlEditor(this))
    , m_rollback(new SqlEditor(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_pages(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_state(new QLabel(this))
    , m_rollbackLabel(new QLabel(this))
    , m_saveButton(new QPushButton(tr("&Save"), this))
{
    m_upgrade->setObjectName(QStringLiteral("upgradeEditor"));
    m_rollback->setObjectName(QStringLiteral("rollbackEditor"));
    m_upgrade->setAccessibleName(tr("Upgrade SQL"));
    m_rollback->setAccessibleName(tr("Rollback SQL"));
    m_splitter->setObjectName(QStringLiteral("sectionSplitter"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setTextFormat(Qt::PlainText);
    m_state->setTextFormat(Qt::PlainText);
    m_rollbackLabel->setTextFormat(Qt::PlainText);
    m_saveButton->setToolTip(tr("Save the migration file (Ctrl+S)"));
    auto *header = new QHBoxLayout;
    header->setContentsMargins(4, 2, 4, 2);
    header->addWidget(m_title, 1);
    header->addWidget(m_state);
    header->addWidget(m_saveButton);

    m_splitter->setChildrenCollapsible(false);
    m_splitter->addWidget(section(new QLabel(tr("&Upgrade"), this), m_upgrade, m_splitter));
    m_splitter->addWidget(section(m_rollbackLabel, m_rollback, m_splitter));
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(header);
    auto *empty = new QLabel(tr("Select a migration in the list to see and edit its SQL."), this);
    empty->setObjectName(QStringLiteral("emptyState"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    empty->setEnabled(false); // the palette's dimmed text: a hint, not content
    m_pages->addWidget(empty);
    m_pages->addWidget(m_splitter);
    layout->addWidget(m_pages, 1);

    auto *saveAction = new QAction(tr("Save"), this);
    saveAction->setShortcut(QKeySequence::Save);
    saveAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(saveAction, &QAction::triggered, this, &MigrationEditor::save);
    addAction(saveAction);
    connect(m_saveButton, &QPushButton::clicked, this, &MigrationEditor::save);
    for (SqlEditor *editor : {m_upgrade, m_rollback}) {
        connect(editor, &QsciScintilla::modificationChanged, this, [this] {
            updateHeader();
            Q_EMIT modificationChanged(isModified());
        });
    }
    connect(m_upgrade, &QsciScintilla::linesChanged, this, &MigrationEditor::renumberRollback);
    clear();
}

bool MigrationEditor::setMigration(const QString &path, bool applied)
{
    m_path = path;
    m_applied = applied;
    m_loadError.clear();
    clearFailure();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        m_loadError = file.errorString();
        setSections({});
        m_upgrade->setWarnings({});
        m_rollback->setWarnings({});
        setEditable(false);
    } else {
        // As parseMigrationText decodes: a byte-order mark stays, so saving writes it back.
        QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::ConvertInitialBom);
        const QByteArray bytes = file.readAll();
        setSections(decoder.decode(bytes));
        setEditable(true);
        showCheckFindings(bytes);
    }
    updateHeader();
    return m_loadError.isEmpty();
}

void MigrationEditor::setSections(const QString &text)
{
    // QScintilla drops a byte-order mark; it is kept here and written back by text().
    m_byteOrderMark = text.startsWith(QChar::ByteOrderMark);
    const MigrationSections sections = cutAtRollbackMarker(m_byteOrderMark ? text.sliced(1) : text);
    m_marker = sections.marker;
    m_upgrade->setText(sections.upgrade);
    m_rollback->setText(sections.rollback);
    for (SqlEditor *editor : {m_upgrade, m_rollback}) {
        editor->setCursorPosition(0, 0);
        editor->setModified(false);
    }
    renumberRollback();
}

void MigrationEditor::setEditable(bool editable)
{
    m_upgrade->setReadOnly(!editable);
    m_rollback->setReadOnly(!editable);
}

void MigrationEditor::clear()
{
    m_path.clear();
    m_applied = false;
    m_loadError.clear();
    clearFailure();
    setSections({});
    m_upgrade->setWarnings({});
    m_rollback->setWarnings({});
    setEditable(false);
    updateHeader();
}

void MigrationEditor::setApplied(bool applied)
{
    m_applied = applied;
    updateHeader();
}

void MigrationEditor::setDialect(SqlDialect dialect)
{
    m_dialect = dialect;
    m_upgrade->setDialect(dialect);
    m_rollback->setDialect(dialect);
    if (!m_path.isEmpty() && m_loadError.isEmpty())
        showCheckFindings(text().toUtf8());
}

void MigrationEditor::setCheckSettings(const CheckSettings &settings)
{
    m_checkSettings = settings;
    if (!m_path.isEmpty() && m_loadError.isEmpty())
        showCheckFindings(text().toUtf8());
}

void MigrationEditor::setCheckContexts(const QHash<QString, CheckContext> &contexts)
{
    m_checkContexts = contexts;
    if (!m_path.isEmpty() && m_loadError.isEmpty())
        showCheckFindings(text().toUtf8());
}

void MigrationEditor::showCheckFindings(const QByteArray &bytes)
{
    // check's findings for the file as saved, each on its line: "warning [rule] message
    // alternative", several on one line joined.
    QMap<int, QStringList> upgrade;
    QMap<int, QStringList> rollback;
    if (const Result<MigrationText> parsed = parseMigrationText(bytes); parsed.ok()) {
        const QString fileName = QFileInfo(m_path).fileName();
        const Result<MigrationName> name = parseMigrationFileName(fileName);
        // An applied file has run: the live database no longer shows what it met.
        std::optional<CheckContext> context;
        if (!m_applied && m_checkContexts.contains(fileName))
            context = m_checkContexts.value(fileName);
        const QList<CheckFinding> findings = checkMigrationText(
            fileName, name ? name->kind : MigrationKind::Versioned, parsed.value(), m_dialect,
            m_checkSettings, context ? &*context : nullptr);
        const int rollbackFirst = parsed->hasRollbackSection() ? parsed->rollbackFirstLine : 0;
        for (const CheckFinding &f : findings) {
            const QString text =
                tr("%1 [%2] %3\n%4")
                    .arg(checkSeverityName(f.severity), f.rule, f.message, f.alternative);
            if (rollbackFirst > 0 && f.line >= rollbackFirst)
                rollback[f.line - rollbackFirst + 1] << text;
            else
                upgrade[qMax(f.line, 1)] << text;
        }
    }
    const auto pairs = [](const QMap<int, QStringList> &byLine) {
        QList<std::pair<int, QString>> result;
        for (auto it = byLine.cbegin(); it != byLine.cend(); ++it)
            result.append({it.key(), it.value().join(u'\n')});
        return result;
    };
    m_upgrade->setWarnings(pairs(upgrade));
    m_rollback->setWarnings(pairs(rollback));
}

bool MigrationEditor::isModified() const
{
    return m_upgrade->isModified() || m_rollback->isModified();
}

// The file line of the rollback editor's first line: after the upgrade section and the marker
// line (which save() puts on a line of its own when the upgrade text does not end with a break).
int MigrationEditor::rollbackFirstLine() const
{
    const QString upgrade = m_upgrade->text();
    const bool ownLine = upgrade.isEmpty() || endsWithLineBreak(upgrade);
    return m_upgrade->lines() + (ownLine ? 1 : 2);
}

void MigrationEditor::renumberRollback()
{
    if (m_path.isEmpty()) {
        m_rollback->setFirstLineNumber(1);
        m_rollbackLabel->setText(tr("&Rollback"));
        return;
    }
    const int first = rollbackFirstLine();
    m_rollback->setFirstLineNumber(first);
    m_rollbackLabel->setText(
        m_marker.isEmpty()
            ? tr("&Rollback (none in this file: text typed here is saved "
                 "after a new \"-- rollback\" line)")
            : tr("&Rollback (after the \"-- rollback\" line, file line %1)").arg(first - 1));
}

QString MigrationEditor::text() const
{
    QString upgrade = m_upgrade->text();
    const QString rollback = m_rollback->text();
    const QString byteOrderMark = m_byteOrderMark ? QString(QChar::ByteOrderMark) : QString();
    if (m_marker.isEmpty() && rollback.isEmpty())
        return byteOrderMark + upgrade;
    const QString lineBreak = lineBreakOf(upgrade + m_marker + rollback);
    QString marker = m_marker.isEmpty() ? QStringLiteral("-- rollback") + lineBreak : m_marker;
    if (!upgrade.isEmpty() && !endsWithLineBreak(upgrade))
        upgrade += lineBreak;
    if (!rollback.isEmpty() && !endsWithLineBreak(marker))
        marker += lineBreak;
    return byteOrderMark + upgrade + marker + rollback;
}

void MigrationEditor::markFailure(int line, const QString &message)
{
    clearFailure();
    const int rollbackFirst = rollbackFirstLine();
    if (line >= rollbackFirst)
        m_rollback->markFailure(line - rollbackFirst + 1, message);
    else
        m_upgrade->markFailure(line, message);
}

void MigrationEditor::clearFailure()
{
    m_upgrade->clearFailure();
    m_rollback->clearFailure();
}

int MigrationEditor::failureLine() const
{
    if (m_rollback->failureLine() > 0)
        return m_rollback->failureLine() + rollbackFirstLine() - 1;
    return m_upgrade->failureLine();
}

bool MigrationEditor::save()
{
    if (m_path.isEmpty() || !m_loadError.isEmpty())
        return false;
    if (!isModified())
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
    const QString text = this->text();
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
        QMessageBox::critical(this, tr("Cannot save"),
                              tr("%1 could not be saved: %2").arg(name, file.errorString()));
        return false;
    }
    const QString byteOrderMark = m_byteOrderMark ? QString(QChar::ByteOrderMark) : QString();
    if (text == byteOrderMark + m_upgrade->text() + m_marker + m_rollback->text()) {
        m_upgrade->setModified(false);
        m_rollback->setModified(false);
    } else {
        // save() added a marker line or a line break: show the sections as the file now is.
        int line = 0, index = 0;
        QsciScintilla *focused = m_rollback->hasFocus() ? m_rollback : m_upgrade;
        focused->getCursorPosition(&line, &index);
        setSections(text);
        focused->setCursorPosition(line, index);
    }
    showCheckFindings(this->text().toUtf8());
    updateHeader();
    Q_EMIT saved(m_path);
    return true;
}

void MigrationEditor::updateHeader()
{
    m_pages->setCurrentIndex(m_path.isEmpty() ? 0 : 1);
    if (m_path.isEmpty()) {
        m_title->setText(tr("No migration selected"));
        m_title->setToolTip({});
        m_state->clear();
        m_saveButton->setEnabled(false);
        return;
    }
    const QString name = QFileInfo(m_path).fileName();
    m_title->setText(isModified() ? tr("%1 (modified)").arg(name) : name);
    m_title->setToolTip(m_path);
    if (!m_loadError.isEmpty())
        m_state->setText(tr("Cannot read: %1").arg(m_loadError));
    else
        m_state->setText(m_applied ? tr("Applied: saving changes its checksum") : tr("Pending"));
    // The directive sits in the leading comment block, which is part of the upgrade section.
    const Result<MigrationText> parsed = parseMigrationText(m_upgrade->text().toUtf8());
    if (m_loadError.isEmpty() && parsed && !parsed->directives.transaction)
        m_state->setText(m_state->text() + tr(" · runs without a transaction (transaction=off)"));
    m_saveButton->setEnabled(m_loadError.isEmpty() && isModified());
}

} // namespace tidemark::ui
