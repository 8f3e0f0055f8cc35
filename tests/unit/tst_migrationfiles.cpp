// File names, version keys and ordering, and the recursive scan (JETBASE-COMPAT.md §3).
#include "migration/migrationset.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace tidemark;

class TestMigrationFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void names_data();
    void names();
    void ordering_data();
    void ordering();
    void scan();
    void scanErrors_data();
    void scanErrors();
    void largeScan();
    void nearMissesAreListed();
    void nonRegularFilesAreRefused_data();
    void nonRegularFilesAreRefused();

private:
    static void write(const QString &dir, const QString &relative,
                      const QByteArray &content = "SELECT 1;\n");
};

void TestMigrationFiles::write(const QString &dir, const QString &relative,
                               const QByteArray &content)
{
    const QString path = dir + u'/' + relative;
    QDir().mkpath(path.section(u'/', 0, -2));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

void TestMigrationFiles::names_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("description");
    QTest::newRow("simple") << "V1__initial_setup.sql" << true << "VERSIONED"
                            << "1"
                            << "initial setup";
    QTest::newRow("underscore version") << "V1_2__add_feature.sql" << true << "VERSIONED"
                                        << "1.2"
                                        << "add feature";
    QTest::newRow("dotted") << "V1.2.3__fix_bug.sql" << true << "VERSIONED"
                            << "1.2.3"
                            << "fix bug";
    QTest::newRow("timestamp") << "V20260204_120000__x.sql" << true << "VERSIONED"
                               << "20260204.120000"
                               << "x";
    QTest::newRow("mixed") << "V2_1.5__x.sql" << true << "VERSIONED"
                           << "2.1.5"
                           << "x";
    QTest::newRow("leading zero kept") << "V01__x.sql" << true << "VERSIONED"
                                       << "01"
                                       << "x";
    QTest::newRow("extra underscore") << "V1___x.sql" << true << "VERSIONED"
                                      << "1"
                                      << " x";
    QTest::newRow("runs always") << "RA__refresh_views.sql" << true << "RUNS_ALWAYS"
                                 << ""
                                 << "refresh views";
    QTest::newRow("runs on change") << "ROC__functions.sql" << true << "RUNS_ON_CHANGE"
                                    << ""
                                    << "functions";
    QTest::newRow("no V") << "1__x.sql" << false << ""
                          << ""
                          << "";
    QTest::newRow("dash") << "V1-add.sql" << false << ""
                          << ""
                          << "";
    QTest::newRow("txt") << "V1__x.txt" << false << ""
                         << ""
                         << "";
    QTest::newRow("no version") << "V__x.sql" << false << ""
                                << ""
                                << "";
    QTest::newRow("double dot") << "V1..2__d.sql" << false << ""
                                << ""
                                << "";
    QTest::newRow("dot underscore") << "V1._2__d.sql" << false << ""
                                    << ""
                                    << "";
    QTest::newRow("trailing dot") << "V1.__d.sql" << false << ""
                                  << ""
                                  << "";
    QTest::newRow("upper SQL") << "V1_2_3__d.SQL" << false << ""
                               << ""
                               << "";
    QTest::newRow("empty description") << "V1_2_3__.sql" << false << ""
                                       << ""
                                       << "";
    QTest::newRow("blank description") << "V1_2_3__   .sql" << false << ""
                                       << ""
                                       << "";
    QTest::newRow("R__ is not a prefix") << "R__x.sql" << false << ""
                                         << ""
                                         << "";
    QTest::newRow("lower v") << "v1__x.sql" << false << ""
                             << ""
                             << "";
    QTest::newRow("too long") << QString(u"V1__" + QString(505, u'a') + u".sql") << false << ""
                              << ""
                              << "";
    QTest::newRow("512 is fine") << QString(u"V1__" + QString(504, u'a') + u".sql") << true
                                 << "VERSIONED"
                                 << "1" << QString(504, u'a');
}

