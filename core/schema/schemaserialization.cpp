#include "schemaserialization.h"

#include <QDataStream>
#include <QIODevice>

#include <type_traits>

namespace tidemark {

namespace {

constexpr quint32 Magic = 0x544d5343; // "TMSC"
constexpr quint32 Format = 1;

// Writes with operator<<, reads with operator>>, through one `%`.
class Writer
{
public:
    explicit Writer(QDataStream &out)
        : m_out(out)
    {}
    template <typename T> Writer &operator%(const T &value)
    {
        m_out << value;
        return *this;
    }
    QDataStream &stream() { return m_out; }

private:
    QDataStream &m_out;
};

class Reader
{
public:
    explicit Reader(QDataStream &in)
        : m_in(in)
    {}
    template <typename T> Reader &operator%(T &value)
    {
        m_in >> value;
        return *this;
    }
    QDataStream &stream() { return m_in; }

private:
    QDataStream &m_in;
};

template <typename Stream, typename T> void ioField(Stream &s, T &part);

template <typename Stream, typename Part> void ioList(Stream &s, QList<Part> &list)
{
    quint32 count = quint32(list.size());
    s % count;
    if constexpr (std::is_same_v<Stream, Reader>) {
        list.clear();
        for (quint32 i = 0; i < count && s.stream().status() == QDataStream::Ok; ++i) {
            Part part;
            ioField(s, part);
            list.append(std::move(part));
        }
    } else {
        for (Part &part : list)
            ioField(s, part);
    }
}

// Every field of one part, in one order for both directions: Writer writes them, Reader reads
// them, so the two cannot drift apart.
template <typename Stream, typename T> void ioField(Stream &s, T &p)
{
    if constexpr (std::is_same_v<T, ColumnDef>) {
        s % p.name % p.declaredType % p.normalizedType % p.nullable % p.defaultExpression %
            p.identity % p.enumType % p.comment % p.identityAlways % p.identityOptions %
            p.collation % p.generated % p.generatedStored % p.serial;
    } else if constexpr (std::is_same_v<T, IndexDef>) {
        s % p.name % p.parts % p.partIsExpression % p.unique % p.where % p.partOptions % p.include;
    } else if constexpr (std::is_same_v<T, UniqueConstraintDef>) {
        s % p.name % p.columns;
    } else if constexpr (std::is_same_v<T, ForeignKeyDef>) {
        s % p.name % p.columns % p.referencedTable % p.referencedColumns % p.onDelete % p.onUpdate %
            p.backingIndex;
    } else if constexpr (std::is_same_v<T, CheckConstraintDef>) {
        s % p.name % p.expression;
    } else if constexpr (std::is_same_v<T, TableDef>) {
        s % p.name;
        ioList(s, p.columns);
        s % p.primaryKey.name % p.primaryKey.columns;
        ioList(s, p.indexes);
        ioList(s, p.uniqueConstraints);
        ioList(s, p.foreignKeys);
        ioList(s, p.checks);
        s % p.comment;
    } else if constexpr (std::is_same_v<T, EnumTypeDef>) {
        s % p.name % p.values;
    } else if constexpr (std::is_same_v<T, SchemaObjectDef>) {
        qint32 type = qint32(p.type);
        s % type % p.name % p.table % p.arguments % p.routineKind % p.returns % p.definition %
            p.indexes % p.ownedBy % p.uses % p.grants;
        p.type = SchemaObjectDef::Type(type);
    } else {
        static_assert(sizeof(T) == 0, "no serialization for this part");
    }
}

} // namespace

QByteArray serializeSchema(const Schema &schema)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_0);
    out << Magic << Format;
    Writer w(out);
    Schema copy = schema; // the io functions take parts by reference, for both directions
    ioList(w, copy.tables);
    ioList(w, copy.enums);
    ioList(w, copy.objects);
    return bytes;
}

std::optional<Schema> deserializeSchema(const QByteArray &bytes)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_0);
    quint32 magic = 0, format = 0;
    in >> magic >> format;
    if (in.status() != QDataStream::Ok || magic != Magic || format != Format)
        return std::nullopt;
    Reader r(in);
    Schema schema;
    ioList(r, schema.tables);
    ioList(r, schema.enums);
    ioList(r, schema.objects);
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return schema;
}

} // namespace tidemark
