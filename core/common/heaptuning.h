#pragma once

// The C library's heap, tuned for many small allocations in a short time (glibc on Linux;
// elsewhere these do nothing). A status of 10,000 files allocates about 50 MiB in small pieces;
// on a virtual machine, where every first touch of a 4 KiB page traps to the hypervisor, those
// page faults were a third of the run. Tuned, the heaps grow in large steps that the kernel may
// back with 2 MiB pages (transparent huge pages in "madvise" mode, the Debian default; advice
// only, so a kernel without them runs as before), and memory freed is kept for reuse instead
// of being handed back and faulted in again.

namespace tidemark {

enum class HeapUse {
    ShortRun, // a command-line run: keeps everything it freed until it exits
    Window,   // the window: lives long, gives back what is free beyond 64 MiB
};

// Call first thing in main(), before threads exist. From then on, threads that call
// adviseLargePagesForThisThread() get the same advice for their own heaps.
void tuneHeap(HeapUse use);

// Called by a thread that will allocate much (the migration scan's workers): its heap (glibc
// gives each thread one of its arenas) is advised huge pages too. Nothing unless tuneHeap()
// was called, and nothing for a thread that allocates from the main heap.
void adviseLargePagesForThisThread();

} // namespace tidemark
