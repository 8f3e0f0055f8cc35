// The Jetbase checksum must match byte for byte: every golden vector of JETBASE-COMPAT.md §4.
#include "migration/migrationtext.h"

#include <QTest>

using namespace tidemark;

class TestChecksum : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void goldenVectors_data();
    void goldenVectors();
    void sections_data();
    void sections();
    void invalidUtf8();
    void pythonWhitespace();
    void cutAtMarker_data();
    void cutAtMarker();
};

void TestChecksum::goldenVectors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("checksum");
    QTest::addColumn<QStringList>("statements");
    const QString empty =
        QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    QTest::newRow("empty") << QByteArray() << empty << QStringList();
    QTest::newRow("insert with rollback")
        << QByteArray("INSERT INTO users (name) VALUES ('mike2');\n\n--rollback\nDELETE FROM users "
                      "WHERE name = 'mike2';")
        << QStringLiteral("9aea75ac1662c9e06491f28c86e9b125bc483e7e6e1f5ecc5adefb2a3dc38903")
        << QStringList{QStringLiteral("INSERT INTO users (name) VALUES ('mike2')")};
    QTest::newRow("multi-line create")
        << QByteArray("CREATE TABLE users (\n    id SERIAL PRIMARY KEY,\n    name VARCHAR(255) NOT "
                      "NULL\n);")
        << QStringLiteral("d2f84e0a79e8039495a9c8a5186a397c7798109039aba234392315c7fc5296d5")
        << QStringList{QStringLiteral(
               "CREATE TABLE users ( id SERIAL PRIMARY KEY, name VARCHAR(255) NOT NULL )")};
    QTest::newRow("two creates")
        << QByteArray("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n")
        << QStringLiteral("a2cc86546adf99f254322e3a15ae2d4d9b0c42f8f4e9b68321c7577c74cf53f3")
        << QStringList{QStringLiteral("CREATE TABLE a (id INT)"),
                       QStringLiteral("CREATE TABLE b (id INT)")};
    QTest::newRow("crlf") << QByteArray("-- upgrade\r\nCREATE TABLE a (\r\n    id "
                                        "INT\r\n);\r\n\r\n-- rollback\r\nDROP TABLE a;\r\n")
                          << QStringLiteral(
                                 "c1a8c7b7384cc6fcc5df25a879bb6ca2be506ad2c144b0a16e8ffc08e32131c5")
                          << QStringList{QStringLiteral("CREATE TABLE a ( id INT )")};
    QTest::newRow("custom delimiter")
        << QByteArray("-- jetbase: delimiter=~\nCREATE FUNCTION f() RETURNS int AS $$\nBEGIN\n  "
                      "RETURN 1;\nEND;\n$$ LANGUAGE plpgsql;~\n-- rollback\nDROP FUNCTION f();~\n")
        << QStringLiteral("3a6c3b1a500c781fc1e4c0644698b4c7aae011fb7168a092ee9ea3027a9f7e80")
        << QStringList{QStringLiteral(
               "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END; $$ LANGUAGE plpgsql;")};
    QTest::newRow("double delimiter and tabs")
        << QByteArray("SELECT 1;;\n\tSELECT   2 ;  \n")
        << QStringLiteral("cb71636d302d7d1160b3a984aa5f513be8d93242c3afa3f014255caa6e8ac5cb")
        << QStringList{QStringLiteral("SELECT 1"), QStringLiteral("SELECT   2")};
    QTest::newRow("unterminated last statement dropped")
        << QByteArray("SELECT 1;\nSELECT 2")
        << QStringLiteral("e004ebd5b5532a4b85984a62f8ad48a81aa3460c1ca07701f386135d72cdecf5")
        << QStringList{QStringLiteral("SELECT 1")};
    QTest::newRow("delimiter on its own line")
        << QByteArray("SELECT 1\n;\n")
        << QStringLiteral("e004ebd5b5532a4b85984a62f8ad48a81aa3460c1ca07701f386135d72cdecf5")
        << QStringList{QStringLiteral("SELECT 1")};
    QTest::newRow("indented rollback marker first")
        << QByteArray("   --   ROLLBACK   \nSELECT 1;\n") << empty << QStringList();
    QTest::newRow("inline comment blocks the split")
        << QByteArray("INSERT INTO t VALUES (1); -- note\nINSERT INTO t VALUES (2);\n")
        << QStringLiteral("7d86ddc0c5de8808494ac21d7fadd5b34fcac676a6000b06bd7397e32f2b89b1")
        << QStringList{
               QStringLiteral("INSERT INTO t VALUES (1); -- note INSERT INTO t VALUES (2)")};
    QTest::newRow("bom before sql")
        << QByteArray("\xEF\xBB\xBFSELECT 1;\n")
        << QStringLiteral("df34c86878a360f5a6bf2db2dba77d04776f63913c7134bbf6838ee50d841498")
        << QStringList{QString(QChar(0xFEFF)) + QStringLiteral("SELECT 1")};
    QTest::newRow("bom before comment")
        << QByteArray("\xEF\xBB\xBF-- upgrade\nSELECT 1;\n")
        << QStringLiteral("ed40ce2a3512ddd6d15d771ec07f0973c4b5771bdb221a531077768bef4cacdc")
        << QStringList{QString(QChar(0xFEFF)) + QStringLiteral("-- upgrade SELECT 1")};
}

