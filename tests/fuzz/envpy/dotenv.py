from dotenv import load_dotenv
load_dotenv(override=True)
import os
sqlalchemy_url = os.getenv("DBURL")