void TestMigrationFiles::names()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QFETCH(QString, kind);
    QFETCH(QString, key);
    QFETCH(QString, description);
    Result<MigrationName> parsed = parseMigrationFileName(name);
    QCOMPARE(parsed.ok(), valid);
    if (!valid) {
        QCOMPARE(parsed.error().code, Error::Code::FileName);
        QVERIFY(parsed.error().message.contains(name.left(40)));
        QVERIFY(!parsed.error().hint.isEmpty());
        return;
    }
    QCOMPARE(migrationTypeName(parsed->kind), kind);
    QCOMPARE(parsed->version.key(), key);
    QCOMPARE(parsed->description, description);
}

void TestMigrationFiles::ordering_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("1 == 1.0") << "1"
                              << "1.0" << 0;
    QTest::newRow("1 == 01") << "1"
                             << "01" << 0;
    QTest::newRow("1 == 1.0.0") << "1"
                                << "1.0.0" << 0;
    QTest::newRow("1.10 > 1.9") << "1.10"
                                << "1.9" << 1;
    QTest::newRow("21 > 4") << "21"
                            << "4" << 1;
    QTest::newRow("11 > 2.0.0") << "11"
                                << "2.0.0" << 1;
    QTest::newRow("2 < 10") << "2"
                            << "10" << -1;
    QTest::newRow("timestamp after small") << "20260204.120000"
                                           << "999" << 1;
    QTest::newRow("huge components") << "123456789012345678901234567890"
                                     << "123456789012345678901234567889" << 1;
    QTest::newRow("1.0.1 > 1") << "1.0.1"
                               << "1" << 1;
}

void TestMigrationFiles::ordering()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(Version::fromKey(a).compare(Version::fromKey(b)), expected);
    QCOMPARE(Version::fromKey(b).compare(Version::fromKey(a)), -expected);
}

void TestMigrationFiles::scan()
{
    QTemporaryDir dir;
    write(dir.path(), "V10__ten.sql");
    write(dir.path(), "V2__two.sql");
    write(dir.path(), "sub/deeper/V1_5__one_five.sql");
    write(dir.path(), "RA__b.sql");
    write(dir.path(), "a/RA__a.sql");
    write(dir.path(), "ROC__r.sql");
    write(dir.path(), ".gitkeep", "");
    write(dir.path(), "README.md", "# notes__x.sql\n");
    write(dir.path(), "notes__x.txt", "");
    write(dir.path(), ".hidden.sql", "not a migration");
    write(dir.path(), "V3__upper.SQL", "");
    Result<MigrationSet> set = MigrationSet::scan(dir.path());
    QVERIFY2(set.ok(), qPrintable(set.error().fullText()));
    QStringList versioned;
    for (const Migration &m : set->versioned())
        versioned.append(m.fileName);
    QCOMPARE(versioned, (QStringList{"V1_5__one_five.sql", "V2__two.sql", "V10__ten.sql"}));
    QCOMPARE(set->runsAlways().size(), 2);
    QCOMPARE(set->runsAlways().at(0).relativePath, QStringLiteral("RA__b.sql"));
    QCOMPARE(set->runsAlways().at(1).relativePath, QStringLiteral("a/RA__a.sql"));
    QCOMPARE(set->runsOnChange().size(), 1);
    QVERIFY(set->findVersion(Version::fromKey("1.5.0")));
    QVERIFY(set->findFile("ROC__r.sql"));
    QVERIFY(!set->findFile("V3__upper.SQL"));
}

void TestMigrationFiles::scanErrors_data()
{
    QTest::addColumn<QStringList>("files");
    QTest::addColumn<int>("code");
    QTest::addColumn<QStringList>("mentions");
    QTest::newRow("invalid name") << QStringList{"V1__ok.sql", "V1-bad.sql"}
                                  << int(Error::Code::FileName) << QStringList{"V1-bad.sql"};
    QTest::newRow("same version string")
        << QStringList{"V1_0__a.sql", "V1.0__b.sql"} << int(Error::Code::Duplicate)
        << QStringList{"V1_0__a.sql", "V1.0__b.sql"};
    QTest::newRow("numerically equal")
        << QStringList{"V1__a.sql", "sub/V01__b.sql"} << int(Error::Code::Duplicate)
        << QStringList{"V1__a.sql", "V01__b.sql"};
    QTest::newRow("trailing zero") << QStringList{"V2__a.sql", "V2.0.0__b.sql"}
                                   << int(Error::Code::Duplicate) << QStringList{"V2.0.0__b.sql"};
    QTest::newRow("same base name")
        << QStringList{"x/RA__a.sql", "y/RA__a.sql"} << int(Error::Code::Duplicate)
        << QStringList{"x/RA__a.sql", "y/RA__a.sql"};
}

