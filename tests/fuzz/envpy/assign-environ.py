import os
os.environ["DBURL"] = "sqlite:///other.db"
sqlalchemy_url = os.getenv("DBURL")
