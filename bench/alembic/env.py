"""env.py of the throwaway Alembic project of bench/makemigrations.sh: the generated models as
target_metadata, online mode only, types compared (compare_type) so a widened varchar shows."""
import os
import sys

from alembic import context
from sqlalchemy import engine_from_config, pool

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import models  # noqa: E402  (written beside this file by generate_schema.py)

config = context.config
engine = engine_from_config(config.get_section(config.config_ini_section), prefix="sqlalchemy.",
                            poolclass=pool.NullPool)
with engine.connect() as connection:
    context.configure(connection=connection, target_metadata=models.metadata, compare_type=True)
    with context.begin_transaction():
        context.run_migrations()
