#pragma once

#include "schema/schemamodel.h"

#include <QByteArray>

#include <optional>

namespace tidemark {

// A Schema as bytes and back, every field of every part (QDataStream), for the cache of
// normalised desired schemas. nullopt for bytes that are not a whole schema of this format.
QByteArray serializeSchema(const Schema &schema);
std::optional<Schema> deserializeSchema(const QByteArray &bytes);

} // namespace tidemark
