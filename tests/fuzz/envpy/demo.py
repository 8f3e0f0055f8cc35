# Jetbase Configuration
# Update the sqlalchemy_url with your database connection string.

# Tidemark demo: a small bookshop in a SQLite file. The path is relative to this jetbase/
# folder, so the database is created as examples/demo/jetbase/demo.db on the first upgrade.
sqlalchemy_url = "sqlite:///demo.db"
