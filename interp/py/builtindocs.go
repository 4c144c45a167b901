package py

// Docstrings of the built-in functions, types and methods. The prose is
// freepy's own; only the signature lines some CPython docs start with
// ("int([x]) -> integer") are kept exactly, because they are facts that
// tools and tests compare. Methods whose signature CPython publishes as
// __text_signature__ (ztextsig.go) get prose only, as in CPython.
//
// The tables are static data: nothing is built at start-up except each
// built-in type's __doc__ string in its dict (finishType). A method's or
// function's __doc__ is looked up when it is read (docFor).

// docEntry is one docstring (doc "" where CPython has none): name is a method name ("" for the type
// itself in a type table, or a function name in builtinFuncDocs).
type docEntry struct{ name, doc string }

func findDoc(table []docEntry, name string) (string, bool) {
	for i := range table {
		if table[i].name == name {
			return table[i].doc, true
		}
	}
	return "", false
}

// builtinFuncDocs documents the functions of module builtins.
var builtinFuncDocs = [...]docEntry{
	{"__build_class__", "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nRun the body function of a class statement and create the class from the namespace it fills; used by the compiler for every class statement."},
	{"__import__", "Find and load a module, as the import statement does.\n\nReturns the top-level package unless fromlist is non-empty; prefer importlib.import_module() in programs."},
	{"abs", "Absolute value of x."},
	{"aiter", "Get the asynchronous iterator of an asynchronous iterable."},
	{"all", "True when no element of the iterable is false (also for an empty iterable)."},
	{"anext", "Awaitable that gives the next item of an asynchronous iterator.\n\nWith default, the awaitable gives default instead of raising StopAsyncIteration at the end."},
	{"any", "True when at least one element of the iterable is true (False for an empty iterable)."},
	{"ascii", "Like repr(), but non-ASCII characters in the result are written with \\x, \\u or \\U escapes."},
	{"bin", "Binary text of an integer, prefixed with '0b' (for example '-0b101')."},
	{"breakpoint", "breakpoint(*args, **kws)\n\nEnter the debugger by calling sys.breakpointhook(*args, **kws); by default that is pdb, controlled by PYTHONBREAKPOINT."},
	{"callable", "Whether obj can be called (its type has __call__)."},
	{"chr", "The one-character string of Unicode code point i (0 <= i <= 0x10ffff)."},
	{"compile", "Compile source text or an AST into a code object (or an AST, with the right flags).\n\nmode is 'exec' for a module, 'eval' for one expression or 'single' for one interactive statement; filename appears in tracebacks."},
	{"delattr", "Remove the named attribute from obj; delattr(x, 'y') is del x.y."},
	{"dir", "dir([object]) -> list of strings\n\nSorted names in the current scope, or the attributes of object as its __dir__ method lists them (by default: its own, its class's and the bases' attributes)."},
	{"divmod", "The pair (x // y, x % y)."},
	{"eval", "Evaluate a Python expression (a string or code object) and return its value.\n\nglobals must be a dict and locals any mapping; both default to the caller's namespaces."},
	{"exec", "Run Python statements (a string or code object) in the given namespaces.\n\nglobals must be a dict and locals any mapping; both default to the caller's namespaces. closure supplies cells for a code object with free variables."},
	{"format", "Format value by its __format__ method with format_spec (the mini-language of str.format)."},
	{"getattr", "getattr(object, name[, default]) -> value\n\nRead the named attribute of object, as object.name does; with default, a missing attribute gives default instead of AttributeError."},
	{"globals", "The dict of the current module's global variables (changes to it are seen by the code)."},
	{"hasattr", "Whether getattr(obj, name) succeeds without an AttributeError."},
	{"hash", "The hash value of obj; equal objects have equal hashes."},
	{"help", "Show help (pydoc) on an object, or start the interactive help utility without an argument."},
	{"hex", "Hexadecimal text of an integer, prefixed with '0x' (for example '-0xff')."},
	{"id", "An integer that identifies obj, unique among the objects alive at the same time."},
	{"input", "Read one line from standard input, without its newline, after writing prompt.\n\nRaises EOFError at end of input; uses GNU readline when it is loaded."},
	{"isinstance", "Whether obj is an instance of the class, or of a subclass of it.\n\nclass_or_tuple may be a tuple (or union) of classes; any match is enough."},
	{"issubclass", "Whether cls is the class, or derives from it.\n\nclass_or_tuple may be a tuple (or union) of classes; any match is enough."},
	{"iter", "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nGet an iterator over the iterable; or one that calls callable with no arguments until it returns sentinel."},
	{"len", "The number of items in a container."},
	{"locals", "A dict of the current scope's local variables.\n\nChanging it does not necessarily change the variables."},
	{"max", "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) -> value\n\nThe largest item of one iterable, or of two or more arguments. key ranks the items; default is returned for an empty iterable instead of raising ValueError."},
	{"min", "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) -> value\n\nThe smallest item of one iterable, or of two or more arguments. key ranks the items; default is returned for an empty iterable instead of raising ValueError."},
	{"next", "next(iterator[, default])\n\nAdvance the iterator and give its next item; when it is exhausted, give default if one was passed, or raise StopIteration."},
	{"oct", "Octal text of an integer, prefixed with '0o' (for example '-0o17')."},
	{"open", "Open a file and get a file object for it (see the io module).\n\nmode combines 'r', 'w', 'x' or 'a' with 'b' (bytes) or 't' (text, the default) and '+' (read and write); encoding, errors and newline apply to text mode only."},
	{"ord", "The Unicode code point of a one-character string (or the value of a one-byte bytes object)."},
	{"pow", "base ** exp, or (base ** exp) % mod with mod, computed efficiently for integers."},
	{"print", "Write the string forms of the arguments to a stream, sys.stdout by default.\n\nsep goes between the values and end after the last one; flush forces the stream to be flushed."},
	{"repr", "The printable representation of obj; for many types eval() of it gives an equal object."},
	{"round", "Round number to ndigits decimal places (ties go to the even digit).\n\nWithout ndigits the result is an int; otherwise it has the type of number."},
	{"setattr", "Assign value to the named attribute of obj; setattr(x, 'y', v) is x.y = v."},
	{"sorted", "A new list of the iterable's items in ascending order.\n\nkey gives the value each item is compared by; reverse=True sorts in descending order. The sort is stable."},
	{"sum", "start plus the sum of the iterable's numbers (start defaults to 0).\n\nIt refuses str starts: use ''.join() to concatenate strings."},
	{"vars", "vars([object]) -> dictionary\n\nThe __dict__ of object; without an argument, the same as locals()."},
}

