#pragma once

#include <QIcon>

namespace tidemark::ui {

// The application icon: the installed theme icon (io.github.tidemark.Tidemark) when there is
// one, else the PNGs embedded from packaging/icons.
QIcon appIcon();

} // namespace tidemark::ui
