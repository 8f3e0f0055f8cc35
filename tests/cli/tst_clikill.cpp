// kill -9 at random moments of an upgrade, on each database: afterwards the tracking table, the
// journal and the schema agree. SQLite and PostgreSQL keep no partly applied transactional file;
// a transaction=off file (and on MariaDB any file whose DDL committed) is named by the progress
// record with the statements that took effect; and the next run either finishes the upgrade or
// refuses and says what to do. The moments come from a seed printed with each failure
// (TIDEMARK_KILL_SEED repeats a run).

#include "clidatabase.h"
#include "clirunner.h"

#include <QRandomGenerator>
#include <QThread>

using namespace tidemark;
using namespace tidemark::test;
using namespace Qt::StringLiterals;

// QVERIFY2 with the seed and the kill's moment before the message.
#define KILL_VERIFY(condition, message)                                                            \
    QVERIFY2(condition, QByteArray(context + QByteArray(message)).constData())

namespace {

constexpr int Kills = 20;

// The tables each file creates, in statement order; a file's statements are CREATE TABLEs and
// slow SELECTs only, so "statement n took effect" is "its table exists".
struct KillFile
{
    QString name;
    bool transactional;
    QStringList tables;
};

const QList<KillFile> Files = {
    {u"V1__one.sql"_s, true, {u"k1a"_s, u"k1b"_s}},
    {u"V2__off.sql"_s, false, {u"k2a"_s, u"k2b"_s, u"k2c"_s}},
    {u"V3__two.sql"_s, true, {u"k3a"_s, u"k3b"_s}},
    {u"V4__off.sql"_s, false, {u"k4a"_s, u"k4b"_s}},
};

QByteArray slowStatement(SqlDialect dialect)
{
    switch (dialect) {
    case SqlDialect::Postgres:
        return "SELECT pg_sleep(0.12);\n";
    case SqlDialect::MySql:
        return "SELECT SLEEP(0.12);\n";
    default:
        return "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 150000) "
               "SELECT count(*) FROM c;\n";
    }
}

void writeProject(const TempProject &project, SqlDialect dialect)
{
    for (const KillFile &file : Files) {
        QByteArray text = file.transactional ? QByteArray() : "-- tidemark: transaction=off\n";
        for (const QString &table : file.tables)
            text += "CREATE TABLE " + table.toUtf8() + " (id INT);\n" + slowStatement(dialect);
        project.write(file.name, text);
    }
}

// The statement number (1-based) of each table's CREATE in its file.
int statementOf(const KillFile &file, const QString &table)
{
    return int(file.tables.indexOf(table)) * 2 + 1;
}

} // namespace

