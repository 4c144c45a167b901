# str and bytes methods on generated strings (differential)
cases = ['--é - b', '\t ba\x1c- ', '', 'a', '', 'éa-', '-éé\t-', '', '-', '\x1cb\t\n', '\tab', '\x1c', '\t', 'baaééa', '\x1c\x1c\x1cbé\t\n', '\t', 'a\x1cb é', 'a', '', '- é-é \x1c', 'b\x1c\x1céa\t', 'aé \x1c', 'a', 'é-', 'a\n\t\x1c', 'b', 'é', 'a\n\n', ' - \x1c  \t', 'éé ', '\x1c-b', 'abba\té', '\t\x1c-\t b', 'é-', '\t', 'éab', '\x1c-éa', '', '\t\n', 'b\n', '-\n', 'aa', '\n\taab-b', '\n bb', '\na \n\nb-', '\x1c', '', 'a\x1c\x1cabbb', '\t', '\n\x1c---b', '', 'b-aé', '-', '\ta\n\t é ', '--é\n\x1c', 'é\x1céé', 'é\né  -', 'ab\t b', '-\té\x1c\x1c-\n', '\nba\ta\t\n', 'a \x1c-', 'a\té', 'ab', 'b\nbéé-\t', 'a-', '', 'é\t', ' \x1céb\x1c', ' --éa\x1c', '-\nébb', 'é\x1cb', '\n\ta\n', 'a', '\n\x1c\t-aéb', 'a \n - ', '-bé-\t \t', '\x1cé\t ', '-é\x1cb', '', 'aa\x1cb-b', 'b-', '\x1c\té-- ', '\x1c-\nbé', 'a\t aaé', 'éa', '\n\né-', '-', '\t', '\x1ca\x1c', ' ééé é', ' \n\néé', 'b é', 'b\t', 'b\x1c\x1c é\x1c', '', 'é', '\nb\néb', 'baa- é ', 'é', ' \t', 'a', '-b', '\n', '-\x1c\n\x1cé\n', '', '', ' \x1c-', '\n\x1cé b', '', 'b\x1cé\n\t', 'b \x1c ', '\n\x1c \x1cé', 'b\n', '-ba\n', '', '\t\t\n', '\x1c b', '-éb\x1cab', 'é', '-\x1caé', 'ab\t\t\t\n', 'b-ba\x1c ', '- -a\x1c-', '\t\x1c\t\n\t-', '\t\taa', 'a \x1c', 'a\n\x1ca\nb', '\x1c-\t', 'ab-', 'éb', '', '-béa\n ', '\n', ' \x1c-\t\x1c\n ', ' é-b', '\n\t\té', 'éééé', '', '', '', '\t\x1caa', 'é', 'bb é', '--\né\n', '- bb-', '-\x1c\t', ' \n \n\t ', '\nb-\nbb', '--\tab\t', 'b\t-']
seps = [None, "a", "é", " ", "ab", "-"]
def call(f, *a):
    try:
        return repr(f(*a))
    except Exception as e:
        return type(e).__name__ + " " + str(e)
for s in cases:
    row = []
    for sep in seps:
        row.append(call(s.split, sep)); row.append(call(s.rsplit, sep, 1)); row.append(call(s.strip, sep))
        row.append(call(s.lstrip, sep)); row.append(call(s.rstrip, sep))
        if sep is not None:
            row += [call(s.find, sep, 1), call(s.rfind, sep, -3, 5), call(s.count, sep), call(s.replace, sep, "XY", 2),
                    call(s.partition, sep), call(s.rpartition, sep), call(s.startswith, sep, 1), call(s.endswith, (sep, "q"))]
    row += [call(s.splitlines), call(s.splitlines, True), call(s.expandtabs, 3), call(s.title), call(s.swapcase),
            call(s.center, 9, "*"), call(s.zfill, 5), call(s.isspace), call(s.istitle)]
    b = s.encode("utf-8")
    for sep in [None, b"a", b" ", b"\xc3"]:
        row += [call(b.split, sep), call(b.rsplit, sep, 1), call(b.strip, sep)]
        if sep is not None:
            row += [call(b.find, sep), call(b.replace, sep, b"Q"), call(b.partition, sep), call(b.count, sep)]
    row += [call(b.splitlines, True), call(b.title), call(b.isspace), call(b.hex, ":")]
    print(repr(s), " | ".join(row))
