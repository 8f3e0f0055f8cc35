import os
sqlalchemy_url = os.getenv("DBURL", "sqlite:///fallback.db")
postgres_schema = os.environ.get("SCHEMA")
skip_validation = True
retries: int = 3
