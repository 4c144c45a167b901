# __init_subclass__, __set_name__ ordering, class keyword arguments.
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.registry[cls.plugin_name] = cls
        print("registered", cls.plugin_name)
class Alpha(Plugin): pass
class Beta(Plugin, name="b-custom"): pass
class Gamma(Beta): pass
print(sorted(Plugin.registry), Gamma.plugin_name, Beta.plugin_name)
try:
    class Bad(Plugin, unknown=1): pass
except TypeError as e:
    print("TypeError", e)
class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
class Tracked:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, [k for k in vars(cls) if not k.startswith("__")])
class Model(Tracked):
    f1 = Field()
    f2 = Field()
class Once:
    def __init_subclass__(cls):
        print("Once sees", cls.__name__)
class L1(Once): pass
class L2(L1): pass
print(type(Once.__dict__["__init_subclass__"]).__name__)
