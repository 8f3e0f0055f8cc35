from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, Text

from base import Base


class Article(Base):
    __tablename__ = "articles"
    id = Column(Integer, primary_key=True)
    title = Column(String(255), nullable=False)
    slug = Column(String(255), unique=True, nullable=False)
    content = Column(Text, nullable=True)
    is_published = Column(Boolean, default=False)
    category_id = Column(Integer, ForeignKey("categories.id"), nullable=False, index=True)
