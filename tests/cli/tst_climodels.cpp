// SQLAlchemy models as the desired schema, through the real binary with a real Python and
// SQLAlchemy: diff on SQLite, PostgreSQL and MariaDB lists the model tables with their keys,
// indexes and foreign keys; model_paths, JETBASE_MODELS and auto-discovery each find models;
// broken models, missing models and an unusable Python are clear errors; (once
// make-migrations exists) the generated migration applies and leaves nothing to do; and
// comments, collations, identity options, generated columns and sequences come through.
#include "clidatabase.h"
#include "clirunner.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QStandardPaths>
#include <QtTest>

using namespace tidemark;
using namespace tidemark::test;

namespace {

const QString ModelData = QStringLiteral(TIDEMARK_TEST_DATA_DIR "/models");
const QString Exporter =
    QStringLiteral(TIDEMARK_SOURCE_DIR "/resources/export_sqlalchemy_models.py");

// Copies a folder of tests/data/models into the project root (or a folder below it).
void copyModels(const QString &name, const TempProject &project, const QString &into = {})
{
    const QString target = into.isEmpty() ? project.root() : project.root() + u'/' + into;
    const QDir source(ModelData + u'/' + name);
    QDirIterator it(source.path(), {QStringLiteral("*.py")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        if (!writeFile(target + u'/' + source.relativeFilePath(file), readAll(file)))
            qFatal("cannot copy %s", qPrintable(file));
    }
}

void writeProjectFile(const TempProject &project, const QString &relativePath,
                      const QByteArray &content)
{
    if (!writeFile(project.root() + u'/' + relativePath, content))
        qFatal("cannot write %s", qPrintable(relativePath));
}

// A runner in the project root whose Python is chosen by Tidemark, not by the developer's
// own TIDEMARK_PYTHON.
CliRunner runnerIn(const TempProject &project, Binary binary = Binary::Cli)
{
    CliRunner runner(binary, project.root());
    runner.environment().remove(QStringLiteral("TIDEMARK_PYTHON"));
    return runner;
}

bool importsSqlAlchemy(const QString &python)
{
    QProcess process;
    process.start(python, {QStringLiteral("-c"), QStringLiteral("import sqlalchemy")});
    return process.waitForFinished(30000) && process.exitStatus() == QProcess::NormalExit &&
           process.exitCode() == 0;
}

// The interpreter the tests use to run the exporter themselves.
QString pythonWithSqlAlchemy()
{
    for (const QString &python : {QStandardPaths::findExecutable(QStringLiteral("python3")),
                                  QStringLiteral("/usr/bin/python3")}) {
        if (!python.isEmpty() && importsSqlAlchemy(python))
            return python;
    }
    return {};
}

// A python3 without SQLAlchemy: the one first on PATH (a pyenv Python on the developers'
// machines), or, where that one has SQLAlchemy, a wrapper that starts it without site-packages.
QString pythonWithoutSqlAlchemy(const QString &folder)
{
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty() || !importsSqlAlchemy(python))
        return python;
    const QString wrapper = folder + QStringLiteral("/python3");
    writeFile(wrapper, "#!/bin/sh\nexec \"" + python.toUtf8() + "\" -S -I \"$@\"\n");
    QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return wrapper;
}

// table -> the lines of its definition, from diff --json's add_table changes.
QMap<QString, QStringList> addedTables(const QJsonObject &json, QStringList *enums = nullptr)
{
    QMap<QString, QStringList> tables;
    for (const QJsonValue &value : json.value(QStringLiteral("changes")).toArray()) {
        const QJsonObject change = value.toObject();
        const QString kind = change.value(QStringLiteral("kind")).toString();
        if (kind == u"add_table") {
            QStringList lines;
            for (const QJsonValue &line : change.value(QStringLiteral("definition")).toArray())
                lines.append(line.toString());
            tables.insert(change.value(QStringLiteral("table")).toString(), lines);
        } else if (kind == u"add_enum" && enums) {
            enums->append(change.value(QStringLiteral("object")).toString());
        }
    }
    return tables;
}

QStringList migrationFiles(const TempProject &project)
{
    return QDir(project.migrationsDir()).entryList({QStringLiteral("V*.sql")}, QDir::Files);
}

} // namespace

class TestCliModels : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void listsModelTables_data();
    void listsModelTables();
    void appliedModelsHaveNoChanges_data() { addDialectColumnRows(); }
    void appliedModelsHaveNoChanges();
    void findsModels_data();
    void findsModels();
    void oneModulePerFile();
    void brokenModel_data();
    void brokenModel();
    void uncompilableType_data();
    void uncompilableType();
    void noModels();
    void missingPython();
    void pythonWithoutSqlAlchemy();
    void skipsPythonWithoutSqlAlchemyOnPath();
    void makeMigrationsRoundTrip_data() { addDialectColumnRows(); }
    void makeMigrationsRoundTrip();
    void modelFeaturesComeThrough_data() { addDialectColumnRows(); }
    void modelFeaturesComeThrough();
    void brokenSequence_data();
    void brokenSequence();
};

