"""mod_a: a plain submodule."""
VALUE = 41 + 1
