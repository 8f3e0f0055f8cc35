"""Writes N small migrations (a CREATE TABLE and an INSERT each) in Jetbase's and in dbmate's
file format, with the same SQL, for the benchmarks. Standard library only."""
import argparse
import os


def sql_for(i):
    up = (f"CREATE TABLE bench_t{i} (id INTEGER PRIMARY KEY, name VARCHAR(50));\n"
          f"INSERT INTO bench_t{i} (id, name) VALUES (1, 'row {i}');\n")
    down = f"DROP TABLE bench_t{i};\n"
    return up, down


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("count", type=int)
    parser.add_argument("jetbase_dir", help="jetbase/migrations folder to fill")
    parser.add_argument("dbmate_dir", help="dbmate migrations folder to fill")
    args = parser.parse_args()
    os.makedirs(args.jetbase_dir, exist_ok=True)
    os.makedirs(args.dbmate_dir, exist_ok=True)
    for i in range(1, args.count + 1):
        up, down = sql_for(i)
        with open(os.path.join(args.jetbase_dir, f"V{i}__create_t{i}.sql"), "w") as f:
            f.write(f"-- upgrade\n{up}\n-- rollback\n{down}")
        with open(os.path.join(args.dbmate_dir, f"{i:06d}_create_t{i}.sql"), "w") as f:
            f.write(f"-- migrate:up\n{up}\n-- migrate:down\n{down}")


if __name__ == "__main__":
    main()