void TestCliModels::listsModelTables_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QString>("models");
    // "table: part of one line of its definition"
    QTest::addColumn<QStringList>("expected");
    const QList<std::pair<const char *, SqlDialect>> dialects = {
        {"sqlite", SqlDialect::Sqlite},
        {"postgresql", SqlDialect::Postgres},
        {"mariadb", SqlDialect::MySql}};
    for (const auto &[name, dialect] : dialects) {
        QTest::addRow("%s blog", name)
            << dialect << QStringLiteral("blog")
            << QStringList{"users: unique (email)", "users: primary key (id)",
                           "posts: index ix_posts_title (title)",
                           "posts: foreign key (user_id) references users (id)"};
        QTest::addRow("%s shop", name)
            << dialect << QStringLiteral("shop")
            << QStringList{"categories: unique (slug)", "articles: unique (slug)",
                           "articles: index ix_articles_category_id (category_id)",
                           "articles: foreign key (category_id) references categories (id)",
                           "audit_log: index ix_audit_log_action (action)"};
    }
}

void TestCliModels::listsModelTables()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QString, models);
    QFETCH(QStringList, expected);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    copyModels(models, project);
    const QStringList before = snapshotOf(db);

    const CliResult r = runnerIn(project).run({QStringLiteral("--json"), QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 0);
    QStringList enums;
    const QMap<QString, QStringList> tables = addedTables(r.json(), &enums);
    QStringList expectedTables;
    for (const QString &item : std::as_const(expected))
        expectedTables.append(item.section(u':', 0, 0));
    expectedTables.removeDuplicates();
    expectedTables.sort();
    QCOMPARE(tables.keys(), expectedTables);
    for (const QString &item : std::as_const(expected)) {
        const QString table = item.section(u':', 0, 0);
        const QString part = item.section(u':', 1).trimmed();
        const QString definition = tables.value(table).join(u'\n');
        CLI_EXPECT_CONTAINS(r, definition, part);
    }
    // Plain indexes stay plain: only unique=True columns are unique.
    for (const QString &line : tables.value(models == u"blog" ? "posts" : "articles"))
        QVERIFY2(!line.startsWith(u"unique index"), qPrintable(line));

    const QString source = r.json().value(QStringLiteral("source")).toString();
    QVERIFY2(source.startsWith(u"SQLAlchemy models models/"), qPrintable(source));
    if (models == u"blog") {
        QCOMPARE(source, QStringLiteral("SQLAlchemy models models/post.py, models/user.py"));
        const QString status =
            tables.value(QStringLiteral("posts")).filter(u"column status").join(u"");
        if (dialect == SqlDialect::Postgres) {
            QCOMPARE(enums, QStringList{QStringLiteral("post_status")});
            CLI_EXPECT_CONTAINS(r, status, QStringLiteral("enum post_status"));
        } else if (dialect == SqlDialect::MySql) {
            CLI_EXPECT_CONTAINS(r, status, QStringLiteral("enum('draft','published','archived')"));
        }
    }
    QCOMPARE(snapshotOf(db), before); // diff changes nothing

    // The human form lists the same, under each new table.
    const CliResult human = runnerIn(project, Binary::Gui).run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(human, 0);
    CLI_EXPECT_CONTAINS(human, human.stdoutText(),
                        QStringLiteral("Changes to reach SQLAlchemy models"));
    CLI_EXPECT_CONTAINS(human, human.stdoutText(), u"+ add table " + expectedTables.first());
    CLI_EXPECT_CONTAINS(human, human.stderrText(), QStringLiteral("auto-discovery"));
}

// The models' own DDL applied by hand, then diff: the scratch space must normalise the models
// exactly as the database stores them (enum types, SERIAL, server defaults, unique keys).
void TestCliModels::appliedModelsHaveNoChanges()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    const QString python = pythonWithSqlAlchemy();
    QVERIFY2(!python.isEmpty(), "no python3 with SQLAlchemy (apt-get install python3-sqlalchemy)");
    TempProject project(db.url());
    copyModels(QStringLiteral("blog"), project);
    copyModels(QStringLiteral("shop"), project, QStringLiteral("shop"));
    QStringList arguments{Exporter, dialectName(dialect), project.root()};
    QDirIterator files(project.root(), {QStringLiteral("*.py")}, QDir::Files,
                       QDirIterator::Subdirectories);
    while (files.hasNext())
        arguments.append(files.next());

    QProcess exporter;
    exporter.setWorkingDirectory(project.root());
    exporter.start(python, arguments);
    QVERIFY(exporter.waitForFinished(60000));
    const QByteArray out = exporter.readAllStandardOutput();
    const QJsonObject answer = QJsonDocument::fromJson(out.mid(out.indexOf("{"))).object();
    const QJsonArray statements = answer.value(QStringLiteral("statements")).toArray();
    QVERIFY2(statements.size() >= 8, out.constData()); // 5 tables, 3 indexes (+ 1 enum)
    for (const QJsonValue &statement : statements) {
        QString error;
        QVERIFY2(db.exec(statement.toString(), &error), qPrintable(error));
    }

    const CliResult r = runnerIn(project).run({QStringLiteral("diff"), QStringLiteral("--models")});
    CLI_EXPECT_EXIT(r, 0);
    CLI_EXPECT_CONTAINS(r, r.stdoutText(), QStringLiteral("No changes detected."));
}

