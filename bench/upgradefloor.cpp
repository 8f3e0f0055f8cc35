// Usage: tidemark-bench-floor URL MIGRATIONS_DIR
// Runs the upgrade section of every V file, sorted by version, one transaction per file, and
// nothing else: no tracking table, no lock, no journal, no validation.
#include "db/connection.h"
#include "migration/migrationset.h"
#include "migration/sqllexer.h"

#include <QCoreApplication>

#include <cstdio>

using namespace tidemark;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 3) {
        std::fputs("usage: tidemark-bench-floor URL MIGRATIONS_DIR\n", stderr);
        return 2;
    }
    Result<DatabaseUrl> url = parseDatabaseUrl(args.at(1));
    Result<ConnectionSpec> spec =
        url ? connectionSpecFor(url.value(), {}) : Result<ConnectionSpec>(url.error());
    Result<MigrationSet> set = MigrationSet::scan(args.at(2));
    if (!spec || !set) {
        std::fprintf(stderr, "%s\n", qPrintable((spec ? set.error() : spec.error()).fullText()));
        return 1;
    }
    Result<std::unique_ptr<Connection>> connection = Connection::open(spec.value());
    if (!connection) {
        std::fprintf(stderr, "%s\n", qPrintable(connection.error().fullText()));
        return 1;
    }
    Connection &db = **connection;
    for (const Migration &m : set->versioned()) {
        SplitOptions options;
        options.dialect = spec->dialect;
        options.delimiter = m.text.delimiter;
        Result<QList<SqlStatement>> statements = splitStatements(m.text.upgradeSql, options);
        if (!statements || !db.begin()) {
            std::fprintf(stderr, "cannot start %s\n", qPrintable(m.fileName));
            return 1;
        }
        for (const SqlStatement &s : statements.value()) {
            if (Result<QSqlQuery> q = db.exec(s.text); !q) {
                std::fprintf(stderr, "%s\n", qPrintable(q.error().fullText()));
                return 1;
            }
        }
        if (!db.commit())
            return 1;
    }
    return 0;
}
