__all__ = ["public_one", "public_two"]
public_one = 1
public_two = 2
_private = 3
not_exported = 4