void TestCliModels::findsModels_data()
{
    QTest::addColumn<QByteArray>("envPy"); // appended to env.py
    QTest::addColumn<QString>("variable"); // JETBASE_MODELS
    QTest::addColumn<QString>("expectedSource");
    QTest::addColumn<QStringList>("expectedTables");
    QTest::addColumn<QString>("expectedOrigin");

    QTest::newRow("model_paths in env.py")
        << QByteArray("model_paths = [\"./lib/tables.py\"]\n") << QString()
        << "SQLAlchemy models lib/tables.py" << QStringList{"configured"}
        << "model_paths from env.py:2";
    QTest::newRow("model_paths folder")
        << QByteArray("model_paths = [\"lib\"]\n") << QString() << "SQLAlchemy models lib/tables.py"
        << QStringList{"configured"} << "model_paths from env.py:2";
    QTest::newRow("JETBASE_MODELS")
        << QByteArray() << "lib/tables.py, models/decoy.py"
        << "SQLAlchemy models lib/tables.py, models/decoy.py" << QStringList{"configured", "decoy"}
        << "environment JETBASE_MODELS";
    // The environment comes before env.py, as for every key (JETBASE-COMPAT.md §1).
    QTest::newRow("JETBASE_MODELS over env.py")
        << QByteArray("model_paths = [\"models/decoy.py\"]\n") << "./lib/tables.py"
        << "SQLAlchemy models lib/tables.py" << QStringList{"configured"}
        << "environment JETBASE_MODELS";
    // models/ and model/ at any depth; _private files, virtualenvs and node_modules skipped.
    QTest::newRow("auto-discovery")
        << QByteArray() << QString()
        << "SQLAlchemy models models/decoy.py, src/shop/model/nested.py"
        << QStringList{"decoy", "nested"} << "auto-discovery of models/ and model/ folders";
}