// typeDocs documents the built-in types (name "" is never used).
var typeDocs = [...]docEntry{
	{"ArithmeticError", "Base class of the errors in numeric computations."},
	{"AssertionError", "An assert statement found its condition false."},
	{"AttributeError", "An attribute could not be read, set or deleted."},
	{"BaseException", "Root of the exception hierarchy; args holds the arguments it was created with."},
	{"BaseExceptionGroup", "Several unrelated exceptions raised together, as one exception."},
	{"BlockingIOError", "An operation on a non-blocking object would have had to wait."},
	{"BrokenPipeError", "Wrote to a pipe or socket whose other end is closed."},
	{"BufferError", "A buffer-protocol operation could not be done."},
	{"BytesWarning", "Warns about suspicious mixing of bytes and str."},
	{"ChildProcessError", "An operation on a child process failed."},
	{"ConnectionAbortedError", "The peer aborted the connection."},
	{"ConnectionError", "Base class of connection-related errors."},
	{"ConnectionRefusedError", "The peer refused the connection."},
	{"ConnectionResetError", "The peer reset the connection."},
	{"DeprecationWarning", "Warns about deprecated features, for developers."},
	{"EOFError", "Input ended before any data was read."},
	{"EncodingWarning", "Warns when an encoding is left to the locale default."},
	{"Exception", "Base class of the ordinary exceptions a program is expected to handle."},
	{"FileExistsError", "The file or directory to be created exists already."},
	{"FileNotFoundError", "No file or directory by that name."},
	{"FloatingPointError", "A floating-point operation failed."},
	{"FutureWarning", "Warns, for end users, about behaviour that will change."},
	{"GeneratorExit", "Raised inside a generator or coroutine to close it."},
	{"ImportError", "A module or a name in it could not be imported."},
	{"ImportWarning", "Warns about probable mistakes in module imports."},
	{"IndentationError", "The source code is indented wrongly."},
	{"IndexError", "A sequence index is out of range."},
	{"InterruptedError", "A system call was interrupted by a signal."},
	{"IsADirectoryError", "A file operation was given a directory."},
	{"KeyError", "A mapping has no such key."},
	{"KeyboardInterrupt", "The user interrupted the program (Control-C)."},
	{"LookupError", "Base class of the errors for missing keys and indices."},
	{"MemoryError", "The interpreter ran out of memory."},
	{"ModuleNotFoundError", "No module by that name could be found."},
	{"NameError", "A name was used that has no binding."},
	{"NotADirectoryError", "A directory operation was given something that is not a directory."},
	{"NotImplementedError", "A method or feature has not been implemented."},
	{"OSError", "An operating-system call failed; errno, strerror and filename tell how."},
	{"OverflowError", "A numeric result does not fit its representation."},
	{"PendingDeprecationWarning", "Warns about features that will be deprecated later."},
	{"PermissionError", "The operation is not allowed with the current permissions."},
	{"ProcessLookupError", "No process by that id."},
	{"RecursionError", "Calls nested deeper than the recursion limit."},
	{"ReferenceError", "A weak proxy was used after its referent was collected."},
	{"ResourceWarning", "Warns about resources (files, sockets) that were not released."},
	{"RuntimeError", "An error that fits no other category."},
	{"RuntimeWarning", "Warns about doubtful run-time behaviour."},
	{"StopAsyncIteration", "Raised by __anext__ when an asynchronous iterator is exhausted."},
	{"StopIteration", "Raised by __next__ when an iterator is exhausted; value carries a generator's return value."},
	{"SyntaxError", "The source code is not valid Python."},
	{"SyntaxWarning", "Warns about doubtful syntax."},
	{"SystemError", "An internal error of the interpreter."},
	{"SystemExit", "Raised by sys.exit() to end the interpreter; code is the exit status."},
	{"TabError", "The source code mixes tabs and spaces inconsistently."},
	{"TimeoutError", "An operation timed out at the system level."},
	{"TypeError", "An operation was given an object of the wrong type."},
	{"UnboundLocalError", "A local variable was read before it was assigned."},
	{"UnicodeDecodeError", "Bytes could not be decoded to text."},
	{"UnicodeEncodeError", "Text could not be encoded to bytes."},
	{"UnicodeError", "Base class of text encoding and decoding errors."},
	{"UnicodeTranslateError", "Text could not be translated."},
	{"UnicodeWarning", "Warns about Unicode-related problems."},
	{"UserWarning", "Default category of warnings.warn()."},
	{"ValueError", "An argument has the right type but an unsuitable value."},
	{"Warning", "Base class of the warning categories."},
	{"ZeroDivisionError", "The second operand of a division or modulo was zero."},
	{"bool", "bool(x) -> bool\n\nTruth value of x: True or False, the only two instances. bool is a subclass of int, and cannot be subclassed."},
	{"bytearray", "bytearray(iterable_of_ints) -> bytearray\nbytearray(string, encoding[, errors]) -> bytearray\nbytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer\nbytearray(int) -> bytes array of size given by the parameter initialized with null bytes\nbytearray() -> empty bytes array\n\nA mutable sequence of integers in range(256)."},
	{"bytes", "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes\nbytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer\nbytes(int) -> bytes object of size given by the parameter initialized with null bytes\nbytes() -> empty bytes object\n\nAn immutable sequence of integers in range(256)."},
	{"classmethod", "classmethod(function) -> method\n\nWrap function so that it receives the class as its first argument, whether called on the class or on an instance. Usually written as the @classmethod decorator."},
	{"complex", "A complex number made from a real and an imaginary part, or parsed from a string such as '1+2j'."},
	{"dict", "dict() -> new empty dictionary\n\nA mutable mapping from hashable keys to values that keeps insertion order. It can be built from a mapping, from an iterable of (key, value) pairs and from keyword arguments."},
	{"enumerate", "An iterator of (index, item) pairs over an iterable, the index counting up from start."},
	{"filter", "filter(function or None, iterable) --> filter object\n\nAn iterator over the items of iterable for which function(item) is true; with None, over the items that are true themselves."},
	{"float", "A double-precision floating-point number, converted from a number or parsed from a string."},
	{"frozenset", "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset object\n\nAn immutable, hashable set of unique hashable elements."},
	{"int", "int([x]) -> integer\nint(x, base=10) -> integer\n\nAn integer of unlimited size. A number is truncated toward zero; a string, bytes or bytearray is parsed in the given base (0 means: as a Python literal)."},
	{"list", "A mutable sequence; with no argument an empty one, otherwise filled from the iterable."},
	{"map", "map(func, *iterables) --> map object\n\nAn iterator that calls func with one item of each iterable in turn, stopping with the shortest iterable."},
	{"memoryview", "A view of another object's buffer memory, read and sliced without copying."},
	{"object", "The base class of every class, with the default behaviour they all inherit."},
	{"property", "A managed attribute: fget reads it, fset assigns it and fdel deletes it.\n\ndoc (or fget's docstring) documents it. Usually made with the @property decorator and its .setter and .deleter."},
	{"range", "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\nAn immutable sequence of the integers from start (default 0) up to but not including stop, step apart (default 1)."},
	{"reversed", "An iterator over the items of a sequence, from the last one to the first."},
	{"set", "set() -> new empty set object\nset(iterable) -> new set object\n\nA mutable, unordered collection of unique hashable elements."},
	{"slice", "slice(stop)\nslice(start, stop[, step])\n\nThe object a[start:stop:step] passes to __getitem__; its attributes are the three parts, None where left out."},
	{"staticmethod", "staticmethod(function) -> method\n\nWrap function so that it receives no implicit first argument, whether called on the class or on an instance. Usually written as the @staticmethod decorator."},
	{"str", "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\nAn immutable sequence of Unicode code points: the informal string form of object (its __str__), or bytes decoded with the given encoding."},
	{"super", "super() -> same as super(__class__, <first argument>)\nsuper(type) -> unbound super object\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)\nsuper(type, type2) -> bound super object; requires issubclass(type2, type)\n\nA proxy that finds attributes in the classes after type in the MRO of obj (or type2), so that methods can call the ones they override."},
	{"tuple", "An immutable sequence; with no argument an empty one, otherwise filled from the iterable."},
	{"type", "type(object) -> the object's type\ntype(name, bases, dict, **kwds) -> a new type\n\nThe class of every class: called with one argument it gives that object's type, with three it creates a class."},
	{"zip", "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.\n\nEach tuple holds the next item of every iterable. With strict=True, iterables of different lengths raise ValueError."},
}

