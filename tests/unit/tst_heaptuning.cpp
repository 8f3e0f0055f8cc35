// The heap tuning of a command-line run (core/common/heaptuning.h): which memory gets the huge
// page advice, read back from the kernel's own account of this process (/proc/self/smaps).
#include "common/heaptuning.h"

#include <QFile>
#include <QFileInfo>
#include <QTest>

#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <thread>

using namespace tidemark;

class TestHeapTuning : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    // In this order: tuning is once per process and cannot be undone.
    void untunedThreadHeapIsLeftAlone();
    void mainHeapIsAdvised();
    void threadHeapIsAdvised();

private:
    // The VmFlags of the mapping that holds address ("rd wr mr mw me ac hg"), empty if none.
    static QByteArray flagsOfMappingAt(const void *address);
    // A block of the size from a thread of its own that first asks for the advice (or not);
    // the flags of its mapping, read while it is allocated.
    static QByteArray flagsOfThreadBlock(bool askForAdvice);
};

void TestHeapTuning::initTestCase()
{
#if !defined(__linux__) || !defined(__GLIBC__)
    QSKIP("The tuning is for glibc on Linux only.");
#endif
    if (!QFileInfo::exists(QStringLiteral("/sys/kernel/mm/transparent_hugepage/enabled")))
        QSKIP("This kernel has no transparent huge pages.");
}

QByteArray TestHeapTuning::flagsOfMappingAt(const void *address)
{
    const auto at = reinterpret_cast<std::uintptr_t>(address);
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return {};
    bool inside = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        const qsizetype dash = line.indexOf('-');
        const qsizetype space = line.indexOf(' ');
        // A mapping's first line starts with its lower-case hex range ("55d0...-55d1... rw-p");
        // the lines about it with a capitalised key ("Rss:", "VmFlags:").
        const bool mappingLine =
            !line.isEmpty() && std::isxdigit(line.at(0)) && !std::isupper(line.at(0));
        if (mappingLine && dash > 0 && space > dash) {
            bool okFrom = false;
            bool okTo = false;
            const auto from = line.left(dash).toULongLong(&okFrom, 16);
            const auto to = line.mid(dash + 1, space - dash - 1).toULongLong(&okTo, 16);
            inside = okFrom && okTo && at >= from && at < to;
        } else if (inside && line.startsWith("VmFlags:")) {
            return line.mid(8).trimmed();
        }
    }
    return {};
}

QByteArray TestHeapTuning::flagsOfThreadBlock(bool askForAdvice)
{
    QByteArray flags;
    std::thread thread([&] {
        if (askForAdvice)
            adviseLargePagesForThisThread();
        void *volatile block = std::malloc(64 * 1024); // below the mmap threshold: from the heap
        flags = flagsOfMappingAt(block);
        std::free(block);
    });
    thread.join();
    return flags;
}

// Before tuneHeap (the tests of the rest, a program that does not tune), asking changes nothing.
void TestHeapTuning::untunedThreadHeapIsLeftAlone()
{
    const QByteArray flags = flagsOfThreadBlock(true);
    QVERIFY2(!flags.isEmpty(), "the block's mapping was not found");
    QVERIFY2(!flags.split(' ').contains("hg"), flags.constData());
}

void TestHeapTuning::mainHeapIsAdvised()
{
    tuneHeap(HeapUse::ShortRun);
    // 4 MiB from the main heap (this thread's); 3 MiB in is past the first 2 MiB boundary.
    char *volatile block = static_cast<char *>(std::malloc(4 << 20));
    const QByteArray flags = flagsOfMappingAt(block + (3 << 20));
    std::free(block);
    QVERIFY2(flags.split(' ').contains("hg"), flags.constData());
}

void TestHeapTuning::threadHeapIsAdvised()
{
    const QByteArray flags = flagsOfThreadBlock(true);
    QVERIFY2(flags.split(' ').contains("hg"), flags.constData());
}

QTEST_GUILESS_MAIN(TestHeapTuning)
#include "tst_heaptuning.moc"
