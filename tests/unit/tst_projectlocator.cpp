#include "project/projectlocator.h"

#include <QDir>
#include <QTemporaryDir>
#include <QTest>

using namespace tidemark;

class TestProjectLocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void walkUp_data();
    void walkUp();
    void explicitDir_data();
    void explicitDir();
    void explicitDirMissing();
    void notFound_data();
    void notFound();

private:
    // Creates folders (relative to the temporary root) and returns the root.
    QString make(const QStringList &dirs);
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestProjectLocator::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QString TestProjectLocator::make(const QStringList &dirs)
{
    for (const QString &dir : dirs) {
        if (!QDir(m_dir->path()).mkpath(dir))
            qFatal("cannot create %s", qPrintable(dir));
    }
    return QDir(m_dir->path()).canonicalPath();
}

void TestProjectLocator::walkUp_data()
{
    QTest::addColumn<QStringList>("dirs");
    QTest::addColumn<QString>("start");    // relative to the root
    QTest::addColumn<QString>("expected"); // jetbase folder relative to the root

    QTest::newRow("cwd is jetbase") << QStringList{"app/jetbase/migrations"} << "app/jetbase"
                                    << "app/jetbase";
    QTest::newRow("child jetbase") << QStringList{"app/jetbase/migrations"} << "app"
                                   << "app/jetbase";
    QTest::newRow("inside migrations")
        << QStringList{"app/jetbase/migrations/2024/q1"} << "app/jetbase/migrations/2024/q1"
        << "app/jetbase";
    QTest::newRow("nested source folder")
        << QStringList{"app/jetbase/migrations", "app/src/a/b/c"} << "app/src/a/b/c"
        << "app/jetbase";
    QTest::newRow("jetbase without migrations skipped")
        << QStringList{"app/jetbase/migrations", "app/sub/jetbase", "app/sub/deep"}
        << "app/sub/deep"
        << "app/jetbase";
    QTest::newRow("cwd named jetbase without migrations, child has them")
        << QStringList{"x/jetbase/jetbase/migrations"} << "x/jetbase"
        << "x/jetbase/jetbase";
    QTest::newRow("nearest wins") << QStringList{"jetbase/migrations", "a/jetbase/migrations",
                                                 "a/b"}
                                  << "a/b"
                                  << "a/jetbase";
}

void TestProjectLocator::walkUp()
{
    QFETCH(QStringList, dirs);
    QFETCH(QString, start);
    QFETCH(QString, expected);
    const QString root = make(dirs);
    const Result<ProjectLocation> found = locateProject({}, root + u'/' + start);
    QVERIFY2(found.ok(), qPrintable(found.error().fullText()));
    QCOMPARE(found->jetbaseDir, root + u'/' + expected);
    QCOMPARE(found->migrationsDir, root + u'/' + expected + "/migrations");
}

void TestProjectLocator::explicitDir_data()
{
    QTest::addColumn<QStringList>("dirs");
    QTest::addColumn<QString>(
        "explicitDir"); // relative to the root, or absolute when it starts with '@'
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("expected");

    QTest::newRow("the jetbase folder")
        << QStringList{"p/jetbase/migrations", "elsewhere"} << "@p/jetbase"
        << "elsewhere"
        << "p/jetbase";
    QTest::newRow("its parent") << QStringList{"p/jetbase/migrations", "elsewhere"} << "@p"
                                << "elsewhere"
                                << "p/jetbase";
    QTest::newRow("relative to the start") << QStringList{"p/jetbase/migrations", "w"} << "../p"
                                           << "w"
                                           << "p/jetbase";
    QTest::newRow("wins over the walk")
        << QStringList{"w/jetbase/migrations", "q/jetbase/migrations"} << "@q"
        << "w/jetbase"
        << "q/jetbase";
    QTest::newRow("other folder name accepted") << QStringList{"db/migrations", "w"} << "@db"
                                                << "w"
                                                << "db";
    QTest::newRow("trailing slash") << QStringList{"p/jetbase/migrations", "w"} << "@p/jetbase/"
                                    << "w"
                                    << "p/jetbase";
}

void TestProjectLocator::explicitDir()
{
    QFETCH(QStringList, dirs);
    QFETCH(QString, explicitDir);
    QFETCH(QString, start);
    QFETCH(QString, expected);
    const QString root = make(dirs);
    if (explicitDir.startsWith(u'@'))
        explicitDir = root + u'/' + explicitDir.mid(1);
    const Result<ProjectLocation> found = locateProject(explicitDir, root + u'/' + start);
    QVERIFY2(found.ok(), qPrintable(found.error().fullText()));
    QCOMPARE(found->jetbaseDir, root + u'/' + expected);
}

void TestProjectLocator::explicitDirMissing()
{
    const QString root = make({"p/jetbase"});
    Result<ProjectLocation> found = locateProject(root + "/p", root);
    QVERIFY(!found.ok());
    QCOMPARE(found.error().code, Error::Code::Project);
    QVERIFY(found.error().message.contains(root + "/p/jetbase/migrations"));
    QVERIFY(found.error().hint.contains("init"));

    found = locateProject(root + "/nope", root);
    QVERIFY(!found.ok());
    QVERIFY(found.error().message.contains("does not exist"));
}

void TestProjectLocator::notFound_data()
{
    QTest::addColumn<QStringList>("dirs");
    QTest::addColumn<QString>("start");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("nothing") << QStringList{"a/b"} << "a/b"
                             << "";
    QTest::newRow("jetbase without migrations") << QStringList{"a/jetbase", "a/b"} << "a/b"
                                                << "a/jetbase has no migrations folder";
    QTest::newRow("cwd jetbase without migrations") << QStringList{"a/jetbase/x"} << "a/jetbase"
                                                    << "a/jetbase has no migrations folder";
}

void TestProjectLocator::notFound()
{
    QFETCH(QStringList, dirs);
    QFETCH(QString, start);
    QFETCH(QString, mentions);
    const QString root = make(dirs);
    const Result<ProjectLocation> found = locateProject({}, root + u'/' + start);
    if (found.ok() && !found->jetbaseDir.startsWith(root))
        QSKIP("a jetbase project exists above the temporary folder");
    QVERIFY(!found.ok());
    const Error &e = found.error();
    QCOMPARE(e.code, Error::Code::Project);
    QVERIFY2(e.message.contains(root + u'/' + start), qPrintable(e.message));
    QVERIFY(e.message.contains("every folder above it"));
    QVERIFY2(e.hint.contains("tidemark --cli init\" to create jetbase/ and jetbase/migrations/ in "
                             "the current folder"),
             qPrintable(e.hint));
    if (!mentions.isEmpty())
        QVERIFY2(e.message.contains(root + u'/' + mentions), qPrintable(e.message));
}

QTEST_GUILESS_MAIN(TestProjectLocator)
#include "tst_projectlocator.moc"