void TestMigrationFiles::scanErrors()
{
    QFETCH(QStringList, files);
    QFETCH(int, code);
    QFETCH(QStringList, mentions);
    QTemporaryDir dir;
    for (const QString &f : files)
        write(dir.path(), f);
    Result<MigrationSet> set = MigrationSet::scan(dir.path());
    QVERIFY(!set.ok());
    QCOMPARE(int(set.error().code), code);
    const QString text = set.error().fullText();
    for (const QString &m : mentions)
        QVERIFY2(text.contains(m), qPrintable(text));
}

// A folder large enough to be read on several threads: every file lands in its place (V files by
// version, RA and ROC files by path), and of two unreadable files the one first in path order
// is reported, whichever thread reads it.
void TestMigrationFiles::largeScan()
{
    QTemporaryDir dir;
    for (int i = 1; i <= 150; ++i) // paths sort V1, V10, V100, V101...; versions 1, 2, 3...
        write(dir.path(), QStringLiteral("V%1__file_%1.sql").arg(i),
              QStringLiteral("SELECT %1;\n").arg(i).toUtf8());
    for (int i = 0; i < 30; ++i) {
        write(dir.path(), QStringLiteral("r%1/RA__always_%1.sql").arg(i, 2, 10, QChar(u'0')));
        write(dir.path(), QStringLiteral("ROC__change_%1.sql").arg(i, 2, 10, QChar(u'0')));
    }
    Result<MigrationSet> set = MigrationSet::scan(dir.path());
    QVERIFY2(set.ok(), qPrintable(set.error().fullText()));
    QCOMPARE(set->versioned().size(), 150);
    for (int i = 0; i < 150; ++i) {
        const Migration &m = set->versioned().at(i);
        QCOMPARE(m.fileName, QStringLiteral("V%1__file_%1.sql").arg(i + 1));
        QCOMPARE(m.text.upgradeSql, QStringLiteral("SELECT %1;").arg(i + 1));
        QCOMPARE(set->findFile(m.fileName), &m);
    }
    QCOMPARE(set->runsAlways().size(), 30);
    QCOMPARE(set->runsOnChange().size(), 30);
    for (int i = 1; i < 30; ++i) {
        QVERIFY(set->runsAlways().at(i - 1).relativePath < set->runsAlways().at(i).relativePath);
        QCOMPARE(set->runsOnChange().at(i).fileName,
                 QStringLiteral("ROC__change_%1.sql").arg(i, 2, 10, QChar(u'0')));
    }

    // Not UTF-8: neighbours in path order (V100, V101, V102; "V10__" sorts after them), read by
    // different threads, which take every other file; the first in path order is reported.
    // Then again without V100, so that the first bad file is on the other thread.
    for (const char *bad : {"V100__file_100.sql", "V101__file_101.sql", "V102__file_102.sql"})
        write(dir.path(), QString::fromLatin1(bad), "SELECT '\xff';\n");
    for (const QString &expected :
         {QStringLiteral("V100__file_100.sql"), QStringLiteral("V101__file_101.sql")}) {
        set = MigrationSet::scan(dir.path());
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, Error::Code::Encoding);
        QVERIFY2(set.error().file.endsWith(u'/' + expected), qPrintable(set.error().fullText()));
        write(dir.path(), expected);
    }
}

