# Tidemark's SQLAlchemy model exporter. Tidemark embeds this file and runs it with the user's
# Python as `python - DIALECT PROJECT_ROOT MODEL_FILE...` (the script on stdin), so that Python
# itself runs the models: they are code, and only SQLAlchemy knows what DDL they mean.
#
# It imports every model file, collects every MetaData reachable from the module globals
# (declarative bases old and new, mapped classes, registries, Table and MetaData objects), and
# prints the DDL of the target dialect, compiled by SQLAlchemy's own DDL compiler:
# PostgreSQL enum types, then the sequences, then the tables in foreign-key order, each followed
# by its indexes and (where comments are not written inline) its COMMENT ON statements.
# What metadata.create_all would create for the dialect, and nothing else: comments only where
# the dialect supports them, sequences only where it has them (a Sequence is skipped on SQLite
# and MySQL/MariaDB, as create_all does without a connection to ask the server's version).
#
# Output: one JSON object after the marker line on stdout, nothing else there (whatever the
# models print goes to stderr):
#   {"statements": [...], "tables": n, "sqlalchemy": "1.4.46", "python": "3.11.2"}
#   {"error": "...", "kind": "syntax|import|compile|conflict|no_tables|no_sqlalchemy|usage",
#    "file": "...", "line": n, "table": "...", "column": "..."}
# No database driver is needed: DDL is compiled against the dialect classes alone.
#
# Works with SQLAlchemy 1.4 and 2.x; Python 3.7 or later.

import importlib
import importlib.util
import inspect
import json
import os
import re
import sys
import traceback

MARKER = "@@TIDEMARK-MODELS@@"
_out = sys.stdout


def emit(result):
    _out.write("\n" + MARKER + json.dumps(result) + "\n")
    _out.flush()
    sys.exit(0)


def exception_text(exc):
    """SQLAlchemy's message without the compiler's repr and the link to its error guide."""
    text = re.sub(r"^Compiler <[^>]*> ", "", str(exc))
    return re.sub(r"\s*\(Background on this error at: [^)]*\)\s*$", "", text)


def fail(kind, message, file="", line=0, **extra):
    result = {"error": message, "kind": kind, "file": file, "line": line or 0}
    result.update(extra)
    emit(result)


def is_inside(path, folder):
    path, folder = os.path.realpath(path), os.path.realpath(folder)
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def blame(exc, model_files, project_root, fallback_file):
    """The file and line to show for an exception raised while importing the models: the
    innermost traceback frame inside a model file, else inside the project (a helper module
    of the user's), else the model file being imported."""
    frames = traceback.extract_tb(exc.__traceback__)
    models = {os.path.realpath(f) for f in model_files}
    for wanted in (lambda f: os.path.realpath(f) in models,
                   lambda f: is_inside(f, project_root) and not f.startswith("<")):
        for frame in reversed(frames):
            if wanted(frame.filename):
                return os.path.abspath(frame.filename), frame.lineno or 0
    return fallback_file, 0


def module_name_for(path, project_root):
    """A dotted name for a file under the project root whose folders are all identifiers
    (models/user.py -> models.user), so that `from models.user import User` elsewhere finds
    the same module instead of running the file a second time (which would define every table
    twice); None for a file outside the project or in a folder that is not a valid name."""
    if not is_inside(path, project_root):
        return None
    relative = os.path.relpath(os.path.realpath(path), os.path.realpath(project_root))
    parts = relative[:-3].split(os.sep) if relative.endswith(".py") else None
    if not parts or not all(p.isidentifier() for p in parts):
        return None
    return ".".join(parts)


class OneModulePerFile:
    """A meta path finder that gives a project file already imported under one name to an
    import under another name (`models.base` and `base`, with both the project root and the
    model folders on sys.path), instead of running it twice: a second run would make a second
    declarative base with a second copy of every table."""

    def __init__(self, project_root):
        self.project_root = project_root
        self.specs = {}  # realpath -> the module's own spec, restored after aliasing

    def loaded(self, origin):
        for module in list(sys.modules.values()):
            file = getattr(module, "__file__", None)
            if file and os.path.realpath(file) == origin:
                return module
        return None

    def find_spec(self, name, path, target=None):
        from importlib.machinery import PathFinder
        spec = PathFinder.find_spec(name, path)
        if spec is None or not spec.origin or not spec.has_location:
            return None
        origin = os.path.realpath(spec.origin)
        if not origin.endswith(".py") or not is_inside(origin, self.project_root):
            return None
        module = self.loaded(origin)
        if module is None:
            return None
        self.specs[origin] = module.__spec__
        return importlib.util.spec_from_loader(name, self, origin=spec.origin)

    def create_module(self, spec):
        return self.loaded(os.path.realpath(spec.origin))

    def exec_module(self, module):
        original = self.specs.get(os.path.realpath(module.__file__))
        if original is not None:
            module.__spec__ = original