// genericMethodDocs documents the methods whose meaning is the same on
// every built-in type: the slot wrappers and the common protocol methods.
// A type's own table (methodDocTables) comes first.
var genericMethodDocs = [...]docEntry{
	{"__abs__", "abs(self)"},
	{"__add__", "self + value"},
	{"__aiter__", "Asynchronous iterator of self, for async for."},
	{"__alloc__", "B.__alloc__() -> int\n\nThe number of bytes currently allocated for the array."},
	{"__and__", "self & value"},
	{"__anext__", "Awaitable that gives the next item, for async for."},
	{"__await__", "Iterator that drives self when it is awaited."},
	{"__bool__", "True unless self is false (self != 0 for numbers)."},
	{"__bytes__", "The bytes form of self, for bytes()."},
	{"__call__", "Call self as a function."},
	{"__ceil__", "The smallest integer >= self."},
	{"__class_getitem__", "Generic alias of the class for type hints, such as list[int]."},
	{"__complex__", "The complex form of self, for complex()."},
	{"__contains__", "key in self"},
	{"__del__", "Run when the object is about to be destroyed."},
	{"__delattr__", "del self.name"},
	{"__delete__", "Delete the attribute this descriptor manages on instance."},
	{"__delitem__", "del self[key]"},
	{"__dir__", "The attribute names of self, for dir()."},
	{"__divmod__", "divmod(self, value)"},
	{"__enter__", "Enter the runtime context of a with statement."},
	{"__eq__", "self == value"},
	{"__exit__", "Leave the runtime context of a with statement."},
	{"__float__", "float(self)"},
	{"__floor__", "The largest integer <= self."},
	{"__floordiv__", "self // value"},
	{"__format__", "Format self by format_spec, for format() and f-strings."},
	{"__ge__", "self >= value"},
	{"__get__", "The attribute value this descriptor gives for instance of owner."},
	{"__getattribute__", "getattr(self, name)"},
	{"__getitem__", "self[key]"},
	{"__getstate__", "The state of self that pickling saves."},
	{"__gt__", "self > value"},
	{"__hash__", "hash(self)"},
	{"__iadd__", "self += value"},
	{"__iand__", "self &= value"},
	{"__ifloordiv__", "self //= value"},
	{"__ilshift__", "self <<= value"},
	{"__imatmul__", "self @= value"},
	{"__imod__", "self %= value"},
	{"__imul__", "self *= value"},
	{"__index__", "self as an integer, where only integers are accepted (slicing, bin())."},
	{"__init__", "Initialize self; help(type(self)) gives the arguments."},
	{"__init_subclass__", "Called when a subclass of this class is created; does nothing by default.\n\nOverride it (it is implicitly a class method) to customize subclasses."},
	{"__instancecheck__", "Whether instance counts as an instance of this class, for isinstance()."},
	{"__int__", "int(self)"},
	{"__invert__", "~self"},
	{"__ior__", "self |= value"},
	{"__ipow__", "self **= value"},
	{"__irshift__", "self >>= value"},
	{"__isub__", "self -= value"},
	{"__iter__", "iter(self)"},
	{"__itruediv__", "self /= value"},
	{"__ixor__", "self ^= value"},
	{"__le__", "self <= value"},
	{"__len__", "len(self)"},
	{"__length_hint__", "An estimate of how many items remain, for preallocation."},
	{"__lshift__", "self << value"},
	{"__lt__", "self < value"},
	{"__matmul__", "self @ value"},
	{"__mod__", "self % value"},
	{"__mul__", "self * value"},
	{"__ne__", "self != value"},
	{"__neg__", "-self"},
	{"__new__", "Create a new instance of the type; help(type) gives the arguments."},
	{"__next__", "next(self)"},
	{"__or__", "self | value"},
	{"__pos__", "+self"},
	{"__pow__", "pow(self, value, mod)"},
	{"__radd__", "value + self"},
	{"__rand__", "value & self"},
	{"__rdivmod__", "divmod(value, self)"},
	{"__reduce__", "Pickling support: how to recreate self."},
	{"__reduce_ex__", "Pickling support: how to recreate self with the given protocol."},
	{"__repr__", "repr(self)"},
	{"__reversed__", "An iterator over the items in reverse order."},
	{"__rfloordiv__", "value // self"},
	{"__rlshift__", "value << self"},
	{"__rmatmul__", "value @ self"},
	{"__rmod__", "value % self"},
	{"__rmul__", "value * self"},
	{"__ror__", "value | self"},
	{"__round__", "Round self to ndigits decimal places, for round()."},
	{"__rpow__", "pow(value, self, mod)"},
	{"__rrshift__", "value >> self"},
	{"__rshift__", "self >> value"},
	{"__rsub__", "value - self"},
	{"__rtruediv__", "value / self"},
	{"__rxor__", "value ^ self"},
	{"__set__", "Assign value to the attribute this descriptor manages on instance."},
	{"__set_name__", "Called when the owning class is created, with the class and the attribute name."},
	{"__setattr__", "self.name = value"},
	{"__setitem__", "self[key] = value"},
	{"__setstate__", "Restore the state of self when unpickling."},
	{"__sizeof__", "The size of self in memory, in bytes."},
	{"__str__", "str(self)"},
	{"__sub__", "self - value"},
	{"__subclasscheck__", "Whether subclass counts as a subclass of this class, for issubclass()."},
	{"__subclasses__", "A list of the classes that directly derive from this one and are still alive."},
	{"__subclasshook__", "Customize issubclass() for an abstract base class.\n\nReturn True, False or NotImplemented (the default, which falls back to the usual check)."},
	{"__truediv__", "self / value"},
	{"__trunc__", "self truncated toward zero to an integer."},
	{"__xor__", "self ^ value"},
	{"clear", "Remove every item."},
	{"copy", "A shallow copy."},
	{"count", "The number of items equal to value."},
	{"index", "The first index of an item equal to value; ValueError if there is none."},
	{"conjugate", "The complex conjugate (for real numbers: the number itself)."},
	{"as_integer_ratio", "The pair of integers (numerator, denominator), the denominator positive, whose ratio is exactly self."},
}

