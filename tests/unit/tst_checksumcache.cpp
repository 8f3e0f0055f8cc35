// The checksum cache of status: an unchanged file comes from the cache with the same summary
// as a read, a file written since (same size and modification time included) is read again, a
// file written within the last seconds is not remembered, a damaged cache is ignored.
#include "migration/checksumcache.h"
#include "migration/migrationset.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace tidemark;

namespace {

const QByteArray First = "-- tidemark: transaction=off\nCREATE TABLE a (id INT);\n"
                         "-- rollback:\nSELECT 1;\n-- rollback\nDROP TABLE a;\n";
const QByteArray Second = "CREATE TABLE b (id INT);\n";

bool write(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// What status uses of a file, the same whether read or from the cache.
QString summaryOf(const Migration &m)
{
    const MigrationText &t = m.text;
    return QStringLiteral("%1 %2 tx=%3 rb=%4 up=%5 delim=%6 warnings=%7")
        .arg(m.fileName, t.checksum)
        .arg(t.directives.transaction)
        .arg(t.rollbackFirstLine)
        .arg(t.upgradeFirstLine)
        .arg(t.delimiter)
        .arg(m.warningLines().join(u'|'));
}

QStringList summaries(const MigrationSet &set)
{
    QStringList out;
    for (const Migration &m : set.versioned())
        out.append(summaryOf(m));
    return out;
}

// The files of the set that were read (not taken from the cache).
QStringList readFiles(const MigrationSet &set)
{
    QStringList out;
    for (const Migration &m : set.versioned()) {
        if (m.text.sqlRead)
            out.append(m.fileName);
    }
    return out;
}

} // namespace

class TestChecksumCache : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init();
    void unchangedFilesComeFromTheCache();
    void writtenFileIsReadAgain();
    void recentFileIsNotRemembered();
    void damagedCacheIsIgnored();
    void cacheIsOwnerOnly();

private:
    // Scans the folder through its cache and saves the cache.
    MigrationSet scanCached() const;
    // Writes the two files and waits until they are old enough to be remembered.
    void writeOldFiles() const;

    std::unique_ptr<QTemporaryDir> m_cacheHome; // XDG_CACHE_HOME, one per test
    std::unique_ptr<QTemporaryDir> m_project;
    QString m_folder;
};

void TestChecksumCache::init()
{
    m_cacheHome = std::make_unique<QTemporaryDir>();
    QVERIFY(m_cacheHome->isValid());
    qputenv("XDG_CACHE_HOME", m_cacheHome->path().toUtf8());
    m_project = std::make_unique<QTemporaryDir>();
    m_folder = m_project->path() + QStringLiteral("/migrations");
    QVERIFY(QDir().mkpath(m_folder));
}

MigrationSet TestChecksumCache::scanCached() const
{
    ChecksumCache cache = ChecksumCache::load(m_folder);
    Result<MigrationSet> set = MigrationSet::scan(m_folder, &cache);
    if (!set)
        qFatal("scan failed: %s", qPrintable(set.error().message));
    cache.save();
    return std::move(set).value();
}

void TestChecksumCache::writeOldFiles() const
{
    QVERIFY(write(m_folder + QStringLiteral("/V1__first.sql"), First));
    QVERIFY(write(m_folder + QStringLiteral("/V2__second.sql"), Second));
    QTest::qSleep(2100); // the cache remembers no file written within the last two seconds
}

void TestChecksumCache::unchangedFilesComeFromTheCache()
{
    writeOldFiles();
    const Result<MigrationSet> plain = MigrationSet::scan(m_folder);
    QVERIFY(plain.ok());
    QCOMPARE(plain->versioned().first().text.warnings.size(), 1); // the mistyped marker

    const MigrationSet first = scanCached();
    QCOMPARE(readFiles(first), (QStringList{"V1__first.sql", "V2__second.sql"}));
    const MigrationSet second = scanCached();
    QCOMPARE(readFiles(second), QStringList());
    QCOMPARE(summaries(second), summaries(plain.value()));
    QVERIFY(second.versioned().first().text.upgradeSql.isEmpty());
    QVERIFY(!second.versioned().first().text.directives.transaction);
    QVERIFY(second.versioned().first().text.hasRollbackSection());
}

