# exit: 1
# Uncaught custom exception: its module-qualified name in the traceback.
class ConfigError(Exception):
    def __str__(self):
        return "bad config: " + ", ".join(self.args)
raise ConfigError("a", "b")