// bytesLikeDocs documents the methods bytes and bytearray share.
var bytesLikeDocs = [...]docEntry{
	{"capitalize", "B.capitalize() -> copy of B\n\nCopy with the first byte an ASCII uppercase letter and the rest lowercase."},
	{"center", "Copy centred in a field of the given width, padded with fillchar."},
	{"count", "B.count(sub[, start[, end]]) -> int\n\nHow many times sub occurs in B[start:end] without overlapping."},
	{"decode", "Decode the bytes to a str with the given encoding; errors chooses how undecodable bytes are handled."},
	{"endswith", "B.endswith(suffix[, start[, end]]) -> bool\n\nWhether B[start:end] ends with suffix (or with one of a tuple of suffixes)."},
	{"expandtabs", "Copy with each tab replaced by spaces up to the next multiple of tabsize columns."},
	{"find", "B.find(sub[, start[, end]]) -> int\n\nThe lowest index where sub occurs in B[start:end], or -1."},
	{"fromhex", "Make an object of this type from hexadecimal digit pairs; spaces between pairs are ignored."},
	{"help", "Show help (pydoc) on an object, or start the interactive help utility without an argument."},
	{"hex", "Hexadecimal digits of the bytes, two per byte, optionally grouped with sep every bytes_per_sep bytes."},
	{"index", "B.index(sub[, start[, end]]) -> int\n\nLike find(), but raise ValueError when sub is not found."},
	{"isalnum", "B.isalnum() -> bool\n\nWhether B is non-empty and all its bytes are ASCII letters or digits."},
	{"isalpha", "B.isalpha() -> bool\n\nWhether B is non-empty and all its bytes are ASCII letters."},
	{"isascii", "B.isascii() -> bool\n\nWhether all bytes are below 0x80 (true for an empty B)."},
	{"isdigit", "B.isdigit() -> bool\n\nWhether B is non-empty and all its bytes are ASCII digits."},
	{"islower", "B.islower() -> bool\n\nWhether B has an ASCII lowercase letter and no uppercase one."},
	{"isspace", "B.isspace() -> bool\n\nWhether B is non-empty and all its bytes are ASCII whitespace."},
	{"istitle", "B.istitle() -> bool\n\nWhether B is non-empty and each word starts with an uppercase ASCII letter followed by lowercase ones."},
	{"isupper", "B.isupper() -> bool\n\nWhether B has an ASCII uppercase letter and no lowercase one."},
	{"join", "Concatenate the bytes-like items of the iterable, with this object between them."},
	{"ljust", "Copy left-justified in a field of the given width, padded with fillchar."},
	{"lower", "B.lower() -> copy of B\n\nCopy with ASCII uppercase letters made lowercase."},
	{"lstrip", "Copy without the given leading bytes (ASCII whitespace by default)."},
	{"maketrans", "A 256-byte table for translate() that maps each byte of frm to the byte at the same position of to."},
	{"partition", "Split at the first occurrence of sep into (before, sep, after); without sep: (copy, empty, empty)."},
	{"removeprefix", "Copy without prefix at the start, if it is there."},
	{"removesuffix", "Copy without suffix at the end, if it is there."},
	{"replace", "Copy with occurrences of old replaced by new, at most count of them when count is not -1."},
	{"rfind", "B.rfind(sub[, start[, end]]) -> int\n\nThe highest index where sub occurs in B[start:end], or -1."},
	{"rindex", "B.rindex(sub[, start[, end]]) -> int\n\nLike rfind(), but raise ValueError when sub is not found."},
	{"rjust", "Copy right-justified in a field of the given width, padded with fillchar."},
	{"rpartition", "Split at the last occurrence of sep into (before, sep, after); without sep: (empty, empty, copy)."},
	{"rsplit", "List of the parts between occurrences of sep, splitting from the right at most maxsplit times.\n\nWith no sep, runs of ASCII whitespace separate and empty parts are dropped."},
	{"rstrip", "Copy without the given trailing bytes (ASCII whitespace by default)."},
	{"split", "List of the parts between occurrences of sep, splitting at most maxsplit times.\n\nWith no sep, runs of ASCII whitespace separate and empty parts are dropped."},
	{"splitlines", "List of the lines, split at line boundaries; keepends keeps the line endings."},
	{"startswith", "B.startswith(prefix[, start[, end]]) -> bool\n\nWhether B[start:end] starts with prefix (or with one of a tuple of prefixes)."},
	{"strip", "Copy without the given leading and trailing bytes (ASCII whitespace by default)."},
	{"swapcase", "B.swapcase() -> copy of B\n\nCopy with ASCII letters switched between lowercase and uppercase."},
	{"title", "B.title() -> copy of B\n\nCopy in which each word starts with an uppercase ASCII letter and continues in lowercase."},
	{"translate", "Copy with each byte mapped through the 256-byte table (None: unchanged) and the bytes in delete removed."},
	{"upper", "B.upper() -> copy of B\n\nCopy with ASCII lowercase letters made uppercase."},
	{"zfill", "Copy padded on the left with ASCII zeros to the given width, after any sign."},
}

