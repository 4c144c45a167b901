# Loaded by importlib_api.py through spec_from_file_location.
LOADED_AS = __name__


def greet(who):
    return "plugin greets " + who
