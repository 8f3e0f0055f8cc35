# Seed 001 ("Complete Example"): categories and articles. The Base comes from the file's own
# folder (the exporter puts it on sys.path, as Jetbase does).
from sqlalchemy import Column, Integer, String

from base import Base


class Category(Base):
    __tablename__ = "categories"
    id = Column(Integer, primary_key=True)
    name = Column(String(100), nullable=False)
    slug = Column(String(100), unique=True, nullable=False)