void TestCliModels::findsModels()
{
    QFETCH(QByteArray, envPy);
    QFETCH(QString, variable);
    QFETCH(QString, expectedSource);
    QFETCH(QStringList, expectedTables);
    QFETCH(QString, expectedOrigin);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    const auto model = [](const char *base, const char *table) -> QByteArray {
        return QByteArray("from sqlalchemy import Column, Integer\n"
                          "from sqlalchemy.orm import declarative_base\n\n") +
               base + " = declarative_base()\n\n\nclass T(" + base + "):\n    __tablename__ = \"" +
               table + "\"\n    id = Column(Integer, primary_key=True)\n";
    };
    writeProjectFile(project, QStringLiteral("lib/tables.py"), model("Base", "configured"));
    writeProjectFile(project, QStringLiteral("models/decoy.py"), model("Base", "decoy"));
    writeProjectFile(project, QStringLiteral("models/_private.py"), model("Base", "private"));
    writeProjectFile(project, QStringLiteral("models/__init__.py"), "");
    writeProjectFile(project, QStringLiteral("src/shop/model/nested.py"), model("Other", "nested"));
    writeProjectFile(project, QStringLiteral("venv/lib/models/venv_table.py"), model("B", "venv"));
    writeProjectFile(project, QStringLiteral("node_modules/x/models/n.py"), model("B", "node"));
    writeProjectFile(project, QStringLiteral(".venv/models/hidden.py"), model("B", "hidden"));
    if (!envPy.isEmpty()) {
        QFile env(project.jetbaseDir() + QStringLiteral("/env.py"));
        QVERIFY(env.open(QIODevice::Append));
        env.write(envPy);
    }
    CliRunner runner = runnerIn(project);
    if (!variable.isEmpty())
        runner.environment().insert(QStringLiteral("JETBASE_MODELS"), variable);

    const CliResult r = runner.run({QStringLiteral("--json"), QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(r.json().value(QStringLiteral("source")).toString(), expectedSource);
    QCOMPARE(addedTables(r.json()).keys(), expectedTables);
    const QJsonArray notes = r.json().value(QStringLiteral("notes")).toArray();
    QVERIFY(!notes.isEmpty());
    CLI_EXPECT_CONTAINS(r, notes.first().toString(), expectedOrigin);
    // Importing the models leaves no bytecode behind in the user's project.
    QDirIterator caches(project.root(), {QStringLiteral("__pycache__")}, QDir::Dirs,
                        QDirIterator::Subdirectories);
    QVERIFY2(!caches.hasNext(), qPrintable(caches.hasNext() ? caches.next() : QString()));
}

// A model that imports another by its plain name (the model folders are on sys.path) gets the
// module already imported as models.user, not a second run that would define users twice.
void TestCliModels::oneModulePerFile()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    copyModels(QStringLiteral("blog"), project);
    const QString post = project.root() + QStringLiteral("/models/post.py");
    QByteArray text = readAll(post);
    QVERIFY(text.contains("from models.user import Base"));
    QVERIFY(writeFile(post,
                      text.replace("from models.user import Base", "from user import Base, User")));

    const CliResult r = runnerIn(project).run({QStringLiteral("--json"), QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(addedTables(r.json()).keys(), (QStringList{"posts", "users"}));
}

void TestCliModels::brokenModel_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("blamed"); // "models/x.py:N" as it must appear
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");
    const QString fix = QStringLiteral("Fix the model file");
    const QByteArray header = "from sqlalchemy import Column, Integer\n"
                              "from sqlalchemy.orm import declarative_base\n\n"
                              "Base = declarative_base()\n\n\n";
    QTest::newRow("syntax error") << "models/broken.py"
                                  << header + "class Broken(Base):\n"
                                              "    __tablename__ = \"broken\"\n"
                                              "    id = = Column(Integer, primary_key=True)\n"
                                  << "models/broken.py:9:"
                                  << "SyntaxError" << fix;
    // The innermost frame inside a model file: the helper's raise, not the caller's line.
    QTest::newRow("exception in a helper model")
        << "models/thing.py"
        << header + "from models.helpers import make_id\n\n\n"
                    "class Thing(Base):\n"
                    "    __tablename__ = \"things\"\n"
                    "    id = make_id()\n"
        << "models/helpers.py:3:"
        << "ValueError: no id column today" << fix;
    // Raised inside SQLAlchemy: the frame in the model is the class statement.
    QTest::newRow("mapping error") << "models/nokey.py"
                                   << header + "class NoKey(Base):\n"
                                               "    __tablename__ = \"nokey\"\n"
                                               "    x = Column(Integer)\n"
                                   << "models/nokey.py:7:"
                                   << "could not assemble any primary key" << fix;
    // Two different tables of one name: which one is meant cannot be guessed.
    QTest::newRow("table in two bases")
        << "models/dup.py"
        << header + "Other = declarative_base()\n\n\n"
                    "class A(Base):\n"
                    "    __tablename__ = \"dup\"\n"
                    "    id = Column(Integer, primary_key=True)\n\n\n"
                    "class B(Other):\n"
                    "    __tablename__ = \"dup\"\n"
                    "    id = Column(Integer, primary_key=True)\n"
                    "    x = Column(Integer)\n"
        << "models/dup.py:15:"
        << "Table dup is defined twice"
        << "Keep one definition per table";
    // One schema per project: postgres_schema chooses it, not the model.
    QTest::newRow("table names a schema")
        << "models/elsewhere.py"
        << header + "class Elsewhere(Base):\n"
                    "    __tablename__ = \"elsewhere\"\n"
                    "    __table_args__ = {\"schema\": \"audit\"}\n"
                    "    id = Column(Integer, primary_key=True)\n"
        << "models/elsewhere.py:7:"
        << "Table audit.elsewhere names a schema"
        << "set postgres_schema in jetbase/env.py";
}

void TestCliModels::brokenModel()
{
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, blamed);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeProjectFile(project, QStringLiteral("models/helpers.py"),
                     "# A helper the models call.\ndef make_id():\n"
                     "    raise ValueError(\"no id column today\")\n");
    writeProjectFile(project, file, content);

    const CliResult r = runnerIn(project).run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), project.root() + u'/' + blamed);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), message);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), hint);
    CLI_EXPECT_NOT_CONTAINS(r, r.stderrText(), QStringLiteral("Traceback"));

    const CliResult json =
        runnerIn(project).run({QStringLiteral("--json"), QStringLiteral("diff")});
    CLI_EXPECT_EXIT(json, 1);
    const QJsonObject error = json.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), QStringLiteral("model"));
    QCOMPARE(error.value(QStringLiteral("file")).toString(),
             project.root() + u'/' + blamed.section(u':', 0, 0));
    QCOMPARE(error.value(QStringLiteral("line")).toInt(), blamed.section(u':', 1, 1).toInt());
}

