#include "schema/catalogreaders.h"
#include "schema/schemabuilder.h"

#include "db/connection.h"

#include <QHash>
#include <QSqlQuery>

namespace tidemark {

namespace {

// The four catalog queries read(): one each for tables, columns, indexes and foreign keys. The
// pragma table-valued functions are joined to sqlite_master so that every table is covered by
// the same statement, which keeps the count independent of the number of tables.
constexpr int kQueryCount = 4;

// sqlite_% is SQLite's own namespace (sqlite_sequence, sqlite_stat1); '_' must be escaped or
// LIKE would also drop a user table called "sqliteX".
const char kUserTables[] = "m.type = 'table' AND m.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'";

// A token of a stored CREATE statement. Only what the CHECK and index parsers need: words,
// quoted identifiers and strings (so that their content is never mistaken for syntax) and
// single punctuation characters. Comments are dropped.
struct Token
{
    enum Kind { Word, Identifier, String, Punct };
    Kind kind;
    qsizetype begin; // offsets into the statement text, end exclusive
    qsizetype end;
};

// SQLite's lexical rules: '...' strings with doubled quotes; "...", `...` and [...]
// identifiers; -- and /* */ comments. The text comes from sqlite_master, so it was accepted by
// SQLite and is well formed; an unterminated construct just runs to the end.
QList<Token> tokenize(const QString &sql)
{
    QList<Token> tokens;
    const qsizetype n = sql.size();
    qsizetype i = 0;
    auto quoted = [&](QChar close, Token::Kind kind) {
        const qsizetype begin = i++;
        while (i < n) {
            if (sql[i] == close) {
                // A doubled closing quote is an escaped quote, except for [...] which has none.
                if (close != u']' && i + 1 < n && sql[i + 1] == close) {
                    i += 2;
                    continue;
                }
                ++i;
                break;
            }
            ++i;
        }
        tokens.append({kind, begin, i});
    };
    while (i < n) {
        const QChar c = sql[i];
        if (c.isSpace()) {
            ++i;
        } else if (c == u'-' && i + 1 < n && sql[i + 1] == u'-') {
            while (i < n && sql[i] != u'\n')
                ++i;
        } else if (c == u'/' && i + 1 < n && sql[i + 1] == u'*') {
            const qsizetype close = sql.indexOf(QStringLiteral("*/"), i + 2);
            i = close < 0 ? n : close + 2;
        } else if (c == u'\'') {
            quoted(u'\'', Token::String);
        } else if (c == u'"') {
            quoted(u'"', Token::Identifier);
        } else if (c == u'`') {
            quoted(u'`', Token::Identifier);
        } else if (c == u'[') {
            quoted(u']', Token::Identifier);
        } else if (c.isLetterOrNumber() || c == u'_' || c == u'$') {
            const qsizetype begin = i;
            while (i < n && (sql[i].isLetterOrNumber() || sql[i] == u'_' || sql[i] == u'$'))
                ++i;
            tokens.append({Token::Word, begin, i});
        } else {
            tokens.append({Token::Punct, i, i + 1});
            ++i;
        }
    }
    return tokens;
}

bool isWord(const QString &sql, const Token &t, QLatin1StringView word)
{
    return t.kind == Token::Word &&
           QStringView(sql).sliced(t.begin, t.end - t.begin).compare(word, Qt::CaseInsensitive) ==
               0;
}

bool isPunct(const QString &sql, const Token &t, QChar c)
{
    return t.kind == Token::Punct && sql[t.begin] == c;
}

// Index of the ')' that closes the '(' at tokens[open], or -1.
qsizetype matchingParen(const QString &sql, const QList<Token> &tokens, qsizetype open)
{
    int depth = 0;
    for (qsizetype i = open; i < tokens.size(); ++i) {
        if (isPunct(sql, tokens[i], u'('))
            ++depth;
        else if (isPunct(sql, tokens[i], u')') && --depth == 0)
            return i;
    }
    return -1;
}

// A name token without its quotes ("a""b" -> a"b).
QString unquote(const QString &sql, const Token &t)
{
    const QString text = sql.sliced(t.begin, t.end - t.begin);
    if (t.kind != Token::Identifier && t.kind != Token::String)
        return text;
    const QChar close = text.back();
    QString inner = text.sliced(1, text.size() - 2);
    if (close != u']')
        inner.replace(QString(2, close), QString(close));
    return inner;
}

// The source text between two tokens (inclusive), comments and spacing as written.
QString textOf(const QString &sql, const Token &first, const Token &last)
{
    return sql.sliced(first.begin, last.end - first.begin).trimmed();
}

// CHECK (...) clauses of a CREATE TABLE statement, column- and table-level, with the name of
// a directly preceding CONSTRAINT name. SQLite keeps no catalog of them, only this text.
QList<CheckConstraintDef> parseChecks(const QString &sql)
{
    QList<CheckConstraintDef> checks;
    const QList<Token> tokens = tokenize(sql);
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (!isWord(sql, tokens[i], QLatin1StringView("CHECK")) ||
            !isPunct(sql, tokens[i + 1], u'('))
            continue;
        const qsizetype close = matchingParen(sql, tokens, i + 1);
        if (close < 0 || close == i + 2)
            continue;
        CheckConstraintDef check;
        if (i >= 2 && isWord(sql, tokens[i - 2], QLatin1StringView("CONSTRAINT")))
            check.name = unquote(sql, tokens[i - 1]);
        check.expression = textOf(sql, tokens[i + 2], tokens[close - 1]);
        checks.append(check);
        i = close;
    }
    return checks;
}

// What pragma_index_xinfo cannot tell about a CREATE INDEX statement: the text of each key
// part (needed for expression parts, cid -2) and the WHERE predicate of a partial index.
struct IndexSql
{
    QStringList parts;
    QString where;
};

IndexSql parseCreateIndex(const QString &sql)
{
    IndexSql result;
    const QList<Token> tokens = tokenize(sql);
    // The key list is the first parenthesis after ON: "CREATE INDEX name ON table (...)".
    qsizetype on = -1;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        if (isWord(sql, tokens[i], QLatin1StringView("ON"))) {
            on = i;
            break;
        }
    }
    qsizetype open = -1;
    for (qsizetype i = on + 1; on >= 0 && i < tokens.size(); ++i) {
        if (isPunct(sql, tokens[i], u'(')) {
            open = i;
            break;
        }
    }
    const qsizetype close = open < 0 ? -1 : matchingParen(sql, tokens, open);
    if (close < 0)
        return result;

