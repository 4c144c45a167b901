# string and textwrap modules.
import string, textwrap
print(string.ascii_letters, string.digits, string.punctuation, string.hexdigits, repr(string.whitespace))
print(string.capwords("hello   big world"), string.Template("$who likes ${what}").substitute(who="tim", what="kung pao"))
print(string.Template("$a $b").safe_substitute(a=1), string.Formatter().format("{0}-{x}", 1, x=2))
text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=40, initial_indent="> ", subsequent_indent="  "))
print(textwrap.shorten(text, 50), textwrap.indent("a\nb\n\nc", "  | "), sep="\n")
print(repr(textwrap.dedent("    x\n      y\n    z\n")))