// Entries that look like migrations but are not read are listed with the reason; the rest of
// the folder is scanned as before.
void TestMigrationFiles::nearMissesAreListed()
{
    QTemporaryDir dir;
    write(dir.path(), QStringLiteral("V1__ok.sql"));
    write(dir.path(), QStringLiteral("V8__x.SQL"));
    write(dir.path(), QStringLiteral("V9__y.sql "));
    write(dir.path(), QStringLiteral("README.md"));
    write(dir.path(), QStringLiteral(".hidden.sql"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone.sql")),
                        dir.filePath(QStringLiteral("V2__dangling.sql"))));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("V3__loop.sql")),
                        dir.filePath(QStringLiteral("V3__loop.sql"))));
    // A link to a file is read; a link to a folder is not followed (as in Jetbase).
    QTemporaryDir elsewhere;
    write(elsewhere.path(), QStringLiteral("V4__linked.sql"));
    QDir(elsewhere.path()).mkdir(QStringLiteral("folder"));
    write(elsewhere.path(), QStringLiteral("folder/V6__behind_link.sql"));
    QVERIFY(QFile::link(elsewhere.filePath(QStringLiteral("V4__linked.sql")),
                        dir.filePath(QStringLiteral("V4__linked.sql"))));
    QVERIFY(QFile::link(elsewhere.filePath(QStringLiteral("folder")),
                        dir.filePath(QStringLiteral("linked_folder"))));
    QDir(dir.path()).mkdir(QStringLiteral("locked"));
    write(dir.path(), QStringLiteral("locked/V5__inside.sql"));
    QFile::setPermissions(dir.filePath(QStringLiteral("locked")), QFileDevice::Permissions());
    const bool canLockOut = ::geteuid() != 0; // root reads any folder

    Result<MigrationSet> set = MigrationSet::scan(dir.path());
    QFile::setPermissions(dir.filePath(QStringLiteral("locked")),
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    QVERIFY2(set.ok(), qPrintable(set.error().fullText()));
    QStringList ignored;
    for (const IgnoredEntry &e : set->ignored())
        ignored.append(e.relativePath + QStringLiteral(": ") + e.reason);
    QStringList expected{
        QStringLiteral("V2__dangling.sql: the symbolic link points to nothing (No such file or "
                       "directory)"),
        QStringLiteral("V3__loop.sql: the symbolic link loops"),
        QStringLiteral("V8__x.SQL: the extension must be lower-case .sql"),
        QStringLiteral("V9__y.sql : the name ends with white space after .sql")};
    if (canLockOut)
        expected.prepend(QStringLiteral("locked/: the folder cannot be read (Permission denied); "
                                        "migrations in it would be missed"));
    else
        qInfo("running as root: an unreadable folder cannot be made here; not checked");
    QCOMPARE(ignored, expected);
    QStringList read;
    for (const Migration &m : set->versioned())
        read.append(m.relativePath);
    QVERIFY(read.contains(QStringLiteral("V1__ok.sql")));
    QVERIFY(read.contains(QStringLiteral("V4__linked.sql")));
    QVERIFY2(!read.contains(QStringLiteral("linked_folder/V6__behind_link.sql")),
             qPrintable(read.join(u' ')));
    QCOMPARE(read.contains(QStringLiteral("locked/V5__inside.sql")), !canLockOut);
}

void TestMigrationFiles::nonRegularFilesAreRefused_data()
{
    QTest::addColumn<QString>("target");
    QTest::addColumn<QString>("kind");
    QTest::newRow("/dev/zero") << QStringLiteral("/dev/zero")
                               << QStringLiteral("a character device");
    QTest::newRow("fifo") << QStringLiteral("fifo") << QStringLiteral("a named pipe");
}

// A V3__zero.sql -> /dev/zero link once made status read without end: refused at once.
void TestMigrationFiles::nonRegularFilesAreRefused()
{
    QFETCH(QString, target);
    QFETCH(QString, kind);
    QTemporaryDir dir;
    write(dir.path(), QStringLiteral("V1__ok.sql"));
    const QString link = dir.filePath(QStringLiteral("V3__zero.sql"));
    if (target == u"fifo")
        QCOMPARE(::mkfifo(QFile::encodeName(link).constData(), 0600), 0);
    else
        QVERIFY(QFile::link(target, link));
    Result<MigrationSet> set = MigrationSet::scan(dir.path());
    QVERIFY(!set.ok());
    QCOMPARE(set.error().file, link);
    QVERIFY2(
        set.error().message.contains(QStringLiteral("V3__zero.sql is not a regular file (") + kind),
        qPrintable(set.error().message));
}

QTEST_GUILESS_MAIN(TestMigrationFiles)
#include "tst_migrationfiles.moc"
