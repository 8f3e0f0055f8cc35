#pragma once

#include "schema/schemamodel.h"

#include <QList>
#include <QStringList>

#include <functional>

namespace tidemark {

// Columns that a table change drops and adds again instead of altering, and what goes with
// them. A generated column whose expression changes is re-added on PostgreSQL (and on MariaDB
// in several cases); on PostgreSQL a generated column is also re-added around a change of the
// type or collation of a column it reads, which PostgreSQL refuses otherwise. Dropping a column
// takes its indexes, unique and check constraints along (or narrows them, MariaDB): the ones
// that stay the same are dropped first and made again after the column is back.
struct ColumnReadd
{
    QStringList around;              // generated columns re-added unchanged around a retype
    QList<const IndexDef *> indexes; // of the table afterwards
    QList<const UniqueConstraintDef *> uniques; // of the table afterwards
    QList<const CheckConstraintDef *> checks;   // of the table afterwards
    bool isEmpty() const
    {
        return around.isEmpty() && indexes.isEmpty() && uniques.isEmpty() && checks.isEmpty();
    }
};

using ReaddsColumn = std::function<bool(const ColumnDef &from, const ColumnDef &to)>;

// altered: the columns with changes (each once). readds: whether the dialect's alter drops and
// adds a changed column. retypeBreaksGenerated: PostgreSQL.
ColumnReadd planColumnReadd(const TableDef &before, const TableDef &after,
                            const QStringList &altered, const ReaddsColumn &readds,
                            bool retypeBreaksGenerated);

} // namespace tidemark