void TestCliModels::uncompilableType_data()
{
    QTest::addColumn<SqlDialect>("dialect");
    QTest::addColumn<QByteArray>("definition"); // line 11 of the model file
    QTest::addColumn<QString>("column");
    QTest::addColumn<QString>("reason");
    QTest::newRow("JSONB on sqlite")
        << SqlDialect::Sqlite << QByteArray("    data = Column(\"payload\", JSONB)\n")
        << "events.payload"
        << "JSONB";
    QTest::newRow("VARCHAR without length on mariadb")
        << SqlDialect::MySql << QByteArray("    note = Column(String)\n") << "events.note"
        << "VARCHAR requires a length";
}

void TestCliModels::uncompilableType()
{
    QFETCH(SqlDialect, dialect);
    QFETCH(QByteArray, definition);
    QFETCH(QString, column);
    QFETCH(QString, reason);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    writeProjectFile(project, QStringLiteral("models/events.py"),
                     "from sqlalchemy import Column, Integer, String\n"
                     "from sqlalchemy.dialects.postgresql import JSONB\n"
                     "from sqlalchemy.orm import declarative_base\n\n"
                     "Base = declarative_base()\n\n\n"
                     "class Event(Base):\n"
                     "    __tablename__ = \"events\"\n"
                     "    id = Column(Integer, primary_key=True)\n" +
                         definition);
    const QStringList before = snapshotOf(db);
    const CliResult r = runnerIn(project).run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(),
                        project.root() + QStringLiteral("/models/events.py:11:"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("Column ") + column);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), reason);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("with_variant"));
    QCOMPARE(snapshotOf(db), before);
}

void TestCliModels::noModels()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    writeProjectFile(project, QStringLiteral("src/app.py"), "print('not a model folder')\n");

    const CliResult explicitModels =
        runnerIn(project).run({QStringLiteral("diff"), QStringLiteral("--models")});
    CLI_EXPECT_EXIT(explicitModels, 1);
    const QString err = explicitModels.stderrText();
    CLI_EXPECT_CONTAINS(explicitModels, err,
                        QStringLiteral("No SQLAlchemy model files were found"));
    for (const char *way : {"model_paths", "JETBASE_MODELS", "models/ or model/ folder"})
        CLI_EXPECT_CONTAINS(explicitModels, err, QString::fromLatin1(way));

    // No source at all: the usage error names every kind of desired schema.
    const CliResult nothing = runnerIn(project).run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(nothing, 2);
    CLI_EXPECT_CONTAINS(nothing, nothing.stderrText(), QStringLiteral("No desired schema"));
    CLI_EXPECT_CONTAINS(nothing, nothing.stderrText(), QStringLiteral("SQLAlchemy models"));

    // Configured paths that name nothing are errors, never an empty desired schema (that
    // would read as "drop every table").
    CliResult missing = [&] {
        CliRunner runner = runnerIn(project);
        runner.environment().insert(QStringLiteral("JETBASE_MODELS"),
                                    QStringLiteral("models/user.py"));
        return runner.run({QStringLiteral("diff")});
    }();
    CLI_EXPECT_EXIT(missing, 1);
    CLI_EXPECT_CONTAINS(missing, missing.stderrText(),
                        project.root() + QStringLiteral("/models/user.py"));
    CLI_EXPECT_CONTAINS(missing, missing.stderrText(), QStringLiteral("does not exist"));

    writeProjectFile(project, QStringLiteral("models/__init__.py"), "");
    writeProjectFile(project, QStringLiteral("models/empty.py"), "import sqlalchemy\n");
    const CliResult noTables = runnerIn(project).run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(noTables, 1);
    CLI_EXPECT_CONTAINS(noTables, noTables.stderrText(), QStringLiteral("define no tables"));
    CLI_EXPECT_CONTAINS(noTables, noTables.stderrText(), QStringLiteral("models/empty.py"));
}

void TestCliModels::missingPython()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    copyModels(QStringLiteral("blog"), project);
    CliRunner runner = runnerIn(project);
    runner.environment().insert(QStringLiteral("TIDEMARK_PYTHON"),
                                QStringLiteral("/nonexistent/bin/python3"));
    const CliResult r = runner.run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("\"/nonexistent/bin/python3\""));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("environment TIDEMARK_PYTHON"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("not found"));

    // The same key from jetbase.toml says where it came from.
    QVERIFY(writeFile(project.jetbaseDir() + QStringLiteral("/jetbase.toml"),
                      "python = \"bin/no-such-python\"\n"));
    const CliResult toml = runnerIn(project).run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(toml, 1);
    CLI_EXPECT_CONTAINS(toml, toml.stderrText(), QStringLiteral("bin/no-such-python"));
    CLI_EXPECT_CONTAINS(toml, toml.stderrText(), QStringLiteral("jetbase.toml"));
}

