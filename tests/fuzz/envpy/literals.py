a = b = r"raw\path"
c = ("implicit " 'concat')
d = """triple
quoted"""
e = ['x', "y",]
f = ('t',)
g = 1.5e3
h = None
i = 0x1F
j = u'uni' \
    "cont"
