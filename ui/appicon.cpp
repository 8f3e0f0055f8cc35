#include "appicon.h"

namespace tidemark::ui {

QIcon appIcon()
{
    static const QIcon icon = [] {
        QIcon embedded;
        for (int size : {16, 32, 48, 64, 128, 256})
            embedded.addFile(
                QStringLiteral(":/tidemark/icons/%1/io.github.tidemark.Tidemark.png").arg(size),
                QSize(size, size));
        return QIcon::fromTheme(QStringLiteral("io.github.tidemark.Tidemark"), embedded);
    }();
    return icon;
}

} // namespace tidemark::ui
