# Sequences: one of its own in the MetaData, and one a column draws its values from. Only
# PostgreSQL gets them (CREATE SEQUENCE before the tables); on SQLite and MariaDB SQLAlchemy
# makes none, and the key is an autoincrement key there.
from sqlalchemy import Column, Integer, Sequence, String

from base import Base

invoice_numbers = Sequence("invoice_numbers", start=1000, increment=10, metadata=Base.metadata)


class Ticket(Base):
    __tablename__ = "tickets"
    id = Column(Integer, Sequence("ticket_ids"), primary_key=True)
    subject = Column(String(200), nullable=False)
