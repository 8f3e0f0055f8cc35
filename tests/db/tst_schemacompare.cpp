// The comparer on schemas read back from real databases: the before schema in one scratch
// database, the after schema in another of the same kind, both read by the catalog reader.
// Identical SQL must compare equal (the normalisation is stable), and each kind of change must
// be detected, on SQLite, PostgreSQL and MariaDB.
#include "db/connection.h"
#include "schema/catalogreader.h"
#include "schema/schemacomparer.h"
#include "testsupport.h"

#include <QTest>

using namespace tidemark;
using namespace tidemark::test;

Q_DECLARE_METATYPE(tidemark::SqlDialect)

namespace {

Schema readSchema(const ScratchDatabase &db)
{
    auto connection = connectTo(db.url());
    Result<Schema> schema = CatalogReader::create(db.dialect())->read(*connection);
    if (!schema)
        qFatal("%s", qPrintable(schema.error().fullText()));
    return schema.value();
}

void load(const ScratchDatabase &db, const QStringList &statements)
{
    for (const QString &sql : statements) {
        QString error;
        if (!db.exec(sql, &error))
            qFatal("%s: %s", qPrintable(sql), qPrintable(error));
    }
}

const QString Base = QStringLiteral(
    "CREATE TABLE authors (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(100) NOT NULL, "
    "country VARCHAR(2) DEFAULT 'NZ', CHECK (id > 0))");
const QString Books = QStringLiteral(
    "CREATE TABLE books (id INTEGER NOT NULL PRIMARY KEY, author_id INTEGER NOT NULL, "
    "title VARCHAR(200) NOT NULL, FOREIGN KEY (author_id) REFERENCES authors (id))");

// The SQL with one part replaced: how each case derives its after schema from the base.
QString edited(const QString &sql, const char16_t *from, const char16_t *to)
{
    return QString(sql).replace(QString::fromUtf16(from), QString::fromUtf16(to));
}

} // namespace

class TestSchemaCompare : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detects_data();
    void detects();
};

void TestSchemaCompare::detects_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QStringList>("before");
    QTest::addColumn<QStringList>("after");
    QTest::addColumn<QStringList>("kinds");      // sorted kind names
    QTest::addColumn<QStringList>("candidates"); // rename candidate summaries' "old=new"

    struct Case
    {
        const char *name;
        QStringList before, after, kinds, candidates;
    };
    const QList<Case> cases = {
        {"identical",
         {Base, Books, QStringLiteral("CREATE INDEX ix_books_title ON books (title)")},
         {Base, Books, QStringLiteral("CREATE INDEX ix_books_title ON books (title)")},
         {},
         {}},
        {"add table", {Base}, {Base, Books}, {"add_table"}, {}},
        {"drop table", {Base, Books}, {Base}, {"drop_table"}, {}},
        {"add column",
         {Base},
         {edited(Base, u"country VARCHAR(2)", u"born INTEGER, country VARCHAR(2)")},
         {"add_column"},
         {}},
        {"drop column",
         {Base},
         {edited(Base, u", country VARCHAR(2) DEFAULT 'NZ'", u"")},
         {"drop_column"},
         {}},
        {"type change",
         {Base},
         {edited(Base, u"name VARCHAR(100)", u"name VARCHAR(150)")},
         {"change_column_type"},
         {}},
        {"nullability",
         {Base},
         {edited(Base, u"name VARCHAR(100) NOT NULL", u"name VARCHAR(100)")},
         {"change_column_nullability"},
         {}},
        {"default",
         {Base},
         {edited(Base, u"DEFAULT 'NZ'", u"DEFAULT 'AU'")},
         {"change_column_default"},
         {}},
        {"add index",
         {Base},
         {Base, QStringLiteral("CREATE INDEX ix_authors_name ON authors (name)")},
         {"add_index"},
         {}},
        {"changed index",
         {Base, QStringLiteral("CREATE INDEX ix_a ON authors (name)")},
         {Base, QStringLiteral("CREATE INDEX ix_a ON authors (name, country)")},
         {"add_index", "drop_index"},
         {}},
        {"unique",
         {Base},
         {edited(Base, u", CHECK (id > 0))", u", CHECK (id > 0), UNIQUE (name))")},
         {"add_unique"},
         {}},
        {"foreign key action",
         {Base, Books},
         {Base,
          edited(Books, u"REFERENCES authors (id)", u"REFERENCES authors (id) ON DELETE CASCADE")},
         {"add_foreign_key", "drop_foreign_key"},
         {}},
        {"check",
         {Base},
         {edited(Base, u"CHECK (id > 0)", u"CHECK (id > 10)")},
         {"add_check", "drop_check"},
         {}},
        {"column rename candidate",
         {Base},
         {edited(Base, u"name VARCHAR(100)", u"full_name VARCHAR(100)")},
         {"add_column", "drop_column"},
         {"authors.name=full_name"}},
        {"table rename candidate",
         {Base},
         {edited(Base, u"TABLE authors", u"TABLE writers")},
         {"add_table", "drop_table"},
         {"authors=writers"}},
    };
    const QList<QPair<const char *, SqlDialect>> dialects = {{"sqlite", SqlDialect::Sqlite},
                                                             {"postgresql", SqlDialect::Postgres},
                                                             {"mariadb", SqlDialect::MySql}};
    for (const auto &[dialectName, dialect] : dialects) {
        for (const Case &c : cases) {
            QTest::addRow("%s: %s", dialectName, c.name)
                << dialect << c.before << c.after << c.kinds << c.candidates;
        }
    }
}

void TestSchemaCompare::detects()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QStringList, before);
    QFETCH(QStringList, after);
    QFETCH(QStringList, kinds);
    QFETCH(QStringList, candidates);
    ScratchDatabase current(dialect);
    TIDEMARK_REQUIRE(current);
    ScratchDatabase desired(dialect);
    load(current, before);
    load(desired, after);

    const SchemaDiff diff = compareSchemas(readSchema(current), readSchema(desired));
    QStringList found, summaries;
    for (const SchemaChange &c : diff.changes) {
        found.append(schemaChangeKindName(c.kind));
        summaries.append(c.summary());
    }
    found.sort();
    QVERIFY2(found == kinds, qPrintable(summaries.join(u'\n')));
    QStringList proposed;
    for (const RenameCandidate &r : diff.renameCandidates)
        proposed.append(r.isTable() ? QString(r.oldName + u'=' + r.newName)
                                    : QString(r.table + u'.' + r.oldName + u'=' + r.newName));
    QCOMPARE(proposed, candidates);
    // The reverse direction finds the mirror image (what a rollback has to undo).
    const SchemaDiff back = compareSchemas(readSchema(desired), readSchema(current));
    QCOMPARE(back.changes.size(), diff.changes.size());
}

QTEST_GUILESS_MAIN(TestSchemaCompare)
#include "tst_schemacompare.moc"
