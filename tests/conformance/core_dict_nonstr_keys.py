# A dict whose keys are not all exact str: a str key finds an equal key
# that is a str subclass or an object with its own __eq__ (the str fast
# path must not stop at them), through get, [], in, setdefault, pop.
class StrSub(str):
    pass


eq_count = 0


class Key3:
    def __hash__(self):
        return hash('key3')

    def __eq__(self, other):
        global eq_count
        if isinstance(other, Key3) or isinstance(other, str) and other == 'key3':
            eq_count += 1
            return True
        return False


for key3 in (StrSub('key3'), Key3()):
    dicts = []
    dicts.append({'key1': 42, 'key2': 43, key3: 44})
    d = {'key1': 42, 'key2': 43}
    d[key3] = 44
    dicts.append(d)
    d = {'key1': 42}
    d.setdefault(key3, 44)
    dicts.append(d)
    d = {'key1': 42}
    d.update({key3: 44})
    dicts.append(d)
    d = {key: 42 + i for i, key in enumerate(['key1', 'key2', key3])}
    dicts.append(d)
    for d in dicts:
        k = 'ke'
        k += 'y3'
        print(type(key3).__name__, d.get('key3'), d.get(k), 'key3' in d, k in d, d['key3'], d.get(Key3()), d.setdefault('key3', 0))
        dd = dict(d)
        print(dd.pop('key3'), len(dd))
print(eq_count > 0)
