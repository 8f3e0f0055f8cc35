#pragma once

#include <libpq-fe.h>

namespace tidemark {

// The libpq functions Tidemark calls on the PostgreSQL driver's own connection (one-message
// batches, cancelling a statement), looked up when first needed in the libpq the QtSql
// PostgreSQL driver has loaded. Linking libpq instead would load it and the two dozen libraries
// it needs (Kerberos, LDAP, TLS) into every run: 10-15 ms at each start on the 2-core test
// machine, on SQLite and MariaDB too, where nothing uses them.
struct LibPq
{
    decltype(&PQsendQuery) sendQuery;
    decltype(&PQgetResult) getResult;
    decltype(&PQresultStatus) resultStatus;
    decltype(&PQresultErrorField) resultErrorField;
    decltype(&PQcmdStatus) cmdStatus;
    decltype(&PQclear) clear;
    decltype(&PQerrorMessage) errorMessage;
    decltype(&PQputCopyEnd) putCopyEnd;
    decltype(&PQgetCopyData) getCopyData;
    decltype(&PQfreemem) freemem;
    decltype(&PQgetCancel) getCancel;
    decltype(&PQfreeCancel) freeCancel;
    decltype(&PQcancel) cancel;
};

// Null when libpq cannot be loaded or lacks one of them. Thread-safe; looked up once.
const LibPq *libPq();

} // namespace tidemark
