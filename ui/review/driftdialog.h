#pragma once

#include "engine/drift.h"

#include <QDialog>

namespace tidemark::ui {

// The schema the applied migrations make beside the live one, in the review dialog's
// side-by-side view, with the differences listed above it. Window-modal; deletes itself.
class DriftDialog : public QDialog
{
    Q_OBJECT
public:
    DriftDialog(const DriftReport &report, SqlDialect dialect, QWidget *parent = nullptr);
};

} // namespace tidemark::ui
