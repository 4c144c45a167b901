# A package for importlib_api.py.
NAME = "ilpkg"
