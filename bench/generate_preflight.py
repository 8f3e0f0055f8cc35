"""Writes the preflight benchmark's inputs. Standard library only.

  lint DIR N            N pending PostgreSQL migrations for `check` (and squawk): each creates a
                        table, adds a column with a default, creates an index without
                        CONCURRENTLY, updates rows with a WHERE, and rolls back
  project DIR FILES PER_FILE
                        a project of FILES migrations that each create PER_FILE tables of six
                        columns with an index, rolled back by dropping them (FILES * PER_FILE
                        tables in all)
"""
import os
import sys


def lint(folder, count):
    os.makedirs(folder, exist_ok=True)
    for i in range(1, count + 1):
        with open(os.path.join(folder, f"V{i}__lint_{i}.sql"), "w") as f:
            f.write(f"-- upgrade\n"
                    f"CREATE TABLE lint_{i} (id BIGINT PRIMARY KEY, name VARCHAR(50));\n"
                    f"ALTER TABLE lint_base ADD COLUMN c{i} INTEGER DEFAULT 0;\n"
                    f"CREATE INDEX ix_lint_base_c{i} ON lint_base (c{i});\n"
                    f"UPDATE lint_base SET c{i} = 1 WHERE id < 10;\n"
                    f"-- rollback\n"
                    f"DROP INDEX ix_lint_base_c{i};\n"
                    f"ALTER TABLE lint_base DROP COLUMN c{i};\n"
                    f"DROP TABLE lint_{i};\n")


def project(folder, files, per_file):
    os.makedirs(folder, exist_ok=True)
    for i in range(1, files + 1):
        up, down = [], []
        for j in range(per_file):
            t = f"t{i:03d}_{j:02d}"
            up.append(f"CREATE TABLE {t} (id INTEGER PRIMARY KEY, name VARCHAR(50) NOT NULL, "
                      f"note VARCHAR(200), amount NUMERIC(10, 2) DEFAULT 0, made DATE, "
                      f"flag BOOLEAN);\n"
                      f"CREATE INDEX ix_{t}_name ON {t} (name);\n")
            down.insert(0, f"DROP TABLE {t};\n")
        with open(os.path.join(folder, f"V{i}__tables_{i}.sql"), "w") as f:
            f.write("-- upgrade\n" + "".join(up) + "-- rollback\n" + "".join(down))


if __name__ == "__main__":
    if sys.argv[1] == "lint":
        lint(sys.argv[2], int(sys.argv[3]))
    else:
        project(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