var bytearrayDocs = [...]docEntry{
	{"append", "Add one byte, an int in range(256), at the end."},
	{"clear", "Remove every byte."},
	{"copy", "A new bytearray with the same bytes."},
	{"extend", "Add the ints of an iterable (or the bytes of a buffer) at the end."},
	{"insert", "Insert one byte, an int in range(256), before index."},
	{"pop", "Remove and return the byte at index (the last by default)."},
	{"remove", "Remove the first byte equal to value; ValueError if there is none."},
	{"reverse", "Reverse the bytes in place."},
}

var strDocs = [...]docEntry{
	{"capitalize", "Copy with the first character in title case and the rest in lowercase."},
	{"casefold", "Copy folded for caseless comparison (more thorough than lower())."},
	{"center", "Copy centred in a field of the given width, padded with fillchar."},
	{"count", "S.count(sub[, start[, end]]) -> int\n\nHow many times sub occurs in S[start:end] without overlapping."},
	{"encode", "Encode the string to bytes with the given encoding; errors chooses how unencodable characters are handled."},
	{"endswith", "S.endswith(suffix[, start[, end]]) -> bool\n\nWhether S[start:end] ends with suffix (or with one of a tuple of suffixes)."},
	{"expandtabs", "Copy with each tab replaced by spaces up to the next multiple of tabsize columns."},
	{"find", "S.find(sub[, start[, end]]) -> int\n\nThe lowest index where sub occurs in S[start:end], or -1."},
	{"format", "S.format(*args, **kwargs) -> str\n\nFill the {} replacement fields of S from the positional and keyword arguments."},
	{"format_map", "S.format_map(mapping) -> str\n\nFill the {} replacement fields of S from the mapping, looked up as is."},
	{"index", "S.index(sub[, start[, end]]) -> int\n\nLike find(), but raise ValueError when sub is not found."},
	{"isalnum", "Whether the string is non-empty and every character is a letter or a digit."},
	{"isalpha", "Whether the string is non-empty and every character is a letter."},
	{"isascii", "Whether every character is ASCII (true for the empty string)."},
	{"isdecimal", "Whether the string is non-empty and every character is a decimal digit."},
	{"isdigit", "Whether the string is non-empty and every character is a digit, superscripts included."},
	{"isidentifier", "Whether the string is a valid Python identifier (keywords included)."},
	{"islower", "Whether the string has a cased character and all of them are lowercase."},
	{"isnumeric", "Whether the string is non-empty and every character is numeric (fractions and numerals included)."},
	{"isprintable", "Whether every character is printable, that is repr() shows it unescaped (true for the empty string)."},
	{"isspace", "Whether the string is non-empty and every character is whitespace."},
	{"istitle", "Whether the string is non-empty and each word starts with an uppercase or title-case character followed by lowercase ones."},
	{"isupper", "Whether the string has a cased character and all of them are uppercase."},
	{"join", "Concatenate the strings of the iterable, with this string between them."},
	{"ljust", "Copy left-justified in a field of the given width, padded with fillchar."},
	{"lower", "Copy with every cased character made lowercase."},
	{"lstrip", "Copy without the given leading characters (whitespace by default)."},
	{"maketrans", "A translation table for str.translate().\n\nFrom one dict of code points or characters, or from two equal-length strings mapped position by position, plus an optional third string of characters to delete."},
	{"partition", "Split at the first occurrence of sep into (before, sep, after); without sep: (copy, '', '')."},
	{"removeprefix", "Copy without prefix at the start, if it is there."},
	{"removesuffix", "Copy without suffix at the end, if it is there."},
	{"replace", "Copy with occurrences of old replaced by new, at most count of them when count is not -1."},
	{"rfind", "S.rfind(sub[, start[, end]]) -> int\n\nThe highest index where sub occurs in S[start:end], or -1."},
	{"rindex", "S.rindex(sub[, start[, end]]) -> int\n\nLike rfind(), but raise ValueError when sub is not found."},
	{"rjust", "Copy right-justified in a field of the given width, padded with fillchar."},
	{"rpartition", "Split at the last occurrence of sep into (before, sep, after); without sep: ('', '', copy)."},
	{"rsplit", "List of the parts between occurrences of sep, splitting from the right at most maxsplit times.\n\nWith no sep, runs of whitespace separate and empty parts are dropped."},
	{"rstrip", "Copy without the given trailing characters (whitespace by default)."},
	{"split", "List of the parts between occurrences of sep, splitting at most maxsplit times.\n\nWith no sep, runs of whitespace separate and empty parts are dropped."},
	{"splitlines", "List of the lines, split at line boundaries; keepends keeps the line endings."},
	{"startswith", "S.startswith(prefix[, start[, end]]) -> bool\n\nWhether S[start:end] starts with prefix (or with one of a tuple of prefixes)."},
	{"strip", "Copy without the given leading and trailing characters (whitespace by default)."},
	{"swapcase", "Copy with lowercase characters made uppercase and uppercase ones lowercase."},
	{"title", "Copy in which each word starts in title case and continues in lowercase."},
	{"translate", "Copy with each character mapped through table (by code point); characters mapped to None are removed, missing ones kept."},
	{"upper", "Copy with every cased character made uppercase."},
	{"zfill", "Copy padded on the left with zeros to the given width, after any sign."},
}

