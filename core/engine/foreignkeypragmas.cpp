#include "foreignkeypragmas.h"

namespace tidemark {

OutsideTransaction statementsOutsideTransaction(const Dialect &dialect,
                                                const QList<SqlStatement> &statements)
{
    OutsideTransaction outside;
    if (statements.isEmpty() || dialect.foreignKeysSwitch(statements.first().text) != false)
        return outside;
    outside.leading = 1;
    if (statements.size() > 1 && dialect.foreignKeysSwitch(statements.last().text) == true)
        outside.trailing = 1;
    return outside;
}

} // namespace tidemark
