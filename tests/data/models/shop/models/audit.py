# A second, unrelated declarative base: every base in the model files counts.
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

AuditBase = declarative_base()


class AuditEntry(AuditBase):
    __tablename__ = "audit_log"
    id = Column(Integer, primary_key=True)
    action = Column(String(50), nullable=False, index=True)
