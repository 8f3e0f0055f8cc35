#pragma once

// What a statement is, read from its tokens (sqltokens.h), for check's rules and for the views
// a file makes: the object a CREATE makes, the table an ALTER TABLE or CREATE INDEX names, the
// verb of a DML statement past its WITH clause, and the like. All case-insensitive on words.

#include "preflight/sqltokens.h"

#include <utility>

namespace tidemark {

// Schema changes that commit at once on MariaDB/MySQL (not temporary tables); data changes.
bool isDdl(const TokenView &v);
bool isDml(const TokenView &v);
// "CREATE [OR REPLACE] [TEMP] TABLE/VIEW/INDEX/TRIGGER/SEQUENCE [IF NOT EXISTS] name": the kind
// word and the name (empty for an unnamed index); empty for anything else.
std::pair<QString, QString> createdObject(const TokenView &v);
// The table of "ALTER TABLE [IF EXISTS] [ONLY] name ...", and in *after the index after it.
QString alteredTable(const TokenView &v, qsizetype *after = nullptr);
// The table of "CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] table".
QString indexedTable(const TokenView &v);
// Statements PostgreSQL refuses inside a transaction block because of CONCURRENTLY.
bool concurrentlyOutsideTransaction(const TokenView &v);
// The DML verb past a leading WITH (...) clause ("UPDATE", "DELETE", ...), and in *from the
// index after it.
QString dmlVerb(const TokenView &v, qsizetype *from);
// A WHERE of the statement itself, not of a subquery, from index from on.
bool hasTopLevelWhere(const TokenView &v, qsizetype from);
// PostgreSQL functions whose value changes per row (upper-case name).
bool isVolatileFunction(const QString &upper);
// The views the statement (re)creates or drops, lower-case.
QStringList viewsMadeOrDropped(const QString &statement, const TokenView &v);

} // namespace tidemark
