/* LD_PRELOAD shim for the make-migrations benchmark: counts the SQL statements a process
 * prepares through libsqlite3 (QtSql's SQLite driver prepares every statement it runs with
 * sqlite3_prepare16_v2), separately for file databases and in-memory ones, and writes
 * "file N" and "memory M" to $SQLITE_COUNT_OUT at exit.
 *
 *   cc -shared -fPIC -O2 -o sqlitecount.so bench/sqlitecount.c -ldl
 *   SQLITE_COUNT_OUT=counts.txt LD_PRELOAD=$PWD/sqlitecount.so tidemark-cli ...
 *
 * No sqlite3.h needed: the handles are opaque here. The real functions are looked up in the
 * already loaded libsqlite3 (the Qt plugin may have loaded it RTLD_LOCAL, where RTLD_NEXT would
 * not find it). */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

typedef int (*prepare16_fn)(void *, const void *, int, void **, const void **);
typedef const char *(*filename_fn)(void *, const char *);

static long file_count, memory_count;

static void *real(const char *name)
{
    void *lib = dlopen("libsqlite3.so.0", RTLD_NOW | RTLD_NOLOAD);
    void *fn = lib ? dlsym(lib, name) : NULL;
    if (!fn) {
        fprintf(stderr, "sqlitecount: %s not found in libsqlite3.so.0\n", name);
        abort();
    }
    return fn;
}

static void count(void *db)
{
    static filename_fn filename;
    if (!filename)
        filename = (filename_fn)real("sqlite3_db_filename");
    const char *path = filename(db, "main");
    if (path && *path)
        ++file_count;
    else
        ++memory_count; /* ":memory:" has an empty file name */
}

int sqlite3_prepare16_v2(void *db, const void *sql, int bytes, void **stmt, const void **tail)
{
    static prepare16_fn fn;
    if (!fn)
        fn = (prepare16_fn)real("sqlite3_prepare16_v2");
    count(db);
    return fn(db, sql, bytes, stmt, tail);
}

__attribute__((destructor)) static void report(void)
{
    const char *out = getenv("SQLITE_COUNT_OUT");
    FILE *f = out ? fopen(out, "w") : NULL;
    if (!f)
        return;
    fprintf(f, "file %ld\nmemory %ld\n", file_count, memory_count);
    fclose(f);
}
