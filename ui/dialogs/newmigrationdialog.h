#pragma once

#include "project/projectlocator.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace tidemark::ui {

// Asks for a description and a version (default: the timestamp) and writes the new file with
// core's createMigrationFile. createdFile() is its path after accept.
class NewMigrationDialog : public QDialog
{
    Q_OBJECT
public:
    explicit NewMigrationDialog(ProjectLocation project, QWidget *parent = nullptr);
    QString createdFile() const { return m_created; }

    void accept() override;

private:
    ProjectLocation m_project;
    QLineEdit *m_description = nullptr;
    QLineEdit *m_version = nullptr;
    QLabel *m_error = nullptr;
    QString m_created;
};

} // namespace tidemark::ui