var listDocs = [...]docEntry{
	{"__getitem__", "x.__getitem__(y) <==> x[y]\n\nThe item at an index, or a new list for a slice."},
	{"append", "Add object at the end."},
	{"extend", "Add the items of an iterable at the end."},
	{"insert", "Insert object before index."},
	{"pop", "Remove and return the item at index (the last by default); IndexError for an empty list or a bad index."},
	{"remove", "Remove the first item equal to value; ValueError if there is none."},
	{"reverse", "Reverse the items in place."},
	{"sort", "Sort the items in place, in ascending order, and return None.\n\nkey gives the value each item is compared by; reverse=True sorts in descending order. The sort is stable."},
}

var dictDocs = [...]docEntry{
	{"__getitem__", "x.__getitem__(y) <==> x[y]\n\nThe value of key y; KeyError (or __missing__ in subclasses) if it is absent."},
	{"__contains__", "Whether the dictionary has the key."},
	{"__sizeof__", "D.__sizeof__() -> size of D in memory, in bytes"},
	{"clear", "D.clear() -> None.  Remove all items from D."},
	{"copy", "D.copy() -> a shallow copy of D"},
	{"fromkeys", "A new dictionary with the keys of the iterable, each mapped to value."},
	{"get", "The value of key if it is present, otherwise default."},
	{"items", "D.items() -> a set-like object providing a view on D's items"},
	{"keys", "D.keys() -> a set-like object providing a view on D's keys"},
	{"pop", "D.pop(k[,d]) -> v, remove specified key and return the corresponding value.\n\nWhen k is absent, d is returned if given; otherwise KeyError is raised."},
	{"popitem", "Remove and return the (key, value) pair inserted last; KeyError when the dictionary is empty."},
	{"setdefault", "The value of key; when key is absent, insert it with default first."},
	{"update", "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F.\n\nE may be a mapping (anything with keys()) or an iterable of pairs; the keyword arguments F are stored after it."},
	{"values", "D.values() -> an object providing a view on D's values"},
}

