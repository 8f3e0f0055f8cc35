"""Writes the schemas of the make-migrations benchmark: N tables of 15 columns, each with an
index and a foreign key (table i references table i // 10, so t0000 references itself).

  OUT/sqlite/before.sql, OUT/sqlite/after.sql       what is live, what is wanted
  OUT/postgres/before.sql, OUT/postgres/after.sql
  OUT/models.py                                     SQLAlchemy 1.4 models equal to after.sql
  OUT/postgres/objects-before.sql, objects-after.sql  with --views/--triggers/--functions: the
                                                    same plus views, triggers and functions

"after" widens column c01 from varchar(50) to varchar(100) in CHANGED tables (every N/CHANGED-th
one), a change that Tidemark, Alembic (compare_type) and migra all detect. Standard library
only; the models need SQLAlchemy to be imported, not to be written."""
import argparse
import os

# (name, SQL type per dialect, SQLAlchemy type, NOT NULL). id and parent_id come first.
COLUMNS = [
    ("c01", {"sqlite": "varchar(50)", "postgres": "varchar(50)"}, "String(50)", True),
    ("c02", {"sqlite": "varchar(100)", "postgres": "varchar(100)"}, "String(100)", False),
    ("c03", {"sqlite": "integer", "postgres": "integer"}, "Integer", False),
    ("c04", {"sqlite": "integer", "postgres": "integer"}, "Integer", True),
    ("c05", {"sqlite": "bigint", "postgres": "bigint"}, "BigInteger", False),
    ("c06", {"sqlite": "text", "postgres": "text"}, "Text", False),
    ("c07", {"sqlite": "boolean", "postgres": "boolean"}, "Boolean", False),
    ("c08", {"sqlite": "date", "postgres": "date"}, "Date", False),
    ("c09", {"sqlite": "datetime", "postgres": "timestamp"}, "DateTime", False),
    ("c10", {"sqlite": "numeric(10, 2)", "postgres": "numeric(10, 2)"}, "Numeric(10, 2)", False),
    ("c11", {"sqlite": "varchar(200)", "postgres": "varchar(200)"}, "String(200)", False),
    ("c12", {"sqlite": "varchar(20)", "postgres": "varchar(20)"}, "String(20)", True),
    ("c13", {"sqlite": "bigint", "postgres": "bigint"}, "BigInteger", True),
]
CHANGED_COLUMN = "c01"
CHANGED_SQL, CHANGED_SA = "varchar(100)", "String(100)"
INDEXED_COLUMN = "c02"


def table(i):
    return f"t{i:04d}"


