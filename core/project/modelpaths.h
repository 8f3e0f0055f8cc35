#pragma once

#include "common/result.h"
#include "project/configuration.h"
#include "project/projectlocator.h"

#include <QString>
#include <QStringList>

namespace tidemark {

// The SQLAlchemy model files of a project and how they were found.
struct ModelFiles
{
    QString projectRoot;     // the folder that holds jetbase/; the models run from here
    QStringList files;       // absolute, clean paths; empty when nothing was configured or found
    bool configured = false; // from model_paths / JETBASE_MODELS, not auto-discovery
    QString origin;          // "model_paths from env.py:3", "environment JETBASE_MODELS",
                             // "auto-discovery of models/ and model/ folders"

    // The files relative to the project root, for messages: "models/post.py, models/user.py".
    QString displayList() const;
};

// Finds the model files as Jetbase does (seed 000, JETBASE-COMPAT.md §1):
//  1. model_paths from the configuration. The environment (JETBASE_MODELS, comma-separated,
//     or JETBASE_MODEL_PATHS) comes before env.py and the TOML files there, as for every key.
//     Relative paths resolve against the project root wherever they were written (Jetbase
//     resolves them against jetbase/, which breaks its own "./models/user.py" example). A
//     folder stands for its *.py files. A path that does not exist is an Error::Code::Config.
//  2. Else auto-discovery: every *.py whose name does not start with "_" in any folder named
//     models or model under the project root, skipping .git, venv, .venv, node_modules, build,
//     dist, __pycache__, .tox and .nox, and not following symbolic links to folders.
// The result is sorted (configured lists keep their order, duplicates dropped). Finding no
// files is not an error here; the caller decides (see noModelsError).
Result<ModelFiles> findModelFiles(const ProjectLocation &project, const Configuration &config);

// "No SQLAlchemy model files were found" with a hint naming the three ways to point at them.
Error noModelsError(const ModelFiles &searched);

} // namespace tidemark