void TestChecksum::goldenVectors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, checksum);
    QFETCH(QStringList, statements);
    Result<MigrationText> text = parseMigrationText(content);
    QVERIFY2(text.ok(), qPrintable(text.error().message));
    QCOMPARE(text->checksum, checksum);
    if (!statements.isEmpty() || checksum.startsWith(u"e3b0"))
        QCOMPARE(text->jetbaseUpgradeStatements, statements);
}

void TestChecksum::sections_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("delimiter");
    QTest::addColumn<QString>("upgrade");
    QTest::addColumn<QString>("rollback");
    QTest::addColumn<int>("rollbackFirstLine");
    QTest::newRow("no rollback") << QByteArray("-- upgrade\nSELECT 1;\n") << ";"
                                 << "-- upgrade\nSELECT 1;"
                                 << "" << 0;
    QTest::newRow("both") << QByteArray("-- upgrade\nSELECT 1;\n-- rollback\nSELECT 2;\n") << ";"
                          << "-- upgrade\nSELECT 1;"
                          << "SELECT 2;" << 4;
    QTest::newRow("marker variants") << QByteArray("A;\n--ROLLBACK\nB;\n") << ";"
                                     << "A;"
                                     << "B;" << 3;
    QTest::newRow("rollback: is not a marker") << QByteArray("A;\n-- rollback:\nB;\n") << ";"
                                               << "A;\n-- rollback:\nB;"
                                               << "" << 0;
    QTest::newRow("second marker is a comment")
        << QByteArray("A;\n-- rollback\nB;\n-- rollback\nC;\n") << ";"
        << "A;"
        << "B;\n-- rollback\nC;" << 3;
    QTest::newRow("directive after comments")
        << QByteArray("\n-- header\n  -- JETBASE:  Delimiter=$$  \nA$$\n") << "$$"
        << "\n-- header\n  -- JETBASE:  Delimiter=$$  \nA$$"
        << "" << 0;
    QTest::newRow("directive after sql is ignored")
        << QByteArray("A;\n-- jetbase: delimiter=~\n") << ";"
        << "A;\n-- jetbase: delimiter=~"
        << "" << 0;
    QTest::newRow("lone cr") << QByteArray("A;\r-- rollback\rB;\r") << ";"
                             << "A;"
                             << "B;" << 3;
}

