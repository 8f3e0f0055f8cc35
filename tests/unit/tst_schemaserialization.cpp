// The schema cache's bytes: a schema with every field of every part set comes back equal,
// and bytes that are not a whole schema of this format come back as nothing.
#include "schema/schemaserialization.h"

#include <QTest>

using namespace tidemark;

namespace {

// Every field different from its default, so that a field the serialization forgets shows.
Schema everyField()
{
    ColumnDef column;
    column.name = QStringLiteral("total");
    column.declaredType = QStringLiteral("numeric(10,2)");
    column.normalizedType = QStringLiteral("numeric(10,2)");
    column.nullable = false;
    column.defaultExpression = QStringLiteral("0");
    column.identity = true;
    column.enumType = QStringLiteral("mood");
    column.comment = QStringLiteral("the sum");
    column.identityAlways = true;
    column.identityOptions = QStringLiteral("START WITH 5");
    column.collation = QStringLiteral("C");
    column.generated = QStringLiteral("price * copies");
    column.generatedStored = true;
    column.serial = true;

    TableDef table;
    table.name = QStringLiteral("books");
    table.columns = {column, ColumnDef{}};
    table.primaryKey = {QStringLiteral("books_pkey"), {QStringLiteral("total")}};
    IndexDef index;
    index.name = QStringLiteral("books_lower");
    index.parts = {QStringLiteral("lower(title)"), QStringLiteral("total")};
    index.partIsExpression = {true, false};
    index.unique = true;
    index.where = QStringLiteral("total > 0");
    index.partOptions = {QStringLiteral("text_pattern_ops"), QStringLiteral("DESC")};
    index.include = {QStringLiteral("id")};
    table.indexes = {index};
    table.uniqueConstraints = {{QStringLiteral("books_code"), {QStringLiteral("code")}}};
    table.foreignKeys = {{QStringLiteral("books_author"),
                          {QStringLiteral("author_id")},
                          QStringLiteral("authors"),
                          {QStringLiteral("id")},
                          QStringLiteral("CASCADE"),
                          QStringLiteral("SET NULL"),
                          QStringLiteral("books_author_idx")}};
    table.checks = {{QStringLiteral("books_total"), QStringLiteral("total >= 0")}};
    table.comment = QStringLiteral("all the books");

    SchemaObjectDef routine;
    routine.type = SchemaObjectDef::Type::Routine;
    routine.name = QStringLiteral("add_tax");
    routine.table = QStringLiteral("books");
    routine.arguments = QStringLiteral("integer, text");
    routine.routineKind = QStringLiteral("FUNCTION");
    routine.returns = QStringLiteral("integer");
    routine.definition = QStringLiteral("CREATE FUNCTION add_tax ...");
    routine.indexes = {QStringLiteral("CREATE INDEX ...")};
    routine.ownedBy = QStringLiteral("books.id");
    routine.uses = {QStringLiteral("books")};
    routine.grants = {QStringLiteral("GRANT SELECT ON v TO PUBLIC")};
    SchemaObjectDef view;
    view.type = SchemaObjectDef::Type::MaterializedView;
    view.name = QStringLiteral("v");

    Schema schema;
    schema.tables = {table, TableDef{}};
    schema.enums = {{QStringLiteral("mood"), {QStringLiteral("sad"), QStringLiteral("ok")}}};
    schema.objects = {routine, view};
    return schema;
}

} // namespace

class TestSchemaSerialization : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyFieldComesBack();
    void emptySchemaComesBack();
    void damagedBytesAreRefused();
};

void TestSchemaSerialization::everyFieldComesBack()
{
    const Schema schema = everyField();
    const std::optional<Schema> back = deserializeSchema(serializeSchema(schema));
    QVERIFY(back.has_value());
    QCOMPARE(describeSchema(*back), describeSchema(schema));
    QVERIFY(*back == schema);
    // Each part on its own, so that a failure says which one.
    QVERIFY(back->tables.first().columns.first() == schema.tables.first().columns.first());
    QVERIFY(back->tables.first().indexes == schema.tables.first().indexes);
    QVERIFY(back->tables.first().foreignKeys == schema.tables.first().foreignKeys);
    QVERIFY(back->objects == schema.objects);
}

void TestSchemaSerialization::emptySchemaComesBack()
{
    const std::optional<Schema> back = deserializeSchema(serializeSchema(Schema()));
    QVERIFY(back.has_value());
    QVERIFY(*back == Schema());
}

void TestSchemaSerialization::damagedBytesAreRefused()
{
    const QByteArray bytes = serializeSchema(everyField());
    QVERIFY(!deserializeSchema(QByteArray()).has_value());
    QVERIFY(!deserializeSchema(bytes.left(bytes.size() / 2)).has_value());
    QVERIFY(!deserializeSchema(bytes + "x").has_value());
    QByteArray otherFormat = bytes;
    otherFormat[7] = char(otherFormat[7] + 1); // the format number
    QVERIFY(!deserializeSchema(otherFormat).has_value());
}

QTEST_GUILESS_MAIN(TestSchemaSerialization)
#include "tst_schemaserialization.moc"
