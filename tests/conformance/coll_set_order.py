print({3, 1, 2}, {10, 5, 8, 100, 7}, set(range(20, 0, -3)), {-1, -2, 5}, frozenset([9, 17, 1]))
print({'b'} if False else len({'a', 'b'}), {1.5, 0.5, 2.0}, {(1, 2), (0, 1)} == {(0, 1), (1, 2)}, set([64, 0, 32, 8]))
print(set(range(100)) == set(range(99, -1, -1)), list({5, 3, 9, 1000, 2**40, -7}))
s={3,1,2,10}; print(s.pop(), s.pop(), s); t=set(range(3000)); n=0
while t: t.pop(); n+=1
print(n)