// A write that keeps the size and puts the modification time back still changes the change
// time: the file is read, and its new checksum is the one reported.
void TestChecksumCache::writtenFileIsReadAgain()
{
    writeOldFiles();
    const QString path = m_folder + QStringLiteral("/V2__second.sql");
    struct stat before;
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &before), 0);
    const QString oldChecksum = scanCached().versioned().last().checksum();
    QCOMPARE(readFiles(scanCached()), QStringList());

    QByteArray edited = Second;
    edited.replace("b (", "c (");
    QCOMPARE(edited.size(), Second.size());
    QVERIFY(write(path, edited));
    const struct timespec times[2] = {before.st_atim, before.st_mtim};
    QCOMPARE(::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), times, 0), 0);

    const MigrationSet after = scanCached();
    QCOMPARE(readFiles(after), QStringList{QStringLiteral("V2__second.sql")});
    const Result<MigrationSet> plain = MigrationSet::scan(m_folder);
    QVERIFY(plain.ok());
    QCOMPARE(summaries(after), summaries(plain.value()));
    QVERIFY(after.versioned().last().checksum() != oldChecksum);
}

void TestChecksumCache::recentFileIsNotRemembered()
{
    writeOldFiles();
    scanCached();
    QVERIFY(write(m_folder + QStringLiteral("/V3__third.sql"), "SELECT 3;\n"));
    QCOMPARE(readFiles(scanCached()), QStringList{QStringLiteral("V3__third.sql")});
    QCOMPARE(readFiles(scanCached()), QStringList{QStringLiteral("V3__third.sql")});
}

void TestChecksumCache::damagedCacheIsIgnored()
{
    writeOldFiles();
    scanCached();
    const QDir cacheDir(m_cacheHome->path() + QStringLiteral("/tidemark/checksums"));
    const QStringList caches = cacheDir.entryList(QDir::Files);
    QCOMPARE(caches.size(), 1);
    QFile cacheFile(cacheDir.filePath(caches.first()));
    QVERIFY(cacheFile.open(QIODevice::ReadWrite));
    QVERIFY(cacheFile.resize(cacheFile.size() / 2));
    cacheFile.close();

    const MigrationSet afterDamage = scanCached();
    QCOMPARE(readFiles(afterDamage), (QStringList{"V1__first.sql", "V2__second.sql"}));
    const Result<MigrationSet> plain = MigrationSet::scan(m_folder);
    QVERIFY(plain.ok());
    QCOMPARE(summaries(afterDamage), summaries(plain.value()));
    QCOMPARE(readFiles(scanCached()), QStringList()); // written whole again
}

// The cache names the project's files and what they do: readable by the user only, also
// where an older Tidemark made its folder readable by everyone.
void TestChecksumCache::cacheIsOwnerOnly()
{
    const QString root = m_cacheHome->path() + QStringLiteral("/tidemark");
    QVERIFY(QDir().mkpath(root));
    QVERIFY(QFile::setPermissions(root, QFileDevice::Permissions(0x7755)));
    writeOldFiles();
    scanCached();
    const auto mode = [](const QFileInfo &info) { return int(info.permissions() & 0x0777); };
    QCOMPARE(mode(QFileInfo(root)), 0x0700);
    const QDir cacheDir(root + QStringLiteral("/checksums"));
    QCOMPARE(mode(QFileInfo(cacheDir.path())), 0x0700);
    const QFileInfoList files = cacheDir.entryInfoList(QDir::Files);
    QCOMPARE(files.size(), 1);
    QCOMPARE(mode(files.first()), 0x0600);
}

QTEST_GUILESS_MAIN(TestChecksumCache)
#include "tst_checksumcache.moc"
