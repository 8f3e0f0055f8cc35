#include "changeicons.h"

#include <QCoreApplication>
#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace tidemark::ui {

namespace {

using Kind = SchemaChange::Kind;

enum class Subject { Table, Column, Key, Enum, View, Trigger, Routine, Sequence };

Subject subjectOf(const SchemaChange &change)
{
    switch (change.kind) {
    case Kind::AddTable:
    case Kind::DropTable:
    case Kind::ChangeTableComment:
    case Kind::RenameTable:
        return Subject::Table;
    case Kind::AddColumn:
    case Kind::DropColumn:
    case Kind::ChangeColumnType:
    case Kind::ChangeColumnNullability:
    case Kind::ChangeColumnDefault:
    case Kind::ChangeColumnIdentity:
    case Kind::ChangeColumnComment:
    case Kind::ChangeColumnCollation:
    case Kind::ChangeColumnGenerated:
    case Kind::RenameColumn:
        return Subject::Column;
    case Kind::ChangePrimaryKey:
    case Kind::AddIndex:
    case Kind::DropIndex:
    case Kind::AddUniqueConstraint:
    case Kind::DropUniqueConstraint:
    case Kind::AddForeignKey:
    case Kind::DropForeignKey:
    case Kind::AddCheck:
    case Kind::DropCheck:
        return Subject::Key;
    case Kind::AddEnum:
    case Kind::DropEnum:
    case Kind::ChangeEnumValues:
        return Subject::Enum;
    case Kind::AddView:
    case Kind::DropView:
    case Kind::ChangeView:
        return Subject::View;
    case Kind::AddTrigger:
    case Kind::DropTrigger:
    case Kind::ChangeTrigger:
        return Subject::Trigger;
    case Kind::AddRoutine:
    case Kind::DropRoutine:
    case Kind::ChangeRoutine:
        return Subject::Routine;
    case Kind::AddSequence:
    case Kind::DropSequence:
    case Kind::ChangeSequence:
        return Subject::Sequence;
    }
    return Subject::Table;
}

// Two letters fit a 16-pixel badge; they are drawn large and scaled down.
QString letters(Subject subject)
{
    switch (subject) {
    case Subject::Table:
        return QStringLiteral("Tb");
    case Subject::Column:
        return QStringLiteral("Co");
    case Subject::Key:
        return QStringLiteral("Ix");
    case Subject::Enum:
        return QStringLiteral("En");
    case Subject::View:
        return QStringLiteral("Vw");
    case Subject::Trigger:
        return QStringLiteral("Tg");
    case Subject::Routine:
        return QStringLiteral("Fn");
    case Subject::Sequence:
        return QStringLiteral("Sq");
    }
    return {};
}

QColor actionColour(const SchemaChange &change)
{
    const QString name = schemaChangeKindName(change.kind);
    if (name.startsWith(u"add"))
        return QColor(0x2e, 0x7d, 0x32); // green
    if (name.startsWith(u"drop"))
        return QColor(0xc6, 0x28, 0x28); // red
    return QColor(0xb2, 0x6a, 0x00);     // amber: change, rename
}

} // namespace

QString changeSubject(const SchemaChange &change)
{
    switch (subjectOf(change)) {
    case Subject::Table:
        return QCoreApplication::translate("tidemark::ui::ChangeList", "Table");
    case Subject::Column:
        return QCoreApplication::translate("tidemark::ui::ChangeList", "Column");
    case Subject::Key:
        return QCoreApplication::translate("tidemark::ui::ChangeList", "Key or index");
    case Subject::Enum:
        return QCoreApplication::translate("tidemark::ui::ChangeList", "Enum type");
    case Subject::View:
        return QCoreApplication::translate("tidemark::ui::ChangeList", "View");
    case Subject::Trigger:
        return QCoreApplication::translate("tidemark::ui::ChangeList", "Trigger");
    case Subject::Routine:
        return QCoreApplication::translate("tidemark::ui::ChangeList", "Routine");
    case Subject::Sequence:
        return QCoreApplication::translate("tidemark::ui::ChangeList", "Sequence");
    }
    return {};
}

QIcon changeIcon(const SchemaChange &change)
{
    static QHash<QString, QIcon> cache;
    const Subject subject = subjectOf(change);
    const QColor colour = actionColour(change);
    const QString key = letters(subject) + colour.name();
    if (const auto found = cache.constFind(key); found != cache.cend())
        return *found;
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawRoundedRect(QRectF(1, 3, 30, 26), 6, 6);
    QFont font = painter.font();
    font.setPixelSize(17);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(pixmap.rect(), Qt::AlignCenter, letters(subject));
    painter.end();
    const QIcon icon(pixmap);
    cache.insert(key, icon);
    return icon;
}

} // namespace tidemark::ui
