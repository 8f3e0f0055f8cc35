#include "cli/schemasourceoptions.h"

namespace tidemark::cli {

QList<QCommandLineOption> schemaSourceOptions()
{
    return {
        {QStringLiteral("schema"),
         QStringLiteral("The desired schema: a .sql file or a folder of them (default: "
                        "jetbase/schema.sql)."),
         QStringLiteral("PATH")},
        {QStringLiteral("from-url"), QStringLiteral("Take the desired schema from this database."),
         QStringLiteral("URL")},
    };
}

Status readSchemaSource(const QCommandLineParser &parser, DiffOptions *options)
{
    if (parser.isSet(QStringLiteral("schema")) && parser.isSet(QStringLiteral("from-url")))
        return Error::make(Error::Code::Usage,
                           QStringLiteral("Give either --schema or --from-url, not both."));
    options->schemaPath = parser.value(QStringLiteral("schema"));
    options->fromUrl = parser.value(QStringLiteral("from-url"));
    return {};
}

} // namespace tidemark::cli
