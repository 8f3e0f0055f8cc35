#include "sqlkeywords.h"

namespace tidemark::ui {

namespace {

const char *const standardKeywords =
    "add all alter and any as asc begin between by cascade case check collate column commit "
    "constraint create cross current_date current_time current_timestamp default deferrable "
    "deferred delete desc distinct drop else end escape except exists foreign from full grant "
    "group having if immediate in index initially inner insert intersect into is join key left "
    "like limit natural no not null of offset on or order outer primary references restrict "
    "revoke right rollback savepoint select set table temporary then to transaction trigger "
    "union unique update using values view when where with without";

const char *const standardTypes =
    "bigint binary blob boolean char character date datetime decimal double float int integer "
    "numeric precision real smallint text time timestamp varchar varying zone";

const char *const standardFunctions =
    "abs avg cast coalesce count lower max min nullif round sum trim upper";

const char *const sqliteKeywords =
    "abort analyze attach autoincrement conflict database detach exclusive explain fail glob "
    "ignore indexed instead notnull pragma raise recursive regexp reindex release rename "
    "replace returning rowid strict vacuum virtual";
const char *const sqliteTypes = "";
const char *const sqliteFunctions =
    "changes char glob group_concat hex ifnull iif instr json json_extract last_insert_rowid "
    "length likelihood printf quote random randomblob substr total typeof unicode zeroblob";

const char *const postgresKeywords =
    "analyze asymmetric concurrently conflict copy do domain enum extension function generated "
    "identity ilike language materialized nothing notify only over owned owner partition "
    "policy procedure returning returns role rule schema security sequence similar stored "
    "tablespace truncate type unlogged vacuum volatile";
const char *const postgresTypes =
    "bigserial bit bool box bytea cidr circle citext daterange float4 float8 inet int2 int4 "
    "int8 interval json jsonb line lseg macaddr money oid path point polygon serial serial2 "
    "serial4 serial8 smallserial timestamptz timetz tsquery tsvector uuid varbit xml";
const char *const postgresFunctions =
    "array_agg concat date_trunc extract format gen_random_uuid generate_series greatest "
    "jsonb_build_object least length now nextval regexp_replace string_agg substring to_char "
    "to_timestamp";

const char *const mysqlKeywords =
    "algorithm auto_increment change charset comment database databases delimiter describe "
    "duplicate engine explain fulltext ignore invisible lock modify procedure rename replace "
    "schema show spatial truncate unlock unsigned use zerofill";
const char *const mysqlTypes =
    "enum longblob longtext mediumblob mediumint mediumtext tinyblob tinyint tinytext varbinary "
    "year json";
const char *const mysqlFunctions =
    "concat concat_ws curdate date_format ifnull json_extract last_insert_id length now "
    "str_to_date substring unix_timestamp uuid";

QByteArray join(const char *standard, const char *own)
{
    QByteArray words(standard);
    if (*own)
        words += ' ' + QByteArray(own);
    return words;
}

} // namespace

SqlKeywords sqlKeywords(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Sqlite:
        return {join(standardKeywords, sqliteKeywords), join(standardTypes, sqliteTypes),
                join(standardFunctions, sqliteFunctions)};
    case SqlDialect::Postgres:
        return {join(standardKeywords, postgresKeywords), join(standardTypes, postgresTypes),
                join(standardFunctions, postgresFunctions)};
    case SqlDialect::MySql:
        return {join(standardKeywords, mysqlKeywords), join(standardTypes, mysqlTypes),
                join(standardFunctions, mysqlFunctions)};
    case SqlDialect::Snowflake:
    case SqlDialect::Databricks:
        break;
    }
    return {standardKeywords, standardTypes, standardFunctions};
}

} // namespace tidemark::ui