void TestCliModels::pythonWithoutSqlAlchemy()
{
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    copyModels(QStringLiteral("blog"), project);
    QTemporaryDir bin;
    const QString python = ::pythonWithoutSqlAlchemy(bin.path());
    if (python.isEmpty())
        QSKIP("no python3 on PATH");
    QVERIFY2(!importsSqlAlchemy(python), qPrintable(python));

    CliRunner runner = runnerIn(project);
    runner.environment().insert(QStringLiteral("TIDEMARK_PYTHON"), python);
    const CliResult r = runner.run({QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("SQLAlchemy is not installed"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), python);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("apt-get install python3-sqlalchemy"));
    CLI_EXPECT_CONTAINS(r, r.stderrText(), QStringLiteral("TIDEMARK_PYTHON"));
}

// Nothing configured: a python3 first on PATH without SQLAlchemy is passed over for the next
// one that has it.
void TestCliModels::skipsPythonWithoutSqlAlchemyOnPath()
{
    if (pythonWithSqlAlchemy().isEmpty())
        QFAIL("no python3 with SQLAlchemy (apt-get install python3-sqlalchemy)");
    ScratchDatabase db(SqlDialect::Sqlite);
    TempProject project(db.url());
    copyModels(QStringLiteral("blog"), project);
    QTemporaryDir bin;
    const QString bare = bin.path() + QStringLiteral("/python3");
    QVERIFY(writeFile(bare, "#!/bin/sh\nexec /usr/bin/python3 -S -I \"$@\"\n"));
    QVERIFY(QFile::setPermissions(bare, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));

    CliRunner runner = runnerIn(project);
    runner.environment().insert(QStringLiteral("PATH"),
                                bin.path() + u':' + runner.environment().value("PATH"));
    const CliResult r = runner.run({QStringLiteral("--json"), QStringLiteral("diff")});
    CLI_EXPECT_EXIT(r, 0);
    QCOMPARE(addedTables(r.json()).keys(), (QStringList{"posts", "users"}));
    const QString note = r.json().value(QStringLiteral("notes")).toArray().first().toString();
    CLI_EXPECT_CONTAINS(r, note, QStringLiteral("run by /"));
    CLI_EXPECT_NOT_CONTAINS(r, note, bare);
}

// The seeds' whole workflow: make-migrations writes a migration from the models, upgrade
// applies it, and make-migrations then has nothing left to do. Needs make-migrations (another
// branch); until it lands this test fails on the unknown command.
void TestCliModels::makeMigrationsRoundTrip()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    copyModels(QStringLiteral("blog"), project);
    // models/ and shop/models/, both found by auto-discovery: five tables on three bases.
    copyModels(QStringLiteral("shop"), project, QStringLiteral("shop"));
    const CliRunner runner = runnerIn(project);

    const CliResult made = runner.run({QStringLiteral("make-migrations"), QStringLiteral("-d"),
                                       QStringLiteral("initial models")});
    CLI_EXPECT_EXIT(made, 0);
    const QStringList files = migrationFiles(project);
    QCOMPARE(files.size(), 1);
    QVERIFY2(files.first().endsWith(u"__initial_models.sql"), qPrintable(files.first()));
    // Tables in foreign-key order, with the unique and plain indexes the models ask for.
    QFile file(project.migrationsDir() + u'/' + files.first());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll());
    const QString upgrade = text.section(QStringLiteral("-- rollback"), 0, 0);
    const auto createAt = [&](const char *table) {
        static const QString pattern = QStringLiteral("CREATE TABLE %1 (");
        return upgrade.indexOf(pattern.arg(QString::fromLatin1(table)));
    };
    for (const char *table : {"users", "posts", "categories", "articles"})
        QVERIFY2(createAt(table) >= 0, qPrintable(text));
    QVERIFY2(createAt("users") < createAt("posts"), qPrintable(text));
    QVERIFY2(createAt("categories") < createAt("articles"), qPrintable(text));
    QVERIFY2(upgrade.contains(QStringLiteral("CREATE INDEX ix_posts_title ON posts (title)")),
             qPrintable(text));
    QVERIFY2(upgrade.contains(QStringLiteral("UNIQUE (email)")), qPrintable(text));
    QVERIFY2(upgrade.contains(QStringLiteral("UNIQUE (slug)")), qPrintable(text));

    const CliResult upgraded = runner.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(upgraded, 0);
    const QStringList tables = tableNames(db);
    for (const char *table : {"users", "posts", "categories", "articles", "audit_log"})
        QVERIFY2(tables.contains(QString::fromLatin1(table)), qPrintable(tables.join(u' ')));

    const CliResult again =
        runner.run({QStringLiteral("make-migrations"), QStringLiteral("--models")});
    CLI_EXPECT_EXIT(again, 0);
    CLI_EXPECT_CONTAINS(again, again.stdoutText(), QStringLiteral("No changes detected."));
    QCOMPARE(migrationFiles(project), files);
}

