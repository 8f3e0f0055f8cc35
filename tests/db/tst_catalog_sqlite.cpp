// SqliteCatalogReader against real SQLite files: each row creates a schema with plain SQL and
// compares describeSchema() of what the reader saw with the expected text.

#include "dbtest.h"

#include "schema/catalogreaders.h"

#include <QSqlDriver>

#include <dlfcn.h>

using namespace tidemark;
using namespace tidemark::test;

class TestCatalogSqlite : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_data();
    void read();
    void namesAndExpressions();
    void referencesWithoutColumns();
    void queryCountIsFixed();
    void statementsSentAreFixed();
    void createForSqlite();
};

namespace {

Result<Schema> readSchema(const ScratchDatabase &db)
{
    auto connection = connectTo(db.url());
    return SqliteCatalogReader().read(*connection);
}

QString lines(std::initializer_list<const char *> items)
{
    QString text;
    for (const char *item : items)
        text += QString::fromUtf8(item) + u'\n';
    return text;
}

// Counts the statements SQLite starts on one connection, with sqlite3_trace_v2 taken from the
// libsqlite3 that Qt's SQLite plugin already loaded (looked up at run time so that the tests
// need not link SQLite themselves). Unavailable when the plugin carries its own SQLite.
class StatementCounter
{
public:
    explicit StatementCounter(const QSqlDatabase &database)
    {
        void *library = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
        const QVariant handle = database.driver()->handle();
        if (!library || !handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
            return;
        m_trace = reinterpret_cast<TraceFunction>(dlsym(library, "sqlite3_trace_v2"));
        m_db = *static_cast<void *const *>(handle.constData());
        if (m_trace && m_db)
            m_trace(m_db, kTraceStmt, &StatementCounter::callback, this);
    }
    ~StatementCounter()
    {
        if (available())
            m_trace(m_db, 0, nullptr, nullptr);
    }
    bool available() const { return m_trace && m_db; }
    // Top-level statements only: the pragma table-valued functions run a "PRAGMA ..." of their
    // own inside SQLite for each row of the outer query, which is not a round trip.
    int count() const { return m_statements.size(); }
    QStringList statements() const { return m_statements; }
    void reset() { m_statements.clear(); }

private:
    static constexpr unsigned kTraceStmt = 0x01; // SQLITE_TRACE_STMT
    using Callback = int (*)(unsigned, void *, void *, void *);
    using TraceFunction = int (*)(void *, unsigned, Callback, void *);

    static int callback(unsigned, void *context, void *, void *text)
    {
        const QString sql = QString::fromUtf8(static_cast<const char *>(text));
        // Statements nested in a running one are reported with a "--" comment prefix.
        if (!sql.startsWith(u"--") && !sql.startsWith(u"PRAGMA", Qt::CaseInsensitive))
            static_cast<StatementCounter *>(context)->m_statements.append(sql);
        return 0;
    }

    TraceFunction m_trace = nullptr;
    void *m_db = nullptr;
    QStringList m_statements;
};

} // namespace

void TestCatalogSqlite::read_data()
{
    QTest::addColumn<QStringList>("statements");
    QTest::addColumn<QString>("expected");

    QTest::newRow("empty") << QStringList{} << QStringLiteral("\n");

    QTest::newRow("column types, nullability, defaults")
        << QStringList{QStringLiteral(
               "CREATE TABLE t (i integer NOT NULL DEFAULT 0, s TEXT DEFAULT 'x', r REAL,"
               " n NUMERIC(10, 2) DEFAULT (1+2), v VARCHAR (50) NOT NULL, b BLOB,"
               " f boolean DEFAULT 1, ts timestamp DEFAULT CURRENT_TIMESTAMP, k INT, u)")}
        << lines({"table t", "  column i integer not null default 0", "  column s text default 'x'",
                  "  column r real", "  column n numeric(10,2) default 1+2",
                  "  column v varchar(50) not null", "  column b blob",
                  "  column f boolean default 1", "  column ts timestamp default CURRENT_TIMESTAMP",
                  "  column k int", "  column u "});

    QTest::newRow("integer primary key autoincrement")
        << QStringList{QStringLiteral(
                           "CREATE TABLE a (id INTEGER PRIMARY KEY AUTOINCREMENT, name text)"),
                       QStringLiteral("CREATE TABLE b (id INTEGER PRIMARY KEY, name text)"),
                       QStringLiteral("CREATE TABLE c (id INT PRIMARY KEY, name text)")}
        << lines({"table a", "  column id integer identity", "  column name text",
                  "  primary key (id)", "table b", "  column id integer", "  column name text",
                  "  primary key (id)", "table c", "  column id int", "  column name text",
                  "  primary key (id)"});

    QTest::newRow("collations and generated columns, from the table's text")
        << QStringList{QStringLiteral(
               "CREATE TABLE t (a text COLLATE NOCASE, b text COLLATE binary, "
               "c text CHECK (c <> 'x' COLLATE rtrim), \"d,1\" text COLLATE \"RTRIM\" NOT NULL, "
               "e int GENERATED ALWAYS AS (length(a) * 2) STORED, f int AS (e + 1), "
               "g text DEFAULT ('as (x)'), CONSTRAINT k CHECK (e > 0))")}
        << lines({"table t", "  column a text collate nocase", "  column b text", "  column c text",
                  "  column d,1 text not null collate rtrim",
                  "  column e int generated (length(a) * 2) stored",
                  "  column f int generated (e + 1) virtual", "  column g text default 'as (x)'",
                  "  check c <> 'x' COLLATE rtrim", "  check e > 0"});

    QTest::newRow("composite primary key in key order")
        << QStringList{QStringLiteral(
               "CREATE TABLE t (a text, b integer, c text NOT NULL, PRIMARY KEY (c, a))")}
        << lines({"table t", "  column a text", "  column b integer", "  column c text not null",
                  "  primary key (c, a)"});

    QTest::newRow("unique constraints")
        << QStringList{QStringLiteral(
               "CREATE TABLE t (id integer PRIMARY KEY, email text UNIQUE, a int, b int,"
               " CONSTRAINT uq_ab UNIQUE (b, a))")}
        << lines({"table t", "  column id integer", "  column email text", "  column a int",
                  "  column b int", "  primary key (id)", "  unique (b, a)", "  unique (email)"});

    QTest::newRow("indexes")
        << QStringList{QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, name text,"
                                      " city text, deleted int)"),
                       QStringLiteral("CREATE INDEX ix_name ON t (name)"),
                       QStringLiteral("CREATE UNIQUE INDEX ux_city_name ON t (city, name DESC)"),
                       QStringLiteral("CREATE INDEX ix_lower ON t (lower(name), city)"),
                       QStringLiteral("CREATE INDEX ix_live ON t (city) WHERE deleted = 0")}
        << lines({"table t", "  column id integer", "  column name text", "  column city text",
                  "  column deleted int", "  primary key (id)",
                  "  index ix_live (city) where deleted = 0",
                  "  index ix_lower (lower(name), city)", "  index ix_name (name)",
                  "  unique index ux_city_name (city, name DESC)"});

