// One-message batches on PostgreSQL go through libpq on the driver's own connection, which
// Tidemark looks up at run time instead of linking (db/libpq.h): the batch really is sent as one
// message there, with each statement's command tag and the failing one's SQLSTATE, and nothing
// is sent on SQLite and MariaDB.
#include "db/connection.h"
#include "db/onemessage.h"
#include "testsupport.h"

#include <QTest>

using namespace tidemark;
using namespace tidemark::test;

Q_DECLARE_METATYPE(tidemark::SqlDialect)

namespace {

std::unique_ptr<Connection> openConnection(const ScratchDatabase &db)
{
    Result<DatabaseUrl> parsed = parseDatabaseUrl(db.url());
    if (!parsed)
        return nullptr;
    Result<ConnectionSpec> spec = connectionSpecFor(parsed.value(), ConnectionSettings{});
    if (!spec)
        return nullptr;
    Result<std::unique_ptr<Connection>> connection = Connection::open(spec.value());
    return connection ? std::move(connection).value() : nullptr;
}

} // namespace

class TestOneMessage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sentOnPostgres();
    void notSentElsewhere_data();
    void notSentElsewhere();
};

void TestOneMessage::sentOnPostgres()
{
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    std::unique_ptr<Connection> connection = openConnection(db);
    QVERIFY(connection);
    QVERIFY(sendsOneMessage(*connection));

    std::optional<OneMessageOutcome> sent =
        sendAsOneMessage(*connection, {QStringLiteral("CREATE TABLE shelf (id INT PRIMARY KEY)"),
                                       QStringLiteral("INSERT INTO shelf VALUES (1), (2)"),
                                       QStringLiteral("-- only a comment")});
    QVERIFY2(sent, "nothing sent: libpq was not found beside the PostgreSQL driver");
    QVERIFY2(sent->ok, qPrintable(sent->errorText));
    QCOMPARE(sent->commandTags, (QStringList{"CREATE TABLE", "INSERT 0 2"}));
    QCOMPARE(db.query(QStringLiteral("SELECT COUNT(*) FROM shelf")), QStringList{"2"});

    // One message is one implicit transaction: a failing statement undoes the ones before it.
    sent = sendAsOneMessage(*connection, {QStringLiteral("INSERT INTO shelf VALUES (3)"),
                                          QStringLiteral("INSERT INTO shelf VALUES (1)"),
                                          QStringLiteral("INSERT INTO shelf VALUES (4)")});
    QVERIFY(sent);
    QVERIFY(!sent->ok);
    QCOMPARE(sent->sqlState, QStringLiteral("23505"));
    QVERIFY2(sent->errorText.contains(QStringLiteral("duplicate key")),
             qPrintable(sent->errorText));
    QCOMPARE(db.query(QStringLiteral("SELECT COUNT(*) FROM shelf")), QStringList{"2"});
    QCOMPARE(runAsOneMessage(*connection, {QStringLiteral("SELECT 1"), QStringLiteral("SELECT 2")}),
             std::optional<bool>(true));
}

void TestOneMessage::notSentElsewhere_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("sqlite") << SqlDialect::Sqlite;
    QTest::newRow("mariadb") << SqlDialect::MySql;
}

void TestOneMessage::notSentElsewhere()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    std::unique_ptr<Connection> connection = openConnection(db);
    QVERIFY(connection);
    QVERIFY(!sendsOneMessage(*connection));
    QVERIFY(!sendAsOneMessage(*connection, {QStringLiteral("CREATE TABLE shelf (id INT)")}));
    QVERIFY(!db.tableExists(QStringLiteral("shelf")));
}

QTEST_GUILESS_MAIN(TestOneMessage)
#include "tst_onemessage.moc"
