// The PostgreSQL and MariaDB catalog readers (issue #3, make-migrations) on the test servers:
// each case creates a schema with plain SQL and compares describeSchema() of what was read with
// the text expected for that dialect, so a change in normalisation shows as a readable diff.

#include "dbtest.h"

#include "schema/catalogreader.h"

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

namespace {

// Runs the statements on a connection of its own and reads the schema back; on failure the
// error text goes to *error and the result is empty.
QString describeAfter(const ScratchDatabase &db, const QStringList &statements, QString *error,
                      const QString &postgresSchema = {})
{
    Result<DatabaseUrl> parsed = parseDatabaseUrl(db.url());
    ConnectionSettings settings;
    settings.postgresSchema = postgresSchema;
    Result<ConnectionSpec> spec = connectionSpecFor(parsed.value(), settings);
    if (!spec) {
        *error = spec.error().fullText();
        return {};
    }
    Result<std::unique_ptr<Connection>> connection = Connection::open(spec.value());
    if (!connection) {
        *error = connection.error().fullText();
        return {};
    }
    for (const QString &statement : statements) {
        Result<QSqlQuery> done = (*connection)->exec(statement);
        if (!done) {
            *error = done.error().fullText();
            return {};
        }
    }
    std::unique_ptr<CatalogReader> reader = CatalogReader::create(db.dialect());
    Result<Schema> schema = reader->read(**connection);
    if (!schema) {
        *error = schema.error().fullText();
        return {};
    }
    return describeSchema(schema.value());
}

// Compares line lists so a failure names the first differing line.
#define TM_COMPARE_SCHEMA(db, statements, expected)                                                \
    do {                                                                                           \
        QString tmError;                                                                           \
        const QString tmActual = describeAfter((db), (statements), &tmError);                      \
        QVERIFY2(tmError.isEmpty(), qPrintable(tmError));                                          \
        if (tmActual != QString(expected))                                                         \
            qWarning().noquote() << "actual schema:\n" << tmActual;                                \
        QCOMPARE(tmActual.split(u'\n'), QString(expected).split(u'\n'));                           \
    } while (false)

bool isPostgres(const ScratchDatabase &db)
{
    return db.dialect() == SqlDialect::Postgres;
}

} // namespace