    auto addPart = [&](qsizetype first, qsizetype last) {
        // The sort order is not part of the key, and a part with one would never compare equal
        // to the same expression written without it.
        if (last > first && (isWord(sql, tokens[last], QLatin1StringView("ASC")) ||
                             isWord(sql, tokens[last], QLatin1StringView("DESC"))))
            --last;
        result.parts.append(first <= last ? textOf(sql, tokens[first], tokens[last]) : QString());
    };
    int depth = 0;
    qsizetype partStart = open + 1;
    for (qsizetype i = open + 1; i < close; ++i) {
        if (isPunct(sql, tokens[i], u'('))
            ++depth;
        else if (isPunct(sql, tokens[i], u')'))
            --depth;
        else if (depth == 0 && isPunct(sql, tokens[i], u',')) {
            addPart(partStart, i - 1);
            partStart = i + 1;
        }
    }
    addPart(partStart, close - 1);

    if (close + 1 < tokens.size() && isWord(sql, tokens[close + 1], QLatin1StringView("WHERE"))) {
        qsizetype last = tokens.size() - 1;
        if (last > close + 1 && isPunct(sql, tokens[last], u';'))
            --last;
        if (last > close + 1)
            result.where = textOf(sql, tokens[close + 2], tokens[last]);
    }
    return result;
}

bool hasAutoincrement(const QString &sql)
{
    const QList<Token> tokens = tokenize(sql);
    for (const Token &t : tokens) {
        if (isWord(sql, t, QLatin1StringView("AUTOINCREMENT")))
            return true;
    }
    return false;
}

// Lower case, spacing collapsed, no spaces around parentheses and commas: "VARCHAR (50)" and
// "varchar(50)" compare equal, "numeric(10, 2)" becomes "numeric(10,2)". SQLite's declared
// type names are otherwise kept as declared (INT stays int, not integer): SQLite stores and
// reports exactly what was declared, and a migration that changes INT to INTEGER is a real
// change of the stored schema text even if the affinity is the same.
QString normalizeType(const QString &declared)
{
    QString type = declared.toLower().simplified();
    for (const QLatin1StringView from :
         {QLatin1StringView(" ("), QLatin1StringView("( "), QLatin1StringView(" )"),
          QLatin1StringView(" ,"), QLatin1StringView(", ")}) {
        const QString to = QString(from).remove(u' ');
        while (type.contains(from))
            type.replace(from, to);
    }
    return type;
}

} // namespace

