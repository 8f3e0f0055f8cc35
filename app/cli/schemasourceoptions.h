#pragma once

#include "common/result.h"
#include "engine/schemadiff.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

namespace tidemark::cli {

// The options of diff and make-migrations that say where the desired schema comes from.
QList<QCommandLineOption> schemaSourceOptions();
// Fills options from the parsed command line; a usage error when they contradict each other.
Status readSchemaSource(const QCommandLineParser &parser, DiffOptions *options);

} // namespace tidemark::cli