    QTest::newRow("foreign keys")
        << QStringList{QStringLiteral("CREATE TABLE parent (a int, b int, id integer PRIMARY KEY,"
                                      " UNIQUE (a, b))"),
                       QStringLiteral(
                           "CREATE TABLE child (id integer PRIMARY KEY,"
                           " parent_id int REFERENCES parent (id) ON DELETE CASCADE ON UPDATE SET "
                           "NULL,"
                           " pa int, pb int, up int,"
                           " FOREIGN KEY (pa, pb) REFERENCES parent (a, b),"
                           " CONSTRAINT fk_up FOREIGN KEY (up) REFERENCES child (id) ON DELETE SET"
                           " DEFAULT ON UPDATE RESTRICT)")}
        << lines({"table child", "  column id integer", "  column parent_id int", "  column pa int",
                  "  column pb int", "  column up int", "  primary key (id)",
                  "  foreign key (pa, pb) references parent (a, b) on delete NO ACTION on update "
                  "NO ACTION",
                  "  foreign key (parent_id) references parent (id) on delete CASCADE on update "
                  "SET NULL",
                  "  foreign key (up) references child (id) on delete SET DEFAULT on update "
                  "RESTRICT",
                  "table parent", "  column a int", "  column b int", "  column id integer",
                  "  primary key (id)", "  unique (a, b)"});

    QTest::newRow("check constraints")
        << QStringList{QStringLiteral(
               "CREATE TABLE t (\n"
               "  qty int CHECK (qty > 0), -- CHECK (in a comment)\n"
               "  code text CONSTRAINT ck_code CHECK (code <> ')' AND length(code) < 5),\n"
               "  /* CHECK (block comment) */ \"check\" text DEFAULT 'CHECK (x)',\n"
               "  lo int, hi int,\n"
               "  CHECK (lo <= hi),\n"
               "  CONSTRAINT \"ck range\" CHECK ((hi - lo) < (100))\n"
               ")")}
        << lines({"table t", "  column qty int", "  column code text",
                  "  column check text "
                  "default 'CHECK (x)'",
                  "  column lo int", "  column hi int", "  check (hi - lo) < (100)",
                  "  check code <> ')' AND length(code) < 5", "  check lo <= hi",
                  "  check qty > 0"});

