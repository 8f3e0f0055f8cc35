// The static env.py reader answers only for files it fully understands: any statement that may
// change what later lines read makes it name that statement, so the file runs with Python.
#include "project/envpyreader.h"

#include <QTest>

using namespace tidemark;
using namespace Qt::StringLiterals;

class TestEnvPyOpaque : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void opaqueStatements_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<int>("opaqueLine");
        QTest::newRow("literals only") << u"sqlalchemy_url = \"sqlite:///a.db\"\n"_s << 0;
        QTest::newRow("getenv after import os")
            << u"\"\"\"Settings.\"\"\"\nimport os\nimport os as o\nfrom os import getenv\n"
               "pass\nsqlalchemy_url = os.getenv(\"DBURL\", \"sqlite:///a.db\")\n"_s
            << 0;
        QTest::newRow("a function definition does not run")
            << u"def helper():\n    os.environ['X'] = '1'\nsqlalchemy_url = 'sqlite:///a.db'\n"_s
            << 0;
        QTest::newRow("load_dotenv(override=True)")
            << u"import os\nfrom dotenv import load_dotenv\n\nload_dotenv(override=True)\n"
               "sqlalchemy_url = os.getenv(\"DBURL\")\n"_s
            << 2;
        QTest::newRow("call without import line") << u"import os\nimport dotenv\n"_s << 2;
        QTest::newRow("os.environ assignment")
            << u"import os\nos.environ[\"DBURL\"] = \"sqlite:///b.db\"\n"
               "sqlalchemy_url = os.getenv(\"DBURL\")\n"_s
            << 2;
        QTest::newRow("os.environ.update") << u"import os\nos.environ.update(DBURL='x')\n"_s << 2;
        QTest::newRow("if block") << u"import os\nif True:\n    os.environ['A'] = 'b'\n"_s << 2;
        QTest::newRow("class body runs")
            << u"class S:\n    url = 'x'\nsqlalchemy_url = 'sqlite:///a.db'\n"_s << 1;
        QTest::newRow("decorator") << u"@register\ndef f():\n    pass\n"_s << 1;
        QTest::newRow("augmented assignment") << u"x = 1\nx += 1\n"_s << 2;
    }
    void opaqueStatements()
    {
        QFETCH(QString, source);
        const EnvPyContents contents = readEnvPy(source, QProcessEnvironment());
        QTEST(contents.opaqueLine, "opaqueLine");
        QCOMPARE(contents.opaqueStatement.isEmpty(), contents.opaqueLine == 0);
    }
};

QTEST_GUILESS_MAIN(TestEnvPyOpaque)
#include "tst_envpyopaque.moc"
