# inspect.signature of the accelerator modules and the newer builtins
# (aiter, anext) as CPython 3.11 gives them: several of CPython's own have
# no text signature, and anext's cannot be parsed.
import inspect, _abc, sys, _heapq, _json, _bisect
for f in (aiter, anext, sys.getsizeof, sys.unraisablehook, _abc._abc_init, _abc._abc_register, _abc.get_cache_token,
          _heapq.heappush, _heapq.heapify, _heapq.heappop, _json.scanstring, _json.encode_basestring_ascii,
          _json.make_scanner, _json.make_encoder, _bisect.bisect_right, _bisect.insort_left):
    try:
        print(f.__name__, inspect.signature(f))
    except ValueError as e:
        print(f.__name__, 'ValueError', str(e).split(' <')[0])
