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
        {QStringLiteral("models"),
         QStringLiteral("Take the desired schema from the SQLAlchemy models (model_paths, "
                        "JETBASE_MODELS or models/ folders; the default when there are any).")},
    };
}

Status readSchemaSource(const QCommandLineParser &parser, DiffOptions *options)
{
    const int given = int(parser.isSet(QStringLiteral("schema"))) +
                      int(parser.isSet(QStringLiteral("from-url"))) +
                      int(parser.isSet(QStringLiteral("models")));
    if (given > 1)
        return Error::make(
            Error::Code::Usage,
            QStringLiteral("Give one of --schema, --from-url and --models, not several."));
    options->schemaPath = parser.value(QStringLiteral("schema"));
    options->fromUrl = parser.value(QStringLiteral("from-url"));
    options->fromModels = parser.isSet(QStringLiteral("models"));
    return {};
}

} // namespace tidemark::cli
