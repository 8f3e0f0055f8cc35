#include "layoutmemory.h"

#include <QComboBox>
#include <QDialog>
#include <QEvent>
#include <QHeaderView>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>
#include <QTableView>

namespace tidemark::ui {

namespace {

constexpr char rememberProperty[] = "tidemarkRememberChoice";
constexpr char restoredProperty[] = "tidemarkLayoutRestored";

QString key(const QString &group, const QObject *child)
{
    return group + u'/' + child->objectName();
}

// The named children of the top level itself, not of the dialogs it parents.
template <typename T> QList<T *> namedChildren(QWidget *topLevel)
{
    QList<T *> result;
    const auto children = topLevel->findChildren<T *>();
    for (T *child : children) {
        if (!child->objectName().isEmpty() && child->window() == topLevel)
            result.append(child);
    }
    return result;
}

// Saves the dialog's layout when it is hidden; lives as the dialog's child.
class LayoutKeeper : public QObject
{
public:
    LayoutKeeper(QDialog *dialog, QString group)
        : QObject(dialog)
        , m_group(std::move(group))
    {
        dialog->installEventFilter(this);
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Hide && watched == parent())
            saveLayout(static_cast<QWidget *>(watched), m_group);
        return false;
    }

private:
    QString m_group;
};

} // namespace

void restoreLayout(QWidget *topLevel, const QString &group)
{
    QSettings settings;
    if (auto *window = qobject_cast<QMainWindow *>(topLevel)) {
        window->restoreGeometry(settings.value(group + u"/geometry").toByteArray());
        window->restoreState(settings.value(group + u"/state").toByteArray());
    } else {
        const QSize size = settings.value(group + u"/size").toSize();
        if (size.isValid())
            topLevel->resize(size);
    }
    const auto splitters = namedChildren<QSplitter>(topLevel);
    for (QSplitter *splitter : splitters)
        splitter->restoreState(settings.value(key(group, splitter)).toByteArray());
    const auto headers = namedChildren<QHeaderView>(topLevel);
    for (QHeaderView *header : headers) {
        if (!header->restoreState(settings.value(key(group, header)).toByteArray()))
            continue;
        header->setProperty(restoredProperty, true);
        // restoreState() brings the sort indicator back but does not sort the view: sort it, so
        // that the rows are in the order the indicator shows.
        auto *view = qobject_cast<QTableView *>(header->parentWidget());
        if (view && view->isSortingEnabled() && header->orientation() == Qt::Horizontal)
            view->sortByColumn(header->sortIndicatorSection(), header->sortIndicatorOrder());
    }
    const auto combos = namedChildren<QComboBox>(topLevel);
    for (QComboBox *combo : combos) {
        if (!combo->property(rememberProperty).toBool())
            continue;
        const QVariant data = settings.value(key(group, combo));
        const int index = data.isValid() ? combo->findData(data) : -1;
        if (index >= 0)
            combo->setCurrentIndex(index);
    }
}

void saveLayout(QWidget *topLevel, const QString &group)
{
    QSettings settings;
    if (auto *window = qobject_cast<QMainWindow *>(topLevel)) {
        settings.setValue(group + u"/geometry", window->saveGeometry());
        settings.setValue(group + u"/state", window->saveState());
    } else {
        settings.setValue(group + u"/size", topLevel->size());
    }
    const auto splitters = namedChildren<QSplitter>(topLevel);
    for (QSplitter *splitter : splitters)
        settings.setValue(key(group, splitter), splitter->saveState());
    const auto headers = namedChildren<QHeaderView>(topLevel);
    for (QHeaderView *header : headers)
        settings.setValue(key(group, header), header->saveState());
    const auto combos = namedChildren<QComboBox>(topLevel);
    for (QComboBox *combo : combos) {
        if (combo->property(rememberProperty).toBool())
            settings.setValue(key(group, combo), combo->currentData());
    }
}

void keepLayout(QDialog *dialog, const QString &group)
{
    restoreLayout(dialog, group);
    new LayoutKeeper(dialog, group);
}

void rememberChoice(QComboBox *combo)
{
    Q_ASSERT(!combo->objectName().isEmpty());
    combo->setProperty(rememberProperty, true);
}

bool wasRestored(const QWidget *widget)
{
    return widget->property(restoredProperty).toBool();
}

} // namespace tidemark::ui