def parent(i):
    # A tree, not a chain: with t(i) -> t(i-1), SQLAlchemy's reflection (which follows each
    # foreign key to the table it references) recurses 1,000 deep and fails (RecursionError).
    return table(i // 10)


def changed_tables(n, changed):
    step = n // changed
    return set(range(step - 1, n, step)[:changed])


def columns_of(i, changed, dialect):
    """(name, SQL type, SQLAlchemy type, NOT NULL) of table i's 13 plain columns."""
    for name, sql_types, sa_type, not_null in COLUMNS:
        if name == CHANGED_COLUMN and i in changed:
            yield name, CHANGED_SQL, CHANGED_SA, not_null
        else:
            yield name, sql_types[dialect], sa_type, not_null


def schema_sql(n, changed, dialect):
    out = [f"-- make-migrations benchmark: {n} tables ({dialect})\n"]
    for i in range(n):
        t = table(i)
        lines = ["    id integer NOT NULL PRIMARY KEY", "    parent_id integer"]
        for name, sql_type, _, not_null in columns_of(i, changed, dialect):
            lines.append(f"    {name} {sql_type}" + (" NOT NULL" if not_null else ""))
        lines.append(f"    CONSTRAINT fk_{t}_parent FOREIGN KEY (parent_id) "
                     f"REFERENCES {parent(i)} (id)")
        out.append(f"CREATE TABLE {t} (\n" + ",\n".join(lines) + "\n);\n")
        out.append(f"CREATE INDEX ix_{t}_{INDEXED_COLUMN} ON {t} ({INDEXED_COLUMN});\n")
    return "".join(out)


def objects_sql(n, views, triggers, functions, changed_views, changed_functions, after):
    """PostgreSQL views over unchanged columns, trigger functions and triggers using them; in
    "after" the first changed_views views and changed_functions functions differ."""
    out = [f"-- {views} views, {triggers} triggers, {functions} functions\n"]
    for f in range(functions):
        value = f + 1000 if after and f < changed_functions else f
        out.append(f"CREATE FUNCTION f{f:03d}() RETURNS trigger LANGUAGE plpgsql AS $$\n"
                   f"BEGIN\n    NEW.c03 := coalesce(NEW.c03, {value});\n    RETURN NEW;\nEND\n$$;\n")
    for v in range(views):
        bound = v + 1 if after and v < changed_views else v
        out.append(f"CREATE VIEW v{v:03d} AS SELECT id, c02, c03 FROM {table(v * n // views)} "
                   f"WHERE c03 > {bound};\n")
    for g in range(triggers):
        out.append(f"CREATE TRIGGER g{g:03d} BEFORE INSERT ON {table(g * n // triggers)} "
                   f"FOR EACH ROW EXECUTE FUNCTION f{g % max(functions, 1):03d}();\n")
    return "".join(out)


def models_py(n, changed):
    out = ['"""SQLAlchemy models of the make-migrations benchmark (generated)."""\n',
           "from sqlalchemy import (BigInteger, Boolean, Column, Date, DateTime, ForeignKey,"
           " Index,\n                        Integer, MetaData, Numeric, String, Table, Text)\n\n",
           "metadata = MetaData()\n"]
    for i in range(n):
        t = table(i)
        out.append(f'\n{t} = Table(\n    "{t}", metadata,\n'
                   '    Column("id", Integer, primary_key=True, autoincrement=False),\n'
                   f'    Column("parent_id", Integer, ForeignKey("{parent(i)}.id", '
                   f'name="fk_{t}_parent")),\n')
        for name, _, sa_type, not_null in columns_of(i, changed, "sqlite"):
            out.append(f'    Column("{name}", {sa_type}, nullable={not not_null}),\n')
        out.append(f'    Index("ix_{t}_{INDEXED_COLUMN}", "{INDEXED_COLUMN}"),\n)\n')
    return "".join(out)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out", help="folder to write into")
    parser.add_argument("--tables", type=int, default=1000)
    parser.add_argument("--changed", type=int, default=100,
                        help="tables whose c01 is widened in after.sql (default 100)")
    parser.add_argument("--views", type=int, default=0)
    parser.add_argument("--triggers", type=int, default=0)
    parser.add_argument("--functions", type=int, default=0)
    parser.add_argument("--changed-views", type=int, default=0)
    parser.add_argument("--changed-functions", type=int, default=0)
    args = parser.parse_args()
    if not 0 < args.changed <= args.tables:
        parser.error("--changed must be between 1 and the number of tables")
    changed = changed_tables(args.tables, args.changed)
    for dialect in ("sqlite", "postgres"):
        write(os.path.join(args.out, dialect, "before.sql"), schema_sql(args.tables, set(), dialect))
        write(os.path.join(args.out, dialect, "after.sql"), schema_sql(args.tables, changed, dialect))
    write(os.path.join(args.out, "models.py"), models_py(args.tables, changed))
    if args.views or args.triggers or args.functions:
        for name, after in (("before", False), ("after", True)):
            objects = objects_sql(args.tables, args.views, args.triggers, args.functions,
                                  args.changed_views, args.changed_functions, after)
            tables = schema_sql(args.tables, changed if after else set(), "postgres")
            write(os.path.join(args.out, "postgres", f"objects-{name}.sql"), tables + objects)


if __name__ == "__main__":
    main()
