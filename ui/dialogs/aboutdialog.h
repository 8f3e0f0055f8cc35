#pragma once

#include <QDialog>

namespace tidemark::ui {

// Help > About Tidemark: the icon, name, version, what Tidemark is, the Qt it runs on, and
// where to find more. Show it with open() (WA_DeleteOnClose is the caller's choice).
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AboutDialog(QWidget *parent = nullptr);
};

} // namespace tidemark::ui
