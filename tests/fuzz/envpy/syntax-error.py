sqlalchemy_url = "unterminated
x = (1,
