# Every literal form: numbers in all bases, floats, imaginary, strings with every prefix.
ints = [0, 7, 00, 0_0, 1_000_000, 0x1F, 0XdeadBEEF, 0x_ff, 0o17, 0O7_7, 0b1010, 0B_1_0, 2**64, 123456789012345678901234567890]
floats = [0.0, 1., .5, 1.5e10, 1E-5, 1_0.0_1, 09.5, 1e1_0, 3.14j, 10j, 0j, 1e3J, 1_0j]
big = 99999999999999999999999999999999999999999999999999 * -1
print(ints, floats, big)
s = ['', "", 'single', "double", '''triple
single''', """triple
double""", 'it\'s', "say \"hi\"", 'tab\tnewline\nbackslash\\']
escapes = '\a\b\f\n\r\t\v \x41\u00e9\U0001F600 \101\0\7 \
continued'
raw = [r'\n', R"\d+", r'''\'''', rb'\x00', Rb"\\", bR'\q', BR'x']
byts = [b'', b'abc', B"\x00\xff\n", b'\101', b'''multi
line''']
uni = [u'unicode', U"upper"]
concat = 'a' 'b' "c" '''d''' r'\e'
bconcat = b'x' rb'\y' B'z'
special = [None, True, False, ..., Ellipsis]
print(s, escapes, raw, byts, uni, concat, bconcat, special)
print(len('é'), 'naïve café', 'ü' + "ß")