// setLikeDocs documents the methods set and frozenset share.
var setLikeDocs = [...]docEntry{
	{"__contains__", "x.__contains__(y) <==> y in x.\n\nWhether y is an element."},
	{"__sizeof__", "S.__sizeof__() -> size of S in memory, in bytes"},
	{"copy", "A shallow copy of the set."},
	{"difference", "A new set of the elements that are in none of the others."},
	{"intersection", "A new set of the elements that are in all of the others too."},
	{"isdisjoint", "Whether the two sets have no element in common."},
	{"issubset", "Whether every element of this set is in other."},
	{"issuperset", "Whether every element of other is in this set."},
	{"symmetric_difference", "A new set of the elements in exactly one of the two sets."},
	{"union", "A new set of the elements that are in this set or any of the others."},
}

var setDocs = [...]docEntry{
	{"add", "Add an element; nothing happens if it is there already."},
	{"clear", "Remove every element."},
	{"difference_update", "Remove the elements of the others from this set."},
	{"discard", "Remove an element if it is present; no error if it is not."},
	{"intersection_update", "Keep only the elements that are also in all of the others."},
	{"pop", "Remove and return an arbitrary element; KeyError when the set is empty."},
	{"remove", "Remove an element; KeyError if it is not present."},
	{"symmetric_difference_update", "Keep the elements in exactly one of this set and other."},
	{"update", "Add the elements of the others."},
}

var tupleDocs = [...]docEntry{
	{"count", "The number of items equal to value."},
	{"index", "The first index of an item equal to value; ValueError if there is none."},
}

var intDocs = [...]docEntry{
	{"__format__", ""},
	{"bit_count", "The number of one bits in the absolute value of self (its population count)."},
	{"bit_length", "The number of bits needed to write abs(self) in binary, without sign and leading zeros."},
	{"from_bytes", "The integer the given bytes represent, in byteorder 'big' or 'little', two's complement when signed is true."},
	{"to_bytes", "The integer as length bytes in byteorder 'big' or 'little'; OverflowError when it does not fit (signed allows negatives)."},
}

var floatDocs = [...]docEntry{
	{"__getformat__", "How the machine stores 'double' or 'float' values: an IEEE 754 name, or 'unknown'; for tests only."},
	{"fromhex", "The float written by a hexadecimal string such as '-0x1.8p3'."},
	{"hex", "The float as a hexadecimal string such as '-0x1.8000000000000p+3', exact to the last bit."},
	{"is_integer", "Whether the float is finite and has no fractional part."},
}