int SqliteCatalogReader::queryCount() const
{
    return kQueryCount;
}

Result<Schema> SqliteCatalogReader::read(Connection &connection) const
{
    SchemaBuilder builder;
    Schema &schema = builder.schema();
    QHash<QString, QString> tableSql;
    QHash<QString, QString> indexSql; // CREATE INDEX texts; null for automatic indexes
    QList<SchemaObjectDef> objects;   // views and triggers, uses filled in at the end

    // 1. Tables and indexes with their stored CREATE statements. ORDER BY name gives the sorted
    // table list the model asks for (BINARY collation: code-unit order, like QString's <).
    {
        Result<QSqlQuery> q = connection.exec(
            QStringLiteral("SELECT m.type, m.name, m.sql, m.tbl_name"
                           " FROM sqlite_master m WHERE (%1)"
                           " OR m.type IN ('index', 'trigger', 'view') ORDER BY m.name")
                .arg(QLatin1StringView(kUserTables)));
        if (!q)
            return q.error();
        while (q->next()) {
            const QString type = q->value(0).toString();
            const QString name = q->value(1).toString();
            if (type == u"index") {
                indexSql.insert(name, q->value(2).toString());
                continue;
            }
            if (type == u"trigger" || type == u"view") {
                SchemaObjectDef object;
                object.type =
                    type == u"view" ? SchemaObjectDef::Type::View : SchemaObjectDef::Type::Trigger;
                object.name = name;
                if (type == u"trigger")
                    object.table = q->value(3).toString();
                object.definition = q->value(2).toString();
                if (!isToolTable(object.name) && !isToolTable(object.table))
                    objects.append(object);
                continue;
            }
            if (builder.tableFor(name))
                tableSql.insert(name, q->value(2).toString());
        }
    }

    // 2. Columns, in cid order; the primary key from the pk ordinals.
    QHash<QString, QList<QPair<int, QString>>> pkParts;
    {
        Result<QSqlQuery> q = connection.exec(
            QStringLiteral("SELECT m.name, p.cid, p.name, p.type, p.\"notnull\", p.dflt_value, p.pk"
                           " FROM sqlite_master m JOIN pragma_table_info(m.name) p"
                           " WHERE %1 ORDER BY m.name, p.cid")
                .arg(QLatin1StringView(kUserTables)));
        if (!q)
            return q.error();
        while (q->next()) {
            const QString tableName = q->value(0).toString();
            TableDef *table = builder.find(tableName);
            if (!table)
                continue;
            ColumnDef column;
            column.name = q->value(2).toString();
            column.declaredType = q->value(3).toString();
            column.normalizedType = normalizeType(column.declaredType);
            column.nullable = q->value(4).toInt() == 0;
            if (!q->isNull(5))
                column.defaultExpression = q->value(5).toString();
            const int pk = q->value(6).toInt();
            if (pk > 0)
                pkParts[tableName].append({pk, column.name});
            table->columns.append(column);
        }
    }
    for (TableDef &table : schema.tables) {
        QList<QPair<int, QString>> parts = pkParts.value(table.name);
        std::sort(parts.begin(), parts.end());
        for (const auto &part : parts)
            table.primaryKey.columns.append(part.second);
        // Only an INTEGER PRIMARY KEY (the rowid alias) can be AUTOINCREMENT, and SQLite
        // rejects the keyword anywhere else, so its presence in the table text is enough.
        if (table.primaryKey.columns.size() == 1) {
            for (ColumnDef &column : table.columns) {
                if (column.name == table.primaryKey.columns.first() &&
                    column.declaredType.compare(u"integer", Qt::CaseInsensitive) == 0 &&
                    hasAutoincrement(tableSql.value(table.name)))
                    column.identity = true;
            }
        }
        table.checks = parseChecks(tableSql.value(table.name));
    }

    // 3. Indexes and unique constraints, key columns only (key = 1 leaves out the rowid and
    // the columns SQLite appends to every index). origin: 'pk' backs the primary key, 'u' a
    // UNIQUE constraint, 'c' a CREATE INDEX.
    {
        Result<QSqlQuery> q = connection.exec(
            QStringLiteral("SELECT m.name, il.name, il.\"unique\", il.origin, il.partial,"
                           " ix.seqno, ix.cid, ix.name, ix.\"desc\""
                           " FROM sqlite_master m JOIN pragma_index_list(m.name) il"
                           " JOIN pragma_index_xinfo(il.name) ix"
                           " WHERE %1 AND ix.\"key\" = 1 AND il.origin <> 'pk'"
                           " ORDER BY m.name, il.name, ix.seqno")
                .arg(QLatin1StringView(kUserTables)));
        if (!q)
            return q.error();
        QString currentTable, currentIndex;
        IndexSql parsed;
        while (q->next()) {
            const QString tableName = q->value(0).toString();
            TableDef *found = builder.find(tableName);
            if (!found)
                continue;
            TableDef &table = *found;
            const QString indexName = q->value(1).toString();
            const QString origin = q->value(3).toString();
            const bool first = indexName != currentIndex || tableName != currentTable;
            currentTable = tableName;
            currentIndex = indexName;
            const int seqno = q->value(5).toInt();
            const int cid = q->value(6).toInt();
            if (origin == u"u") {
                // SQLite drops the CONSTRAINT name of a UNIQUE constraint; the automatic index
                // name (sqlite_autoindex_t_N) depends on declaration order, so it is no name to
                // compare by either: unique constraints stay unnamed here.
                if (first)
                    table.uniqueConstraints.append(UniqueConstraintDef());
                table.uniqueConstraints.last().columns.append(q->value(7).toString());
                continue;
            }
            if (first) {
                IndexDef index;
                index.name = indexName;
                index.unique = q->value(2).toInt() != 0;
                parsed = parseCreateIndex(indexSql.value(indexName));
                if (q->value(4).toInt() != 0)
                    index.where = parsed.where;
                table.indexes.append(index);
            }
            IndexDef &index = table.indexes.last();
            if (q->value(8).toInt() != 0) {
                index.partOptions.resize(seqno + 1);
                index.partOptions[seqno] = QStringLiteral("DESC");
            }
            if (cid == -2) { // an expression: only the CREATE INDEX text has it
                index.parts.append(parsed.parts.value(seqno));
                index.partIsExpression.append(true);
            } else {
                index.parts.append(q->value(7).toString());
                index.partIsExpression.append(false);
            }
        }
    }

    // 4. Foreign keys, one row per column pair, grouped by id. SQLite keeps no constraint
    // names, so they stay empty.
    {
        Result<QSqlQuery> q = connection.exec(
            QStringLiteral("SELECT m.name, f.id, f.\"table\", f.\"from\", f.\"to\", f.on_update,"
                           " f.on_delete"
                           " FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) f"
                           " WHERE %1 ORDER BY m.name, f.id, f.seq")
                .arg(QLatin1StringView(kUserTables)));
        if (!q)
            return q.error();
        QString currentTable;
        int currentId = -1;
        while (q->next()) {
            const QString tableName = q->value(0).toString();
            TableDef *found = builder.find(tableName);
            if (!found)
                continue;
            TableDef &table = *found;
            const int id = q->value(1).toInt();
            if (id != currentId || tableName != currentTable) {
                ForeignKeyDef fk;
                fk.referencedTable = q->value(2).toString();
                fk.onUpdate = q->value(5).toString().toUpper();
                fk.onDelete = q->value(6).toString().toUpper();
                table.foreignKeys.append(fk);
                currentId = id;
                currentTable = tableName;
            }
            ForeignKeyDef &fk = table.foreignKeys.last();
            fk.columns.append(q->value(3).toString());
            // "to" is NULL for REFERENCES parent without columns: the parent's primary key,
            // resolved below once every table's key is known.
            fk.referencedColumns.append(q->isNull(4) ? QString() : q->value(4).toString());
        }
    }
    for (TableDef &table : schema.tables) {
        for (ForeignKeyDef &fk : table.foreignKeys) {
            if (!fk.referencedColumns.contains(QString()))
                continue;
            const TableDef *parent = schema.table(fk.referencedTable);
            // Names in REFERENCES are case-insensitive in SQLite; fall back to a folded match.
            for (qsizetype i = 0; !parent && i < schema.tables.size(); ++i) {
                if (schema.tables[i].name.compare(fk.referencedTable, Qt::CaseInsensitive) == 0)
                    parent = &schema.tables[i];
            }
            if (parent && parent->primaryKey.columns.size() == fk.columns.size())
                fk.referencedColumns = parent->primaryKey.columns;
        }
    }
    schema.objects = objects;
    builder.findUsesInDefinitions();
    return builder.finish();
}

} // namespace tidemark