class TestCatalogServers : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void columns_data() { addDialectRows(false); }
    void columns()
    {
        QFETCH(SqlDialect, dialect);
        ScratchDatabase db(dialect);
        TIDEMARK_REQUIRE(db);
        const QString now = isPostgres(db) ? u"now()"_s : u"CURRENT_TIMESTAMP"_s;
        const QStringList sql = {
            u"CREATE TABLE things (id INTEGER NOT NULL, big BIGINT, "
            "name VARCHAR(50) NOT NULL DEFAULT 'x', body TEXT, price NUMERIC(10,2) DEFAULT 0, "
            "active BOOLEAN NOT NULL DEFAULT false, created TIMESTAMP NULL DEFAULT %1, "
            "stamped TIMESTAMP NULL DEFAULT CURRENT_TIMESTAMP)"_s.arg(now)};
        if (isPostgres(db)) {
            TM_COMPARE_SCHEMA(db, sql,
                              u"table things\n"
                              "  column id integer not null\n"
                              "  column big bigint\n"
                              "  column name character varying(50) not null default 'x'::character "
                              "varying\n"
                              "  column body text\n"
                              "  column price numeric(10,2) default 0\n"
                              "  column active boolean not null default false\n"
                              "  column created timestamp without time zone default now()\n"
                              "  column stamped timestamp without time zone default "
                              "CURRENT_TIMESTAMP\n"_s);
        } else {
            TM_COMPARE_SCHEMA(db, sql,
                              u"table things\n"
                              "  column id int not null\n"
                              "  column big bigint\n"
                              "  column name varchar(50) not null default 'x'\n"
                              "  column body text\n"
                              "  column price decimal(10,2) default 0.00\n"
                              "  column active tinyint(1) not null default 0\n"
                              "  column created timestamp default current_timestamp()\n"
                              "  column stamped timestamp default current_timestamp()\n"_s);
        }
    }

    void identity_data() { addDialectRows(false); }
    void identity()
    {
        QFETCH(SqlDialect, dialect);
        ScratchDatabase db(dialect);
        TIDEMARK_REQUIRE(db);
        if (isPostgres(db)) {
            TM_COMPARE_SCHEMA(
                db,
                QStringList({u"CREATE TABLE a (id SERIAL PRIMARY KEY, n INT)"_s,
                             u"CREATE TABLE b (id BIGINT GENERATED ALWAYS AS "
                             "IDENTITY PRIMARY KEY)"_s,
                             // A shared sequence is a default, not identity.
                             u"CREATE SEQUENCE shared"_s,
                             u"CREATE TABLE c (id INT DEFAULT nextval('shared'))"_s,
                             // Identity options, a collation and a generated column.
                             u"CREATE TABLE d (id INT GENERATED BY DEFAULT AS IDENTITY (START "
                             "WITH 5 INCREMENT BY 2), down INT GENERATED BY DEFAULT AS IDENTITY "
                             "(INCREMENT BY -1), name TEXT COLLATE \"C\", plain TEXT COLLATE "
                             "\"default\", twice INT GENERATED ALWAYS AS (id * 2) STORED)"_s}),
                u"table a\n"
                "  column id integer not null identity\n"
                "  column n integer\n"
                "  primary key (id)\n"
                "table b\n"
                "  column id bigint not null identity always\n"
                "  primary key (id)\n"
                "table c\n"
                "  column id integer default nextval('shared'::regclass)\n"
                "table d\n"
                "  column id integer not null identity (START WITH 5 INCREMENT BY 2)\n"
                "  column down integer not null identity (INCREMENT BY -1)\n"
                "  column name text collate C\n"
                "  column plain text\n"
                "  column twice integer generated ((id * 2)) stored\n"
                // ... and a sequence of its own.
                "sequence shared\n"
                "    AS bigint INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 "
                "START WITH 1 CACHE 1 NO CYCLE\n"_s);
        } else {
            TM_COMPARE_SCHEMA(db,
                              QStringList({u"CREATE TABLE a (id INT AUTO_INCREMENT PRIMARY KEY, "
                                           "n INT)"_s,
                                           u"CREATE TABLE b (id BIGINT UNSIGNED AUTO_INCREMENT "
                                           "PRIMARY KEY)"_s,
                                           // A collation and generated columns.
                                           u"CREATE TABLE d (id INT, name VARCHAR(20) COLLATE "
                                           "utf8mb4_bin, twice INT AS (id * 2) VIRTUAL, thrice "
                                           "INT GENERATED ALWAYS AS (id * 3) STORED) DEFAULT "
                                           "CHARSET utf8mb4 COLLATE utf8mb4_general_ci"_s}),
                              u"table a\n"
                              "  column id int not null identity\n"
                              "  column n int\n"
                              "  primary key (id)\n"
                              "table b\n"
                              "  column id bigint unsigned not null identity\n"
                              "  primary key (id)\n"
                              "table d\n"
                              "  column id int\n"
                              "  column name varchar(20) collate utf8mb4_bin\n"
                              "  column twice int generated (`id` * 2) virtual\n"
                              "  column thrice int generated (`id` * 3) stored\n"_s);
        }
    }

    void keysAndIndexes_data() { addDialectRows(false); }
    void keysAndIndexes()
    {
        QFETCH(SqlDialect, dialect);
        ScratchDatabase db(dialect);
        TIDEMARK_REQUIRE(db);
        const QStringList sql = {
            u"CREATE TABLE k (a INT NOT NULL, b INT NOT NULL, c INT, d VARCHAR(20), e INT, "
            "PRIMARY KEY (a, b), CONSTRAINT k_c_unique UNIQUE (c))"_s,
            u"CREATE INDEX k_d ON k (d)"_s, u"CREATE UNIQUE INDEX k_e ON k (e)"_s,
            u"CREATE INDEX k_d_e ON k (d, e)"_s};
        // MariaDB's TABLE_CONSTRAINTS lists every unique index as a UNIQUE constraint, so the
        // unique index reads as a unique constraint there (see mysqlcatalogreader.cpp).
        const QString uniqueIndex =
            isPostgres(db) ? u"  unique index k_e (e)\n"_s : u"  unique (e)\n"_s;
        const QString type = isPostgres(db) ? u"integer"_s : u"int"_s;
        const QString text = isPostgres(db) ? u"character varying(20)"_s : u"varchar(20)"_s;
        QStringList rest = {u"  index k_d (d)"_s, u"  index k_d_e (d, e)"_s, u"  unique (c)"_s,
                            uniqueIndex.chopped(1)};
        rest.sort();
        TM_COMPARE_SCHEMA(db, sql,
                          u"table k\n"
                          "  column a %1 not null\n"
                          "  column b %1 not null\n"
                          "  column c %1\n"
                          "  column d %2\n"
                          "  column e %1\n"
                          "  primary key (a, b)\n"_s.arg(type, text) +
                              rest.join(u'\n') + u'\n');
    }

    void postgresIndexes()
    {
        ScratchDatabase db(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(db);
        TM_COMPARE_SCHEMA(db,
                          QStringList({u"CREATE TABLE p (id INT PRIMARY KEY, name TEXT, "
                                       "deleted BOOLEAN NOT NULL DEFAULT false)"_s,
                                       u"CREATE INDEX p_lower ON p (lower(name))"_s,
                                       u"CREATE UNIQUE INDEX p_live ON p (name) "
                                       "WHERE deleted = false"_s}),
                          u"table p\n"
                          "  column id integer not null\n"
                          "  column name text\n"
                          "  column deleted boolean not null default false\n"
                          "  primary key (id)\n"
                          "  index p_lower (lower(name))\n"
                          "  unique index p_live (name) where deleted = false\n"_s);
    }

    void foreignKeys_data() { addDialectRows(false); }
    void foreignKeys()
    {
        QFETCH(SqlDialect, dialect);
        ScratchDatabase db(dialect);
        TIDEMARK_REQUIRE(db);
        const QStringList sql = {
            u"CREATE TABLE parent (a INT NOT NULL, b INT NOT NULL, PRIMARY KEY (a, b))"_s,
            u"CREATE TABLE child (id INT PRIMARY KEY, pa INT, pb INT, up INT, "
            "CONSTRAINT child_parent FOREIGN KEY (pa, pb) REFERENCES parent (a, b) "
            "ON DELETE CASCADE ON UPDATE SET NULL, "
            "CONSTRAINT child_up FOREIGN KEY (up) REFERENCES child (id))"_s,
            // Named by the user: kept, unlike MariaDB's automatic index named after the key.
            u"CREATE INDEX child_up_idx ON child (up)"_s};
        const QString type = isPostgres(db) ? u"integer"_s : u"int"_s;
        // MariaDB reports the default action as RESTRICT, PostgreSQL as NO ACTION (both refuse).
        const QString plain = isPostgres(db) ? u"NO ACTION"_s : u"RESTRICT"_s;
        TM_COMPARE_SCHEMA(db, sql,
                          u"table child\n"
                          "  column id %1 not null\n"
                          "  column pa %1\n"
                          "  column pb %1\n"
                          "  column up %1\n"
                          "  primary key (id)\n"
                          "  foreign key (pa, pb) references parent (a, b) on delete CASCADE "
                          "on update SET NULL\n"
                          "  foreign key (up) references child (id) on delete %2 on update %2\n"
                          "  index child_up_idx (up)\n"
                          "table parent\n"
                          "  column a %1 not null\n"
                          "  column b %1 not null\n"
                          "  primary key (a, b)\n"_s.arg(type, plain));
    }

    void checks_data() { addDialectRows(false); }
    void checks()
    {
        QFETCH(SqlDialect, dialect);
        ScratchDatabase db(dialect);
        TIDEMARK_REQUIRE(db);
        const QStringList sql = {u"CREATE TABLE c (lo INT, hi INT, qty INT CHECK (qty >= 0), "
                                 "CONSTRAINT c_order CHECK (lo < hi), "
                                 "CONSTRAINT c_positive CHECK (lo > 0))"_s};
        const QString expected = isPostgres(db) ? u"table c\n"
                                                  "  column lo integer\n"
                                                  "  column hi integer\n"
                                                  "  column qty integer\n"
                                                  "  check lo < hi\n"
                                                  "  check lo > 0\n"
                                                  "  check qty >= 0\n"_s
                                                : u"table c\n"
                                                  "  column lo int\n"
                                                  "  column hi int\n"
                                                  "  column qty int\n"
                                                  "  check `lo` < `hi`\n"
                                                  "  check `lo` > 0\n"
                                                  "  check `qty` >= 0\n"_s;
        TM_COMPARE_SCHEMA(db, sql, expected);
    }

    void postgresEnum()
    {
        ScratchDatabase db(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(db);
        TM_COMPARE_SCHEMA(db,
                          QStringList({u"CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')"_s,
                                       u"ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'"_s,
                                       u"CREATE TABLE person (m mood NOT NULL DEFAULT 'ok')"_s}),
                          u"enum mood (sad, meh, ok, happy)\n"
                          "table person\n"
                          "  column m mood not null default 'ok'::mood enum mood\n"_s);
    }

    void quotedNames_data() { addDialectRows(false); }
    void quotedNames()
    {
        QFETCH(SqlDialect, dialect);
        ScratchDatabase db(dialect);
        TIDEMARK_REQUIRE(db);
        const QChar q = isPostgres(db) ? u'"' : u'`';
        const QStringList sql = {
            u"CREATE TABLE %1Order%1 (%1select%1 INT PRIMARY KEY, %1Total%1 INT)"_s.arg(q),
            u"CREATE INDEX %1Idx%1 ON %1Order%1 (%1Total%1)"_s.arg(q)};
        const QString type = isPostgres(db) ? u"integer"_s : u"int"_s;
        TM_COMPARE_SCHEMA(db, sql,
                          u"table Order\n"
                          "  column select %1 not null\n"
                          "  column Total %1\n"
                          "  primary key (select)\n"
                          "  index Idx (Total)\n"_s.arg(type));
    }

    // Tool tables and what hangs on them are left out; views, triggers and routines are read
    // as the database prints them back.
    void toolTablesIgnoredObjectsRead_data() { addDialectRows(false); }
    void toolTablesIgnoredObjectsRead()
    {
        QFETCH(SqlDialect, dialect);
        ScratchDatabase db(dialect);
        TIDEMARK_REQUIRE(db);
        QStringList sql = {u"CREATE TABLE jetbase_migrations (version VARCHAR(10) PRIMARY KEY)"_s,
                           u"CREATE TABLE tidemark_journal (id INT PRIMARY KEY)"_s,
                           u"CREATE TABLE kept (id INT)"_s,
                           u"CREATE VIEW kept_view AS SELECT id FROM kept"_s};
        if (isPostgres(db)) {
            sql += {u"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
                    "$$ BEGIN RETURN NEW; END $$"_s,
                    u"CREATE TRIGGER kept_touch BEFORE INSERT ON kept FOR EACH ROW "
                    "EXECUTE FUNCTION touch()"_s,
                    u"CREATE TRIGGER tool_touch BEFORE INSERT ON tidemark_journal FOR EACH ROW "
                    "EXECUTE FUNCTION touch()"_s};
            TM_COMPARE_SCHEMA(db, sql,
                              u"table kept\n"
                              "  column id integer\n"
                              "function touch()\n"
                              "    CREATE OR REPLACE FUNCTION touch()\n"
                              "     RETURNS trigger\n"
                              "     LANGUAGE plpgsql\n"
                              "    AS $function$ BEGIN RETURN NEW; END $function$\n"
                              "trigger kept.kept_touch\n"
                              "    CREATE TRIGGER kept_touch BEFORE INSERT ON kept FOR EACH ROW "
                              "EXECUTE FUNCTION touch()\n"
                              "view kept_view\n"
                              "    CREATE VIEW kept_view AS\n"
                              "    SELECT kept.id\n"
                              "       FROM kept\n"_s);
        } else {
            sql += {u"CREATE FUNCTION twice(n INT) RETURNS INT DETERMINISTIC RETURN n * 2"_s,
                    u"CREATE TRIGGER kept_touch BEFORE INSERT ON kept FOR EACH ROW "
                    "SET NEW.id = twice(NEW.id)"_s,
                    u"CREATE TRIGGER tool_touch BEFORE INSERT ON tidemark_journal FOR EACH ROW "
                    "SET NEW.id = 1"_s};
            TM_COMPARE_SCHEMA(
                db, sql,
                u"table kept\n"
                "  column id int\n"
                "function twice()\n"
                "    CREATE FUNCTION `twice`(`n` int(11)) RETURNS int(11) "
                "DETERMINISTIC CONTAINS SQL SQL SECURITY DEFINER RETURN n * 2\n"
                "trigger kept.kept_touch\n"
                "    CREATE TRIGGER `kept_touch` BEFORE INSERT ON `kept` FOR EACH ROW "
                "SET NEW.id = twice(NEW.id)\n"
                "view kept_view\n"
                "    CREATE VIEW `kept_view` AS select `kept`.`id` AS `id` from "
                "`kept`\n"_s);
        }
    }

    void postgresSchema()
    {
        ScratchDatabase db(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(db);
        QVERIFY(db.exec(u"CREATE SCHEMA tm_cat"_s));
        QVERIFY(db.exec(u"CREATE TABLE public.in_public (id INT)"_s));
        QVERIFY(db.exec(u"CREATE TABLE tm_cat.in_schema (id INT PRIMARY KEY)"_s));
        QString error;
        const QString text = describeAfter(db, {}, &error, u"tm_cat"_s);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(text, u"table in_schema\n  column id integer not null\n  primary key (id)\n"_s);
        // Without postgres_schema the same database reads public.
        QCOMPARE(describeAfter(db, {}, &error), u"table in_public\n  column id integer\n"_s);
    }

    // One query per catalog area, never one per table: 1 and 150 tables both read, and the
    // reported count is the reader's constant.
    // PostgreSQL: the reader turns JIT off for its queries and gives the session its own
    // setting back afterwards.
    void jitSettingComesBack()
    {
        ScratchDatabase db(SqlDialect::Postgres);
        TIDEMARK_REQUIRE(db);
        Result<DatabaseUrl> parsed = parseDatabaseUrl(db.url());
        Result<ConnectionSpec> spec = connectionSpecFor(parsed.value(), {});
        QVERIFY(spec.ok());
        Result<std::unique_ptr<Connection>> connection = Connection::open(spec.value());
        QVERIFY(connection.ok());
        for (const QString &setting : {u"on"_s, u"off"_s}) {
            QVERIFY((*connection)->exec(u"SET jit = "_s + setting).ok());
            QVERIFY(CatalogReader::create(SqlDialect::Postgres)->read(**connection).ok());
            Result<QVariant> now = (*connection)->scalar(u"SHOW jit"_s);
            QVERIFY(now.ok());
            QCOMPARE(now->toString(), setting);
        }
    }

    void queryCount_data() { addDialectRows(false); }
    void queryCount()
    {
        QFETCH(SqlDialect, dialect);
        ScratchDatabase small(dialect);
        TIDEMARK_REQUIRE(small);
        ScratchDatabase large(dialect);
        const bool postgres = dialect == SqlDialect::Postgres;
        auto tables = [postgres](int count) {
            QStringList sql = {u"CREATE TABLE base (id INT PRIMARY KEY)"_s};
            if (postgres)
                sql.append(u"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS "
                           "$$ BEGIN RETURN NEW; END $$"_s);
            for (int i = 0; i < count; ++i) {
                sql.append(u"CREATE TABLE t%1 (id INT PRIMARY KEY, base_id INT, "
                           "CONSTRAINT t%1_base FOREIGN KEY (base_id) REFERENCES base (id))"_s.arg(
                               i, 3, 10, QChar(u'0')));
                sql.append(u"CREATE INDEX t%1_idx ON t%1 (base_id)"_s.arg(i, 3, 10, QChar(u'0')));
                sql.append(u"CREATE VIEW v%1 AS SELECT id FROM t%1"_s.arg(i, 3, 10, QChar(u'0')));
                sql.append(postgres ? u"CREATE TRIGGER g%1 BEFORE INSERT ON t%1 FOR EACH ROW "
                                      "EXECUTE FUNCTION touch()"_s.arg(i, 3, 10, QChar(u'0'))
                                    : u"CREATE TRIGGER g%1 BEFORE INSERT ON t%1 FOR EACH ROW "
                                      "SET NEW.id = NEW.id"_s.arg(i, 3, 10, QChar(u'0')));
            }
            return sql;
        };
        QString error;
        const QString one = describeAfter(small, tables(1), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(one.count(u"table "_s), 2);
        const QString many = describeAfter(large, tables(150), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(many.count(u"table "_s), 151);
        QCOMPARE(many.count(u"  index t"_s), 150);
        QCOMPARE(many.count(u"foreign key (base_id)"_s), 150);
        QCOMPARE(many.count(u"\nview v"_s), 150);
        QCOMPARE(many.count(u"\ntrigger t"_s), 150);
        // Columns, constraints, indexes, enums, views, triggers, routines, sequences on
        // PostgreSQL, and JIT turned off and back; columns, index columns, key constraints,
        // checks, views, triggers, routines on MariaDB.
        QCOMPARE(CatalogReader::create(dialect)->queryCount(), postgres ? 10 : 7);
    }
};

QTEST_GUILESS_MAIN(TestCatalogServers)
#include "tst_catalog_servers.moc"
