#include "heaptuning.h"

#include <atomic>
#include <cstdint>
#include <cstdlib> // defines __GLIBC__ on glibc

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>
#define TIDEMARK_TUNES_GLIBC_HEAP 1
extern "C" char end; // the end of the program's data: the main heap lies above (end(3))
#endif

namespace tidemark {

namespace {

std::atomic<bool> tuned{false};

#ifdef TIDEMARK_TUNES_GLIBC_HEAP
constexpr std::uintptr_t hugePage = std::uintptr_t(2) << 20;
constexpr std::size_t mainHeapStep = std::size_t(64) << 20;
// glibc keeps each thread arena's memory in heaps of this size, aligned to it (HEAP_MAX_SIZE:
// twice the largest mmap threshold, 2 * 4 MiB * sizeof(long)); the heap of a block is its
// address rounded down to it.
constexpr std::uintptr_t threadHeapSize = std::uintptr_t(2) * 4 * 1024 * 1024 * sizeof(long);

// Whether the block is in the main heap: between the program's data and the break. (Thread
// arenas are mappings far above it.)
bool inMainHeap(std::uintptr_t address)
{
    return address >= reinterpret_cast<std::uintptr_t>(&end) &&
           address < reinterpret_cast<std::uintptr_t>(sbrk(0));
}

void adviseHugePages(std::uintptr_t from, std::uintptr_t to)
{
    from = (from + hugePage - 1) & ~(hugePage - 1);
    if (to > from)
        madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE); // advice only
}
#endif

} // namespace

void tuneHeap(HeapUse use)
{
#ifdef TIDEMARK_TUNES_GLIBC_HEAP
    // Grow the main heap 64 MiB at a time; blocks up to 32 MiB come from the heaps, so large
    // lists are not separate mappings faulted in anew. A short run never gives memory back;
    // the window gives back what is free at the heap's top beyond 64 MiB (glibc keeps the
    // growth step, 64 MiB more, for reuse), so a closed 10,000-file project does not stay
    // resident.
    mallopt(M_TOP_PAD, int(mainHeapStep));
    mallopt(M_TRIM_THRESHOLD, int(use == HeapUse::ShortRun ? 4 * mainHeapStep : mainHeapStep));
    mallopt(M_MMAP_THRESHOLD, 32 << 20);
    // One growth now, then the advice on all of it. The block is larger than what is left at
    // the heap's top, so the heap must grow for it (volatile: the compiler may not drop an
    // allocation whose contents are never used).
    void *volatile block = std::malloc(std::size_t(1) << 20);
    if (block == nullptr)
        return;
    const auto start = reinterpret_cast<std::uintptr_t>(block);
    // Only when the block is in the main heap: if the heap could not grow in place, glibc maps
    // memory elsewhere, and the range below the break is not this block's. (Memory the heap
    // gives back and takes again later is not advised again: it runs on 4 KiB pages.)
    if (inMainHeap(start))
        adviseHugePages(start, reinterpret_cast<std::uintptr_t>(sbrk(0)));
    std::free(block);
    tuned.store(true, std::memory_order_release);
#endif
}

void adviseLargePagesForThisThread()
{
#ifdef TIDEMARK_TUNES_GLIBC_HEAP
    if (!tuned.load(std::memory_order_acquire))
        return;
    void *volatile block = std::malloc(64); // picks (or makes) this thread's arena
    const auto address = reinterpret_cast<std::uintptr_t>(block);
    std::free(block);
    if (address == 0 || inMainHeap(address))
        return; // the main heap, advised already
    const std::uintptr_t heap = address & ~(threadHeapSize - 1);
    // The whole heap, also the part glibc has not made writable yet: the advice stays with the
    // pages as the heap grows into them.
    madvise(reinterpret_cast<void *>(heap), threadHeapSize, MADV_HUGEPAGE);
#endif
}

} // namespace tidemark
