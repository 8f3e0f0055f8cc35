// The schema model's stable text form (golden files and the side-by-side view depend on it) and
// the rule that Jetbase's and Tidemark's own tables are never compared; which names a view's or
// trigger's text mentions.
#include "schema/schemamodel.h"
#include "schema/schemaobject.h"

#include <QTest>

using namespace tidemark;

class TestSchemaModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void describesEveryPart();
    void toolTables_data();
    void toolTables();
    void mentionedNamesSkipStrings();
};

void TestSchemaModel::describesEveryPart()
{
    Schema schema;
    schema.enums.append({QStringLiteral("mood"), {QStringLiteral("sad"), QStringLiteral("happy")}});
    TableDef users;
    users.name = QStringLiteral("users");
    users.columns.append({QStringLiteral("id"), QStringLiteral("integer"),
                          QStringLiteral("integer"), false, QString(), true, QString(), QString(),
                          true, QStringLiteral("START WITH 10"), QString(), QString(), false,
                          false});
    users.columns.append({QStringLiteral("email"), QStringLiteral("character varying(200)"),
                          QStringLiteral("character varying(200)"), false,
                          QStringLiteral("''::character varying"), false, QString(),
                          QStringLiteral("where we write"), false, QString(), QStringLiteral("C"),
                          QString(), false, false});
    users.columns.append({QStringLiteral("feeling"), QStringLiteral("mood"), QStringLiteral("mood"),
                          true, QString(), false, QStringLiteral("mood"), QString(), false,
                          QString(), QString(), QStringLiteral("id * 2"), true, false});
    users.primaryKey = {QStringLiteral("users_pkey"), {QStringLiteral("id")}};
    users.uniqueConstraints.append({QStringLiteral("users_email_key"), {QStringLiteral("email")}});
    users.indexes.append({QStringLiteral("ix_lower_email"),
                          {QStringLiteral("lower(email)")},
                          {true},
                          false,
                          QStringLiteral("(id > 0)"),
                          {QStringLiteral("DESC")},
                          {QStringLiteral("id")}});
    users.foreignKeys.append({QStringLiteral("fk_self"),
                              {QStringLiteral("id")},
                              QStringLiteral("users"),
                              {QStringLiteral("id")},
                              QStringLiteral("CASCADE"),
                              QStringLiteral("NO ACTION"),
                              QString()}); // no backing index outside MariaDB
    users.checks.append({QStringLiteral("ck_id"), QStringLiteral("id > 0")});
    users.comment = QStringLiteral("people");
    schema.tables.append(users);
    SchemaObjectDef view;
    view.name = QStringLiteral("emails");
    view.definition = QStringLiteral("CREATE VIEW emails AS\n SELECT email\n   FROM users");
    schema.objects.append(view);

    QCOMPARE(describeSchema(schema),
             QStringLiteral(
                 "enum mood (sad, happy)\n"
                 "table users\n"
                 "  comment 'people'\n"
                 "  column id integer not null identity always (START WITH 10)\n"
                 "  column email character varying(200) not null default ''::character varying "
                 "collate C comment 'where we write'\n"
                 "  column feeling mood generated (id * 2) stored enum mood\n"
                 "  primary key (id)\n"
                 "  check id > 0\n"
                 "  foreign key (id) references users (id) on delete CASCADE on update NO ACTION\n"
                 "  index ix_lower_email (lower(email) DESC) include (id) where (id > 0)\n"
                 "  unique (email)\n"
                 "view emails\n"
                 "    CREATE VIEW emails AS\n"
                 "     SELECT email\n"
                 "       FROM users\n"));
    QVERIFY(schema.table(QStringLiteral("users")));
    QVERIFY(!schema.table(QStringLiteral("Users")));
    QCOMPARE(schema.table(QStringLiteral("users"))->column(QStringLiteral("email"))->nullable,
             false);
}

void TestSchemaModel::toolTables_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("tool");
    QTest::newRow("jetbase_migrations") << "jetbase_migrations" << true;
    QTest::newRow("jetbase_lock") << "jetbase_lock" << true;
    QTest::newRow("tidemark_journal") << "tidemark_journal" << true;
    QTest::newRow("upper case (Snowflake)") << "JETBASE_MIGRATIONS" << true;
    QTest::newRow("user table") << "migrations" << false;
    QTest::newRow("prefix only inside") << "my_jetbase_notes" << false;
}

void TestSchemaModel::toolTables()
{
    QFETCH(QString, name);
    QFETCH(bool, tool);
    QCOMPARE(isToolTable(name), tool);
}

void TestSchemaModel::mentionedNamesSkipStrings()
{
    const QStringList names{QStringLiteral("a"), QStringLiteral("t"), QStringLiteral("Mixed")};
    // MariaDB: \' inside a string is a quote, so "a" is still inside the string.
    QCOMPARE(mentionedNames(QStringLiteral("SELECT 'it\\'s a' FROM t"), names, true),
             QStringList{QStringLiteral("t")});
    // PostgreSQL and SQLite: the backslash is a character and the string ends at the quote.
    QStringList standard = mentionedNames(QStringLiteral("SELECT 'x\\' AS a FROM t"), names);
    standard.sort();
    QCOMPARE(standard, (QStringList{QStringLiteral("a"), QStringLiteral("t")}));
    // Quoted names keep their case, bare words fold.
    QCOMPARE(mentionedNames(QStringLiteral("SELECT * FROM \"mixed\", `Mixed`"), names),
             QStringList{QStringLiteral("Mixed")});
    QCOMPARE(mentionedNames(QStringLiteral("SELECT * FROM MIXED"), names),
             QStringList{QStringLiteral("Mixed")});
}

QTEST_GUILESS_MAIN(TestSchemaModel)
#include "tst_schemamodel.moc"
