#include "dialogs/aboutdialog.h"

#include "appicon.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#ifndef TIDEMARK_HOMEPAGE_URL
#define TIDEMARK_HOMEPAGE_URL "https://github.com/tidemark/tidemark"
#endif

namespace tidemark::ui {

namespace {

QLabel *textLabel(const QString &text, QWidget *parent, const QString &objectName)
{
    auto *label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    return label;
}

QString link(const QString &url, const QString &text)
{
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(url, text.toHtmlEscaped());
}

} // namespace

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("About Tidemark"));
    const QString homepage = QStringLiteral(TIDEMARK_HOMEPAGE_URL);

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("iconLabel"));
    icon->setPixmap(appIcon().pixmap(QSize(128, 128)));
    icon->setAlignment(Qt::AlignTop);

    auto *name =
        textLabel(QStringLiteral("<h2>Tidemark %1</h2>").arg(QStringLiteral(TIDEMARK_VERSION)),
                  this, QStringLiteral("nameLabel"));
    auto *description =
        textLabel(tr("Plan, run and review SQL schema migrations, compatible with Jetbase."), this,
                  QStringLiteral("descriptionLabel"));
    auto *qt = textLabel(tr("Built with Qt %1, running on Qt %2.")
                             .arg(QStringLiteral(QT_VERSION_STR), QString::fromLatin1(qVersion())),
                         this, QStringLiteral("qtLabel"));
    auto *links = textLabel(link(homepage, tr("Website")) % QStringLiteral(" · ") %
                                link(homepage % QStringLiteral("/issues"), tr("Report a problem")),
                            this, QStringLiteral("linksLabel"));

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(description);
    text->addWidget(qt);
    text->addWidget(links);
    text->addStretch();

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addSpacing(12);
    top->addLayout(text, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(buttons);
    setMinimumWidth(460);
}

} // namespace tidemark::ui