var rangeDocs = [...]docEntry{
	{"__reduce__", ""},
	{"count", "rangeobject.count(value) -> integer -- return number of occurrences of value\n\nThe result is 0 or 1 for an int value."},
	{"index", "rangeobject.index(value) -> integer -- return index of value.\n\nValueError when value is not in the range."},
}

var sliceDocs = [...]docEntry{
	{"indices", "S.indices(len) -> (start, stop, stride)\n\nThe start, stop and step this slice selects in a sequence of length len, clamped as slicing does."},
}

var memoryviewDocs = [...]docEntry{
	{"__enter__", ""},
	{"__exit__", ""},
	{"cast", "A new view of the same memory with another format and shape."},
	{"help", "Show help (pydoc) on an object, or start the interactive help utility without an argument."},
	{"hex", "Hexadecimal digits of the viewed bytes, two per byte, optionally grouped with sep every bytes_per_sep bytes."},
	{"release", "Release the underlying buffer now; the view cannot be used afterwards."},
	{"tobytes", "A bytes copy of the viewed memory, in the given order ('C' by default)."},
	{"tolist", "The viewed data as (nested) lists of Python values."},
	{"toreadonly", "A read-only view of the same memory."},
}

var propertyDocs = [...]docEntry{
	{"deleter", "A copy of the property with another deleter; used as @prop.deleter."},
	{"getter", "A copy of the property with another getter; used as @prop.getter."},
	{"setter", "A copy of the property with another setter; used as @prop.setter."},
}

var typeMethodDocs = [...]docEntry{
	{"__prepare__", "__prepare__() -> dict\n\nThe namespace a class statement fills before the class is created; for type, an empty dict."},
	{"mro", "The method resolution order of this class, as a list; called when the class is created."},
}

var objectDocs = [...]docEntry{
	{"__format__", "The default formatting: str(self) for an empty format_spec, TypeError otherwise."},
}

var baseExceptionDocs = [...]docEntry{
	{"__reduce__", ""},
	{"__setstate__", ""},
	{"add_note", "Exception.add_note(note) --\n\nAppend a string to the exception's __notes__, shown after the traceback."},
	{"with_traceback", "Exception.with_traceback(tb) --\n\nStore tb as the exception's __traceback__ and return the exception."},
}

// methodDocTables gives the tables searched, in order, for a method of the
// built-in type named typ before genericMethodDocs.
func methodDocTables(typ string) (a, b []docEntry) {
	switch typ {
	case "str":
		return strDocs[:], nil
	case "bytes":
		return bytesLikeDocs[:], nil
	case "bytearray":
		return bytearrayDocs[:], bytesLikeDocs[:]
	case "list":
		return listDocs[:], nil
	case "dict":
		return dictDocs[:], nil
	case "set":
		return setDocs[:], setLikeDocs[:]
	case "frozenset":
		return setLikeDocs[:], nil
	case "tuple":
		return tupleDocs[:], nil
	case "int", "bool":
		return intDocs[:], nil
	case "float":
		return floatDocs[:], nil
	case "range":
		return rangeDocs[:], nil
	case "slice":
		return sliceDocs[:], nil
	case "memoryview":
		return memoryviewDocs[:], nil
	case "property":
		return propertyDocs[:], nil
	case "type":
		return typeMethodDocs[:], nil
	case "object":
		return objectDocs[:], nil
	case "BaseException", "OSError":
		return baseExceptionDocs[:], nil
	}
	return nil, nil
}

// methodDoc is the docstring of the method name of the built-in type
// owner, "" when it has none (classes and C extension types keep what
// they define).
func methodDoc(owner *Type, name string) string {
	if owner == nil || owner.ext || owner.Flags.Load()&FlagHeapType != 0 {
		return ""
	}
	a, b := methodDocTables(owner.Name())
	if d, ok := findDoc(a, name); ok {
		return d
	}
	if d, ok := findDoc(b, name); ok {
		return d
	}
	d, _ := findDoc(genericMethodDocs[:], name)
	return d
}

// builtinFuncDoc is the docstring of the builtins function name.
func builtinFuncDoc(name string) string {
	d, _ := findDoc(builtinFuncDocs[:], name)
	return d
}

// builtinTypeDoc is the docstring of a built-in type, "" if it has none.
func builtinTypeDoc(t *Type) string {
	if t.ext || t.Flags.Load()&FlagHeapType != 0 {
		return ""
	}
	d, _ := findDoc(typeDocs[:], t.Name())
	return d
}

// fullDoc is the text __doc__ shows for a built-in function or method:
// its own docstring, or the table entry for it.
func (b *Builtin) fullDoc() string {
	if d := b.doc(); d != "" {
		return d
	}
	switch s := b.Self.(type) {
	case *Module:
		if s.Name() == "builtins" {
			return builtinFuncDoc(b.Name)
		}
	case *Type:
		if b.descr == nil && b.Name == "__new__" {
			return methodDoc(s, b.Name)
		}
	}
	if b.descr != nil {
		return methodDoc(b.descr.Owner, b.descr.Name)
	}
	return ""
}

// fullDoc is a method descriptor's docstring, from the tables when the
// method defines none.
func (md *MethodDescr) fullDoc() string {
	if md.Doc != "" {
		return md.Doc
	}
	return methodDoc(md.Owner, md.Name)
}