void TestChecksum::sections()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, delimiter);
    QFETCH(QString, upgrade);
    QFETCH(QString, rollback);
    QFETCH(int, rollbackFirstLine);
    Result<MigrationText> text = parseMigrationText(content);
    QVERIFY(text.ok());
    QCOMPARE(text->delimiter, delimiter);
    QCOMPARE(text->upgradeSql, upgrade);
    QCOMPARE(text->rollbackSql, rollback);
    QCOMPARE(text->rollbackFirstLine, rollbackFirstLine);
}

void TestChecksum::invalidUtf8()
{
    Result<MigrationText> text = parseMigrationText(QByteArray("SELECT 1;\nSELECT 'caf\xE9';\n"));
    QVERIFY(!text.ok());
    QCOMPARE(text.error().code, Error::Code::Encoding);
    QCOMPARE(text.error().line, 2);
    QVERIFY(text.error().message.contains(u"UTF-8"));
    // Overlong encodings and surrogates are invalid too.
    QVERIFY(!parseMigrationText(QByteArray("\xC0\xAF")).ok());
    QVERIFY(!parseMigrationText(QByteArray("\xED\xA0\x80")).ok());
    QVERIFY(parseMigrationText(QByteArray("SELECT 'caf\xC3\xA9';")).ok());
}

void TestChecksum::pythonWhitespace()
{
    // U+001F is whitespace to Python's str.strip() (not to QChar::isSpace): it must not change
    // the checksum when it only surrounds a line.
    Result<MigrationText> a = parseMigrationText(QByteArray("SELECT 1;\n"));
    Result<MigrationText> b = parseMigrationText(QByteArray("\x1fSELECT 1;\x1f\n"));
    QCOMPARE(a->checksum, b->checksum);
}

// The editors' cut: the same marker as parseMigrationText, and the parts give the text back.
void TestChecksum::cutAtMarker_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("upgrade");
    QTest::addColumn<QString>("marker");
    QTest::addColumn<int>("markerLine");
    QTest::newRow("no marker") << QStringLiteral("CREATE TABLE a (id INT);\n")
                               << QStringLiteral("CREATE TABLE a (id INT);\n") << QString() << 0;
    QTest::newRow("template") << QStringLiteral("-- upgrade\n\n-- rollback\n")
                              << QStringLiteral("-- upgrade\n\n") << QStringLiteral("-- rollback\n")
                              << 3;
    QTest::newRow("crlf") << QStringLiteral("A;\r\n  --ROLLBACK  \r\nB;\r\n")
                          << QStringLiteral("A;\r\n") << QStringLiteral("  --ROLLBACK  \r\n") << 2;
    QTest::newRow("lone cr") << QStringLiteral("A;\r-- rollback\rB;") << QStringLiteral("A;\r")
                             << QStringLiteral("-- rollback\r") << 2;
    QTest::newRow("marker last, no break")
        << QStringLiteral("A;\n--rollback") << QStringLiteral("A;\n")
        << QStringLiteral("--rollback") << 2;
    QTest::newRow("not a marker") << QStringLiteral("A;\n-- rollback: later\n")
                                  << QStringLiteral("A;\n-- rollback: later\n") << QString() << 0;
    QTest::newRow("first of two") << QStringLiteral("-- rollback\nB;\n-- rollback\nC;") << QString()
                                  << QStringLiteral("-- rollback\n") << 1;
}

void TestChecksum::cutAtMarker()
{
    QFETCH(QString, text);
    QFETCH(QString, upgrade);
    QFETCH(QString, marker);
    QFETCH(int, markerLine);
    const MigrationSections sections = cutAtRollbackMarker(text);
    QCOMPARE(sections.upgrade, upgrade);
    QCOMPARE(sections.marker, marker);
    QCOMPARE(sections.markerLine, markerLine);
    QCOMPARE(sections.upgrade + sections.marker + sections.rollback, text);
    const Result<MigrationText> parsed = parseMigrationText(text.toUtf8());
    QVERIFY(parsed);
    QCOMPARE(parsed.value().rollbackFirstLine, markerLine ? markerLine + 1 : 0);
}

QTEST_GUILESS_MAIN(TestChecksum)
#include "tst_checksum.moc"
