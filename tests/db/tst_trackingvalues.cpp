// Values Tidemark writes into its tables arrive byte for byte, whatever they contain: quotes,
// backslashes, question marks (bind placeholders), comment markers and non-ASCII text. On the
// servers they are sent as literals escaped by the driver, so this guards that escaping.
#include "engine/migrationservice.h"
#include "testsupport.h"

#include <QTest>

using namespace tidemark;
using namespace tidemark::test;

Q_DECLARE_METATYPE(tidemark::SqlDialect)

class TestTrackingValues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hostileValuesRoundTrip_data();
    void hostileValuesRoundTrip();
};

void TestTrackingValues::hostileValuesRoundTrip_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::newRow("sqlite") << SqlDialect::Sqlite;
    QTest::newRow("postgresql") << SqlDialect::Postgres;
    QTest::newRow("mariadb") << SqlDialect::MySql;
}

void TestTrackingValues::hostileValuesRoundTrip()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    // MariaDB treats a backslash in a string literal as an escape: double it in the SQL so the
    // stored value is the same single backslash everywhere.
    const QByteArray backslash = dialect == SqlDialect::MySql ? "\\\\" : "\\";
    const QByteArray sql = "CREATE TABLE notes (body VARCHAR(200));\n"
                           "INSERT INTO notes VALUES ('O''Brien ? -- not a comment; " +
                           backslash + " end é 東');\n";
    project.write("V1__o'brien_? notes.sql", sql);

    ProjectOptions options;
    options.projectDir = project.root();
    Result<Project> opened = Project::open(options);
    QVERIFY2(opened.ok(), qPrintable(opened.error().fullText()));
    MigrationService service(opened.value());
    Result<RunOutcome> outcome = service.upgrade(UpgradeOptions{}, false);
    QVERIFY2(outcome.ok() && outcome->run.ok(),
             qPrintable(outcome.ok() ? outcome->run.error.fullText() : outcome.error().fullText()));

    QCOMPARE(db.query("SELECT body FROM notes"),
             QStringList{QString::fromUtf8("O'Brien ? -- not a comment; \\ end é 東")});
    QCOMPARE(db.query("SELECT filename FROM jetbase_migrations"),
             QStringList{QStringLiteral("V1__o'brien_? notes.sql")});
    QCOMPARE(db.query("SELECT description FROM jetbase_migrations"),
             QStringList{QStringLiteral("o'brien ? notes")});
    QCOMPARE(
        db.query("SELECT sql_text FROM tidemark_journal"),
        QStringList{QStringLiteral("CREATE TABLE notes (body VARCHAR(200));\n") +
                    QString::fromUtf8("INSERT INTO notes VALUES ('O''Brien ? -- not a comment; " +
                                      backslash + " end é 東');\n")});
    // NULLs stay NULL (no "NULL" strings, no empty strings).
    QCOMPARE(db.query("SELECT COUNT(*) FROM tidemark_journal WHERE error_text IS NULL AND "
                      "failing_line IS NULL"),
             QStringList{"1"});
}

QTEST_GUILESS_MAIN(TestTrackingValues)
#include "tst_trackingvalues.moc"
