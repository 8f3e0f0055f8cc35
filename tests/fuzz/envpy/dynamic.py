import os
host = "h"
sqlalchemy_url = f"postgresql://u@{host}/db"
if os.getenv("X"):
    sqlalchemy_url = "sqlite:///x.db"
def f():
    y = 1
class C:
    z = 2
n = 1; n += 1