class TestCliKill : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void killedRunsLeaveTheTruth_data() { addDialectColumnRows(); }
    void killedRunsLeaveTheTruth()
    {
        QFETCH(SqlDialect, dialect);
        const quint32 seed = qEnvironmentVariableIsSet("TIDEMARK_KILL_SEED")
                                 ? quint32(qEnvironmentVariableIntValue("TIDEMARK_KILL_SEED"))
                                 : QRandomGenerator::global()->generate();
        QRandomGenerator random(seed);
        qInfo("seed %u", seed);

        // One uninterrupted run first, to learn how long a whole upgrade takes here.
        qint64 wholeRunMs = 0;
        {
            ScratchDatabase db(dialect);
            TIDEMARK_REQUIRE(db);
            TempProject project(db.url());
            writeProject(project, dialect);
            CliRunner cli;
            cli.setWorkingDirectory(project.root());
            const CliResult done = cli.run({u"upgrade"_s});
            QVERIFY2(done.exitCode == 0, done.describe().constData());
            wholeRunMs = done.elapsedMs;
        }

        int dirtyRuns = 0;
        for (int kill = 0; kill < Kills; ++kill) {
            ScratchDatabase db(dialect);
            TempProject project(db.url());
            writeProject(project, dialect);
            CliRunner cli;
            cli.setWorkingDirectory(project.root());
            const int moment = int(random.bounded(qint64(wholeRunMs) + 1));
            const QByteArray context = QByteArray("seed ") + QByteArray::number(seed) + ", kill " +
                                       QByteArray::number(kill) + " at " +
                                       QByteArray::number(moment) + " ms: ";
            std::unique_ptr<QProcess> process = cli.start({u"upgrade"_s});
            QVERIFY(process->waitForStarted(10000));
            QThread::msleep(moment);
            process->kill(); // SIGKILL
            process->waitForFinished(10000);
            // The server notices the lost client once its current statement ends.
            QThread::msleep(400);

            const QStringList tracked = trackedVersions(db);
            const QList<QStringList> progress =
                db.tableExists(u"tidemark_progress"_s)
                    ? [&] {
                          QList<QStringList> rows;
                          const QStringList files = db.query(
                              u"SELECT filename FROM tidemark_progress ORDER BY filename"_s);
                          for (const QString &f : files) {
                              const QStringList done = db.query(
                                  u"SELECT statements_done FROM tidemark_progress WHERE "
                                  "filename = '%1'"_s.arg(f));
                              const QStringList running = db.query(
                                  u"SELECT running_statement FROM tidemark_progress WHERE "
                                  "filename = '%1'"_s.arg(f));
                              rows.append({f, done.value(0), running.value(0)});
                          }
                          return rows;
                      }()
                    : QList<QStringList>();
            KILL_VERIFY(progress.size() <= 1, "more than one progress row");
            const QStringList journaled =
                db.tableExists(u"tidemark_journal"_s)
                    ? db.query(u"SELECT version FROM tidemark_journal WHERE outcome = 'success' "
                               "ORDER BY id"_s)
                    : QStringList();
            KILL_VERIFY(journaled == tracked, "journal " + journaled.join(u',').toUtf8() +
                                                  " vs tracking " + tracked.join(u',').toUtf8());

            for (int i = 0; i < Files.size(); ++i) {
                const KillFile &file = Files.at(i);
                const QString version = QString::number(i + 1);
                const bool applied = tracked.contains(version);
                const QStringList *record = nullptr;
                for (const QStringList &row : progress)
                    record = row.first() == file.name ? &row : record;
                KILL_VERIFY(!(applied && record), "applied and in progress");
                for (const QString &table : file.tables) {
                    const bool exists = db.tableExists(table);
                    const int statement = statementOf(file, table);
                    if (applied) {
                        KILL_VERIFY(exists,
                                    table.toUtf8() + " missing from applied " + file.name.toUtf8());
                    } else if (record) {
                        const int done = record->at(1).toInt();
                        const int running = record->at(2).toInt();
                        if (statement <= done)
                            KILL_VERIFY(exists, table.toUtf8() + " recorded but missing");
                        else if (statement != running)
                            KILL_VERIFY(!exists, table.toUtf8() + " exists, not recorded");
                    } else {
                        KILL_VERIFY(!exists, table.toUtf8() + " of unapplied " +
                                                 file.name.toUtf8() + " exists without a record");
                    }
                }
            }

            // The next run finishes the upgrade, or refuses and says what to do.
            const CliResult next = cli.run({u"upgrade"_s});
            if (progress.isEmpty()) {
                KILL_VERIFY(next.exitCode == 0, next.describe());
                QCOMPARE(trackedVersions(db), QStringList({u"1"_s, u"2"_s, u"3"_s, u"4"_s}));
            } else {
                ++dirtyRuns;
                KILL_VERIFY(next.exitCode == 1, next.describe());
                KILL_VERIFY(next.stderrText().contains(u"dirty"_s) &&
                                next.stderrText().contains(progress.first().first()) &&
                                next.stderrText().contains(u"resolve"_s),
                            next.describe());
                QCOMPARE(trackedVersions(db), tracked);
            }
        }
        qInfo("%d of %d kills left a partly applied file", dirtyRuns, Kills);
    }
};

QTEST_GUILESS_MAIN(TestCliKill)
#include "tst_clikill.moc"