// What models say beyond tables and keys (tests/data/models/features) reaches the database
// through make-migrations and upgrade, compares equal to the models afterwards, and goes again
// on rollback: table and column comments (PostgreSQL and MariaDB; SQLite has none), a collation
// chosen per dialect with with_variant, Identity(start=100, increment=5) (its options on
// PostgreSQL; an autoincrement key elsewhere), a stored generated column, and sequences (only
// PostgreSQL gets them from SQLAlchemy). Needs the model support for collations, identity
// options and generated columns in the schema code.
void TestCliModels::modelFeaturesComeThrough()
{
    QFETCH(SqlDialect, dialect);
    ScratchDatabase db(dialect);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    copyModels(QStringLiteral("features"), project);
    const CliRunner runner = runnerIn(project);

    const CliResult made = runner.run({QStringLiteral("make-migrations"), QStringLiteral("-d"),
                                       QStringLiteral("model features")});
    CLI_EXPECT_EXIT(made, 0);
    QCOMPARE(migrationFiles(project).size(), 1);
    const CliResult upgraded = runner.run({QStringLiteral("upgrade")});
    CLI_EXPECT_EXIT(upgraded, 0);
    const QStringList tables = tableNames(db);
    for (const char *table : {"products", "tickets"})
        QVERIFY2(tables.contains(QString::fromLatin1(table)), qPrintable(tables.join(u' ')));

    const CliResult same = runner.run({QStringLiteral("diff"), QStringLiteral("--models")});
    CLI_EXPECT_EXIT(same, 0);
    CLI_EXPECT_CONTAINS(same, same.stdoutText(), QStringLiteral("No changes detected."));

    // The first column of one query's rows, joined with '|'.
    const auto ask = [&db](const char *sql) {
        return db.query(QString::fromLatin1(sql)).join(u'|');
    };
    switch (dialect) {
    case SqlDialect::Postgres:
        QCOMPARE(ask("SELECT obj_description('products'::regclass, 'pg_class')"),
                 QStringLiteral("Things for sale"));
        QCOMPARE(ask("SELECT col_description(attrelid, attnum) FROM pg_attribute WHERE attrelid "
                     "= 'products'::regclass AND attname IN ('code', 'price') ORDER BY attnum"),
                 QStringLiteral("The shop's own article code|Price in cents"));
        QCOMPARE(ask("SELECT collation_name FROM information_schema.columns WHERE table_schema = "
                     "current_schema() AND table_name = 'products' AND column_name = 'code'"),
                 QStringLiteral("C"));
        QCOMPARE(ask("SELECT identity_generation FROM information_schema.columns WHERE "
                     "table_schema = current_schema() AND table_name = 'products' AND "
                     "column_name = 'id'"),
                 QStringLiteral("BY DEFAULT"));
        QCOMPARE(ask("SELECT seqstart || ' ' || seqincrement FROM pg_sequence WHERE seqrelid = "
                     "pg_get_serial_sequence('products', 'id')::regclass"),
                 QStringLiteral("100 5"));
        QCOMPARE(ask("SELECT is_generated || ' ' || generation_expression FROM "
                     "information_schema.columns WHERE table_schema = current_schema() AND "
                     "table_name = 'products' AND column_name = 'double_price'"),
                 QStringLiteral("ALWAYS (price * 2)"));
        // The standalone sequence and the key's own; not the identity's (information_schema
        // leaves that one out).
        QCOMPARE(ask("SELECT sequence_name || ' ' || start_value || ' ' || increment FROM "
                     "information_schema.sequences WHERE sequence_schema = current_schema() "
                     "ORDER BY sequence_name"),
                 QStringLiteral("invoice_numbers 1000 10|ticket_ids 1 1"));
        break;
    case SqlDialect::MySql:
        QCOMPARE(ask("SELECT table_comment FROM information_schema.tables WHERE table_schema = "
                     "DATABASE() AND table_name = 'products'"),
                 QStringLiteral("Things for sale"));
        QCOMPARE(ask("SELECT column_comment FROM information_schema.columns WHERE table_schema = "
                     "DATABASE() AND table_name = 'products' AND column_name IN ('code', "
                     "'price') ORDER BY ordinal_position"),
                 QStringLiteral("The shop's own article code|Price in cents"));
        QCOMPARE(ask("SELECT collation_name FROM information_schema.columns WHERE table_schema = "
                     "DATABASE() AND table_name = 'products' AND column_name = 'code'"),
                 QStringLiteral("utf8mb4_bin"));
        QCOMPARE(ask("SELECT extra FROM information_schema.columns WHERE table_schema = "
                     "DATABASE() AND table_name = 'products' AND column_name = 'id'"),
                 QStringLiteral("auto_increment"));
        QCOMPARE(ask("SELECT CONCAT(extra, ' ', generation_expression) FROM "
                     "information_schema.columns WHERE table_schema = DATABASE() AND "
                     "table_name = 'products' AND column_name = 'double_price'"),
                 QStringLiteral("STORED GENERATED `price` * 2"));
        // SQLAlchemy's MySQL dialect makes no sequences (it would only once connected to a
        // MariaDB 10.3 or later), and neither does the exporter.
        QCOMPARE(ask("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                     "DATABASE() AND table_type = 'SEQUENCE'"),
                 QStringLiteral("0"));
        break;
    default: {
        const QString sql = ask("SELECT sql FROM sqlite_master WHERE name = 'products'");
        QVERIFY2(sql.contains(QStringLiteral("NOCASE"), Qt::CaseInsensitive), qPrintable(sql));
        QCOMPARE(ask("SELECT hidden FROM pragma_table_xinfo('products') WHERE name = "
                     "'double_price'"),
                 QStringLiteral("3")); // a stored generated column
        break;
    }
    }

    // The same seen in use: the key starts where the identity says (PostgreSQL), the generated
    // column computes, and only SQLite's NOCASE finds 'abc' as 'ABC'.
    QString error;
    QVERIFY2(
        db.exec(QStringLiteral("INSERT INTO products (code, price) VALUES ('abc', 3)"), &error),
        qPrintable(error));
    QCOMPARE(ask("SELECT id FROM products"),
             dialect == SqlDialect::Postgres ? QStringLiteral("100") : QStringLiteral("1"));
    QCOMPARE(ask("SELECT double_price FROM products"), QStringLiteral("6"));
    QCOMPARE(ask("SELECT COUNT(*) FROM products WHERE code = 'ABC'"),
             dialect == SqlDialect::Sqlite ? QStringLiteral("1") : QStringLiteral("0"));
    QVERIFY2(db.exec(QStringLiteral("DELETE FROM products"), &error), qPrintable(error));

    const CliResult rolledBack = runner.run({QStringLiteral("rollback")});
    CLI_EXPECT_EXIT(rolledBack, 0);
    const QStringList left = tableNames(db);
    for (const char *table : {"products", "tickets"})
        QVERIFY2(!left.contains(QString::fromLatin1(table)), qPrintable(left.join(u' ')));
    // The sequences go too, the identity's with its table (the tracking tables keep theirs).
    if (dialect == SqlDialect::Postgres)
        QCOMPARE(ask("SELECT relname FROM pg_class WHERE relkind = 'S' AND relnamespace = "
                     "current_schema()::regnamespace AND relname IN ('invoice_numbers', "
                     "'ticket_ids', 'products_id_seq')"),
                 QString());
}

void TestCliModels::brokenSequence_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("blamed");
    QTest::addColumn<QString>("message");
    QTest::addColumn<QString>("hint");
    const QByteArray header = "from sqlalchemy import Column, Integer, MetaData, Sequence, Table\n"
                              "\nmetadata = MetaData()\n";
    QTest::newRow("sequence names a schema")
        << header + "counter = Sequence(\"counter\", schema=\"audit\", metadata=metadata)\n"
                    "things = Table(\"things\", metadata, Column(\"id\", Integer, "
                    "primary_key=True))\n"
        << "models/seq.py:4:"
        << "Sequence audit.counter names a schema"
        << "set postgres_schema in jetbase/env.py";
    QTest::newRow("two sequences of one name")
        << header + "other = MetaData()\n"
                    "a = Sequence(\"counter\", start=1, metadata=metadata)\n"
                    "b = Sequence(\"counter\", start=5, metadata=other)\n"
                    "things = Table(\"things\", metadata, Column(\"id\", Integer, "
                    "primary_key=True))\n"
        << "models/seq.py:5:"
        << "Sequence counter is defined twice"
        << "Define the Sequence once";
}

// Sequences come through on PostgreSQL only; the ones Tidemark cannot take are refused with the
// file and a hint, and nothing is changed.
void TestCliModels::brokenSequence()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, blamed);
    QFETCH(QString, message);
    QFETCH(QString, hint);
    ScratchDatabase db(SqlDialect::Postgres);
    TIDEMARK_REQUIRE(db);
    TempProject project(db.url());
    writeProjectFile(project, QStringLiteral("models/seq.py"), content);
    const QStringList before = snapshotOf(db);
    const CliResult r = runnerIn(project).run({QStringLiteral("make-migrations")});
    CLI_EXPECT_EXIT(r, 1);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), project.root() + u'/' + blamed);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), message);
    CLI_EXPECT_CONTAINS(r, r.stderrText(), hint);
    CLI_EXPECT_NOT_CONTAINS(r, r.stderrText(), QStringLiteral("Traceback"));
    QCOMPARE(migrationFiles(project).size(), 0);
    QCOMPARE(snapshotOf(db), before);
}

QTEST_GUILESS_MAIN(TestCliModels)
#include "tst_climodels.moc"
