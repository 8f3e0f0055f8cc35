# Seed 000 (jetbase make-migrations, "Create SQLAlchemy Models"), split in two files as in its
# auto-discovery example: models/user.py and models/post.py.
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    email = Column(String(255), nullable=False, unique=True)
    name = Column(String(100))
