from os import environ, getenv
import os as o
sqlalchemy_url = environ["DBURL"]
x = o.getenv("EMPTY")
y = getenv("MISSING", None)