def import_model(path, project_root, index):
    name = module_name_for(path, project_root)
    if name is not None:
        try:
            module = importlib.import_module(name)
            if os.path.realpath(getattr(module, "__file__", "") or "") == os.path.realpath(path):
                return module
        except ModuleNotFoundError as e:
            # Only when the dotted name itself cannot be found (a stdlib or installed package
            # of that name wins); an import the model makes must be reported.
            if e.name is None or not (name == e.name or name.startswith(e.name + ".")):
                raise
        # Another module of that name won: import the file under a name of its own.
    stem = re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])
    unique = "tidemark_model_%d_%s" % (index, stem)
    spec = importlib.util.spec_from_file_location(unique, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[unique] = module
    spec.loader.exec_module(module)
    return module


def metadata_of(value, sa):
    """The MetaData a module-level object leads to, or None."""
    MetaData = sa.MetaData
    if isinstance(value, MetaData):
        return value
    if isinstance(value, sa.Table):
        return value.metadata
    registry_type = getattr(sa.orm, "registry", None)
    if registry_type is not None and isinstance(value, registry_type):
        return value.metadata
    if inspect.isclass(value):
        try:
            metadata = getattr(value, "metadata", None)
        except Exception:  # a class whose attribute access fails is not ours to judge
            return None
        if isinstance(metadata, MetaData):
            return metadata
    return None


def collect(modules, sa):
    """Every MetaData reachable from the modules' globals, in first-seen order (deduplicated),
    and the mapped classes by table, for error locations."""
    metadatas, seen, classes = [], set(), {}
    for module in modules:
        for name in sorted(vars(module)):
            value = vars(module)[name]
            metadata = metadata_of(value, sa)
            if metadata is not None and id(metadata) not in seen:
                seen.add(id(metadata))
                metadatas.append(metadata)
            table = getattr(value, "__table__", None) if inspect.isclass(value) else None
            if isinstance(table, sa.Table):
                classes.setdefault(table, value)
    return metadatas, classes


def dialect_for(name):
    # The base dialect classes: compiling DDL needs no DBAPI driver.
    if name == "sqlite":
        from sqlalchemy.dialects.sqlite.base import SQLiteDialect
        return SQLiteDialect()
    if name == "postgresql":
        from sqlalchemy.dialects.postgresql.base import PGDialect
        return PGDialect()
    if name == "mysql":
        from sqlalchemy.dialects.mysql.base import MySQLDialect
        return MySQLDialect()
    fail("usage", "Unknown dialect %r (expected sqlite, postgresql or mysql)." % name)


def create_enum_type():
    try:  # SQLAlchemy 2.x
        from sqlalchemy.dialects.postgresql.named_types import CreateEnumType
    except ImportError:  # SQLAlchemy 1.4
        from sqlalchemy.dialects.postgresql.base import CreateEnumType
    return CreateEnumType


def first_call(model_files, callee, name):
    """File and line of the first callee("name", ...) in the model files, else ("", 0)."""
    pattern = re.compile(r"%s\(\s*['\"]%s['\"]" % (callee, re.escape(name)))
    for path in model_files:
        try:
            with open(path, encoding="utf-8") as handle:
                for number, text in enumerate(handle, 1):
                    if pattern.search(text):
                        return path, number
        except OSError:
            pass
    return "", 0


def where_sequence(sequence, classes, model_files):
    """File and line of a sequence: of its column's attribute, else of a Sequence("name", ...)
    call in a model file."""
    column = getattr(sequence, "column", None)
    if column is not None and getattr(column, "table", None) is not None:
        file, line = where_defined(column.table, column, classes, model_files)
        if file:
            return file, line
    return first_call(model_files, "Sequence", sequence.name)


def sequences_of(metadatas, tables, dialect):
    """The sequences create_all would create for the dialect: the standalone ones of every
    MetaData and those of the tables' columns (Column(Integer, Sequence("s"))), the same one
    possibly more than once. None where the dialect has no sequences, and none that are
    optional=True where the dialect makes its own (PostgreSQL's SERIAL)."""
    from sqlalchemy.schema import Sequence
    if not dialect.supports_sequences:
        return []
    found = []
    for metadata in metadatas:
        found.extend(getattr(metadata, "_sequences", {}).values())
    for table in tables:
        for column in table.columns:
            if isinstance(column.default, Sequence):
                found.append(column.default)
    return [s for s in found
            if not (dialect.sequences_optional and getattr(s, "optional", False))]


def where_defined(table, column, classes, model_files):
    """File and line of the model class (and of the column's attribute when it can be found),
    else of a Table("name", ...) call in a model file."""
    cls = classes.get(table)
    if cls is not None:
        try:
            file = os.path.abspath(inspect.getsourcefile(cls))
            lines, start = inspect.getsourcelines(cls)
        except (OSError, TypeError):
            return "", 0
        keys = [column.key, column.name] if column is not None else []
        try:
            from sqlalchemy import inspect as sa_inspect
            for prop in sa_inspect(cls).column_attrs:
                if column is not None and column in prop.columns:
                    keys.insert(0, prop.key)
        except Exception:
            pass
        for key in keys:
            pattern = re.compile(r"^\s*%s\s*[:=]" % re.escape(key))
            for offset, text in enumerate(lines):
                if pattern.match(text):
                    return file, start + offset
        return file, start
    return first_call(model_files, "Table", table.name)


def compile_ddl(metadatas, classes, dialect, model_files, sa):
    from sqlalchemy.exc import CompileError
    from sqlalchemy.schema import (AddConstraint, CreateIndex, CreateSequence, CreateTable,
                                   SetColumnComment, SetTableComment)
    from sqlalchemy.sql.ddl import sort_tables_and_constraints

    tables, owner = [], {}
    for metadata in metadatas:
        for table in metadata.tables.values():
            key = (table.schema, table.name)
            if key in owner and owner[key] is not table:
                file, line = where_defined(table, None, classes, model_files)
                fail("conflict", "Table %s is defined twice, in two different declarative "
                     "bases or MetaData objects." % table.name, file, line, table=table.name)
            if key not in owner:
                owner[key] = table
                tables.append(table)
    if not tables:
        fail("no_tables", "The model files define no tables: no declarative base, registry, "
             "MetaData or Table in them has any table.")
    for table in tables:
        if table.schema:
            file, line = where_defined(table, None, classes, model_files)
            fail("schema", "Table %s.%s names a schema; Tidemark compares the one schema of "
                 "the connection, so leave the schema out of the model (postgres_schema "
                 "chooses it)." % (table.schema, table.name), file, line, table=table.name)

    def type_error(table, column, exc):
        file, line = where_defined(table, column, classes, model_files)
        fail("compile", "Column %s.%s has a type the %s dialect cannot write: %s"
             % (table.name, column.name, dialect.name, exception_text(exc)), file, line,
             table=table.name, column=column.name)

    # Column types first: a failure there names the column, not only the table.
    for table in tables:
        for column in table.columns:
            try:
                column.type.compile(dialect=dialect)
            except CompileError as exc:
                type_error(table, column, exc)

    statements = []
    if dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import ENUM
        CreateEnumType = create_enum_type()
        enums = {}
        for table in sorted(tables, key=lambda t: t.name):
            for column in table.columns:
                impl = column.type.dialect_impl(dialect)
                if isinstance(impl, ENUM) and (impl.schema, impl.name) not in enums:
                    enums[(impl.schema, impl.name)] = impl
        for impl in enums.values():
            statements.append(str(CreateEnumType(impl).compile(dialect=dialect)).strip())

    # Sequences before the tables, as create_all makes them (a column's default may name one).
    # One statement per name: the same Sequence reached twice, or two alike, is one sequence;
    # two different ones of one name cannot both be meant.
    sequences = {}
    for sequence in sequences_of(metadatas, tables, dialect):
        if sequence.schema:
            file, line = where_sequence(sequence, classes, model_files)
            fail("schema", "Sequence %s.%s names a schema; Tidemark compares the one schema "
                 "of the connection, so leave the schema out of the model (postgres_schema "
                 "chooses it)." % (sequence.schema, sequence.name), file, line)
        try:
            text = str(CreateSequence(sequence).compile(dialect=dialect)).strip()
        except CompileError as exc:
            file, line = where_sequence(sequence, classes, model_files)
            fail("compile", "Sequence %s cannot be written for the %s dialect: %s"
                 % (sequence.name, dialect.name, exception_text(exc)), file, line)
        if sequences.get(sequence.name, text) != text:
            file, line = where_sequence(sequence, classes, model_files)
            fail("sequence_conflict", "Sequence %s is defined twice, with different options."
                 % sequence.name, file, line)
        sequences[sequence.name] = text
    statements.extend(sequences[name] for name in sorted(sequences))

    # FK order, the way metadata.create_all does it: a foreign-key cycle is broken by adding
    # the constraints afterwards where the database can ALTER them in; SQLite cannot, and does
    # not check references at CREATE time anyway, so there every key stays inline.
    ordered = sort_tables_and_constraints(sorted(tables, key=lambda t: t.name))
    late = []
    for table, constraints in ordered:
        if table is None:
            late = list(constraints)
            continue
        inline = None if not dialect.supports_alter else constraints
        try:
            statements.append(str(CreateTable(table, include_foreign_key_constraints=inline)
                                  .compile(dialect=dialect)).strip())
            for index in sorted(table.indexes, key=lambda i: i.name or ""):
                statements.append(str(CreateIndex(index).compile(dialect=dialect)).strip())
            # Comments: MySQL/MariaDB write them inside CREATE TABLE; PostgreSQL needs COMMENT
            # ON after it (create_all's own test); SQLite has none.
            if dialect.supports_comments and not dialect.inline_comments:
                if table.comment is not None:
                    statements.append(str(SetTableComment(table).compile(dialect=dialect)).strip())
                for column in table.columns:
                    if column.comment is not None:
                        statements.append(
                            str(SetColumnComment(column).compile(dialect=dialect)).strip())
        except CompileError as exc:
            file, line = where_defined(table, None, classes, model_files)
            fail("compile", "Table %s cannot be written for the %s dialect: %s"
                 % (table.name, dialect.name, exception_text(exc)), file, line, table=table.name)
    if dialect.supports_alter:
        for constraint in late:
            statements.append(str(AddConstraint(constraint).compile(dialect=dialect)).strip())
    return statements, len(tables)


def main():
    if len(sys.argv) < 4:
        fail("usage", "usage: python - DIALECT PROJECT_ROOT MODEL_FILE...")
    dialect_name, project_root = sys.argv[1], os.path.abspath(sys.argv[2])
    model_files = [os.path.abspath(p) for p in sys.argv[3:]]
    sys.dont_write_bytecode = True  # no __pycache__ folders in the user's project

    try:
        import sqlalchemy as sa
        import sqlalchemy.orm  # noqa: F401 (sa.orm below)
    except ImportError as exc:
        fail("no_sqlalchemy", "SQLAlchemy is not installed for %s: %s" % (sys.executable, exc))
    version = tuple(int(p) for p in re.findall(r"\d+", sa.__version__)[:2])
    if version < (1, 4):
        fail("no_sqlalchemy", "SQLAlchemy %s at %s is too old; 1.4 or 2.x is needed."
             % (sa.__version__, sys.executable))
    dialect = dialect_for(dialect_name)

    # The models' own prints must not reach the JSON channel.
    sys.stdout = sys.stderr
    # The project root first (for `from models.base import Base`), then each model file's
    # folder (for `from base import Base`), as Jetbase does; relative paths in the models
    # resolve against the project root.
    os.chdir(project_root)
    front = [project_root] + sorted({os.path.dirname(f) for f in model_files} - {project_root})
    sys.path[:] = front + [p for p in sys.path if p not in front and p not in ("", ".")]

    sys.meta_path.insert(0, OneModulePerFile(project_root))
    modules = []
    for index, path in enumerate(model_files):
        try:
            modules.append(import_model(path, project_root, index))
        except SyntaxError as exc:
            file = os.path.abspath(exc.filename) if exc.filename else path
            fail("syntax", "SyntaxError: %s" % exc.msg, file, exc.lineno or 0)
        except Exception as exc:
            file, line = blame(exc, model_files, project_root, path)
            fail("import", "%s: %s" % (type(exc).__name__, exc), file, line)
        except SystemExit as exc:
            fail("import", "The model file called sys.exit(%s) while being imported."
                 % (exc.code,), path, 0)

    metadatas, classes = collect(modules, sa)
    statements, count = compile_ddl(metadatas, classes, dialect, model_files, sa)
    emit({"statements": statements, "tables": count, "sqlalchemy": sa.__version__,
          "python": sys.version.split()[0]})


main()