    QTest::newRow("quoted, mixed-case and reserved names")
        << QStringList{QStringLiteral("CREATE TABLE \"Order\" (\"Id\" integer PRIMARY KEY,"
                                      " \"select\" text, \"my column\" text)"),
                       QStringLiteral("CREATE TABLE \"my table\" (id integer PRIMARY KEY,"
                                      " \"order_id\" int REFERENCES \"Order\" (\"Id\"))"),
                       QStringLiteral("CREATE TABLE \"select\" (\"from\" int)"),
                       QStringLiteral("CREATE INDEX \"Ix Select\" ON \"Order\" (\"select\")")}
        << lines({"table Order", "  column Id integer", "  column select text",
                  "  column my column text", "  primary key (Id)", "  index Ix Select (select)",
                  "table my table", "  column id integer", "  column order_id int",
                  "  primary key (id)",
                  "  foreign key (order_id) references Order (Id) on delete NO ACTION on "
                  "update NO ACTION",
                  "table select", "  column from int"});

    QTest::newRow("tool tables and sqlite tables are left out; views are objects")
        << QStringList{QStringLiteral("CREATE TABLE jetbase_migrations (version text)"),
                       QStringLiteral("CREATE TABLE tidemark_journal (id int)"),
                       QStringLiteral("CREATE TABLE Jetbase_Lock (id int)"),
                       QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY AUTOINCREMENT)"),
                       QStringLiteral("INSERT INTO t DEFAULT VALUES"), // fills sqlite_sequence
                       QStringLiteral("CREATE VIEW v AS SELECT id FROM t"),
                       QStringLiteral("CREATE TRIGGER jetbase_t AFTER INSERT ON jetbase_migrations "
                                      "BEGIN DELETE FROM t; END"),
                       QStringLiteral("ANALYZE")} // creates sqlite_stat1
        << lines({"table t", "  column id integer identity", "  primary key (id)", "view v",
                  "    CREATE VIEW v AS SELECT id FROM t"});
}

void TestCatalogSqlite::read()
{
    QFETCH(QStringList, statements);
    QFETCH(QString, expected);
    ScratchDatabase db(SqlDialect::Sqlite);
    for (const QString &statement : statements) {
        QString error;
        QVERIFY2(db.exec(statement, &error), qPrintable(statement + u'\n' + error));
    }
    Result<Schema> schema = readSchema(db);
    TM_VERIFY_OK(schema);
    QCOMPARE(describeSchema(schema.value()), expected);
}

// What describeSchema() does not show: declared types, expression flags, names.
void TestCatalogSqlite::namesAndExpressions()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE t (id integer PRIMARY KEY, name VARCHAR (50),"
                                   " CONSTRAINT [ck] CHECK (length(name) > 1), CHECK (id > 0),"
                                   " CONSTRAINT \"My \"\"ck\"\"\" CHECK (id < 10))")));
    QVERIFY(db.exec(QStringLiteral("CREATE INDEX ix ON t (id, lower(name) DESC)")));
    Result<Schema> schema = readSchema(db);
    TM_VERIFY_OK(schema);
    const TableDef *t = schema->table(QStringLiteral("t"));
    QVERIFY(t);
    QCOMPARE(t->column(QStringLiteral("name"))->declaredType, QStringLiteral("VARCHAR (50)"));
    QCOMPARE(t->column(QStringLiteral("name"))->normalizedType, QStringLiteral("varchar(50)"));
    QCOMPARE(t->indexes.size(), 1);
    QCOMPARE(t->indexes[0].parts,
             (QStringList{QStringLiteral("id"), QStringLiteral("lower(name)")}));
    QCOMPARE(t->indexes[0].partIsExpression, (QList<bool>{false, true}));
    QCOMPARE(t->checks.size(), 3);
    QCOMPARE(t->checks[0].name, QStringLiteral("ck"));
    QCOMPARE(t->checks[1].name, QString());
    QCOMPARE(t->checks[2].name, QStringLiteral("My \"ck\""));
    QCOMPARE(t->checks[2].expression, QStringLiteral("id < 10"));
    QVERIFY(t->primaryKey.name.isEmpty());
}

