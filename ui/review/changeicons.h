#pragma once

#include "schema/schemachange.h"

#include <QIcon>

namespace tidemark::ui {

// What a change is about, for its icon and for people: "Table", "Column", "Key or index",
// "Enum type", "View", "Trigger", "Routine", "Sequence".
QString changeSubject(const SchemaChange &change);

// A small badge for a change in the review's list: the subject's letters on the colour of the
// action (green add, red drop, amber change or rename), so that a view, a trigger or a routine
// stands out from the table changes around it.
QIcon changeIcon(const SchemaChange &change);

} // namespace tidemark::ui
