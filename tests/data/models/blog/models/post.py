# The post model imports the shared Base by its dotted name from the project root.
from sqlalchemy import Column, DateTime, Enum, ForeignKey, Integer, String, func

from models.user import Base


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    title = Column(String(255), nullable=False, index=True)
    # A PostgreSQL enum type (CREATE TYPE post_status AS ENUM ...); ENUM(...) on MariaDB,
    # VARCHAR on SQLite.
    status = Column(Enum("draft", "published", "archived", name="post_status"), nullable=False)
    created_at = Column(DateTime, server_default=func.now())
    user_id = Column(Integer, ForeignKey("users.id"), nullable=False)