// REFERENCES parent without a column list means the parent's primary key; the pragma
// reports NULL for "to".
void TestCatalogSqlite::referencesWithoutColumns()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE p (a int, b int, PRIMARY KEY (b, a))")));
    QVERIFY(db.exec(QStringLiteral("CREATE TABLE c (x int, y int, FOREIGN KEY (x, y)"
                                   " REFERENCES p)")));
    Result<Schema> schema = readSchema(db);
    TM_VERIFY_OK(schema);
    const TableDef *c = schema->table(QStringLiteral("c"));
    QVERIFY(c);
    QCOMPARE(c->foreignKeys.size(), 1);
    QCOMPARE(c->foreignKeys[0].referencedColumns,
             (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
}

// The count is a constant of the reader, and reading 200 tables (each with an index, a unique
// constraint, a check and a foreign key) works and sees everything. Counting the statements
// actually sent would need sqlite3_trace on the driver handle, which the core does not link.
void TestCatalogSqlite::queryCountIsFixed()
{
    const SqliteCatalogReader reader;
    QCOMPARE(reader.queryCount(), 4);

    ScratchDatabase db(SqlDialect::Sqlite);
    auto connection = connectTo(db.url());
    TM_VERIFY_OK(connection->begin());
    for (int i = 0; i < 200; ++i) {
        const QString ref =
            i == 0 ? QString()
                   : QStringLiteral(" REFERENCES t%1 (id)").arg(i - 1, 3, 10, QLatin1Char('0'));
        const QString name = QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0'));
        TM_VERIFY_OK(connection->exec(
            QStringLiteral("CREATE TABLE %1 (id integer PRIMARY KEY, code text UNIQUE,"
                           " qty int CHECK (qty >= 0), prev int%2)")
                .arg(name, ref)));
        TM_VERIFY_OK(connection->exec(QStringLiteral("CREATE INDEX ix_%1 ON %1 (qty)").arg(name)));
        if (i == 0) {
            Result<Schema> one = reader.read(*connection);
            TM_VERIFY_OK(one);
            QCOMPARE(one->tables.size(), 1);
            QCOMPARE(reader.queryCount(), 4);
        }
    }
    TM_VERIFY_OK(connection->commit());
    Result<Schema> schema = reader.read(*connection);
    TM_VERIFY_OK(schema);
    QCOMPARE(reader.queryCount(), 4);
    QCOMPARE(schema->tables.size(), 200);
    for (const TableDef &t : schema->tables) {
        QCOMPARE(t.columns.size(), 4);
        QCOMPARE(t.indexes.size(), 1);
        QCOMPARE(t.uniqueConstraints.size(), 1);
        QCOMPARE(t.checks.size(), 1);
        QCOMPARE(t.foreignKeys.size(), t.name == u"t000" ? 0 : 1);
    }
}

// The statements SQLite really starts during read(): as many as queryCount() says, for 1 table
// and for 200.
void TestCatalogSqlite::statementsSentAreFixed()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    auto connection = connectTo(db.url());
    const SqliteCatalogReader reader;
    QList<int> counts;
    for (int tables : {1, 200}) {
        TM_VERIFY_OK(connection->begin());
        for (int i = counts.isEmpty() ? 0 : 1; i < tables; ++i)
            TM_VERIFY_OK(connection->exec(
                QStringLiteral("CREATE TABLE t%1 (id integer PRIMARY KEY, a text UNIQUE,"
                               " b int REFERENCES t0 (id))")
                    .arg(i)));
        TM_VERIFY_OK(connection->commit());
        StatementCounter counter(connection->database());
        if (!counter.available())
            QSKIP("Qt's SQLite plugin does not use the system libsqlite3; cannot trace");
        Result<Schema> schema = reader.read(*connection);
        TM_VERIFY_OK(schema);
        QCOMPARE(schema->tables.size(), tables);
        QVERIFY2(counter.count() == reader.queryCount(),
                 qPrintable(counter.statements().join(u'\n')));
        counts.append(counter.count());
    }
    QCOMPARE(counts[0], counts[1]);
}

void TestCatalogSqlite::createForSqlite()
{
    std::unique_ptr<CatalogReader> reader = CatalogReader::create(SqlDialect::Sqlite);
    QVERIFY(dynamic_cast<SqliteCatalogReader *>(reader.get()));
}

QTEST_GUILESS_MAIN(TestCatalogSqlite)
#include "tst_catalog_sqlite.moc"
