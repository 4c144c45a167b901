# The host's CPython readline module (lib-dynload, GNU readline) loaded
# unchanged: history and completion settings. freepy's input() and REPL do
# not read lines through it yet (docs/capi.md).
import readline
print(readline.get_current_history_length())
readline.add_history("first line")
readline.add_history("second line")
print(readline.get_current_history_length(), readline.get_history_item(1), readline.get_history_item(2))
readline.replace_history_item(0, "changed")
print(readline.get_history_item(1))
readline.remove_history_item(1)
print(readline.get_current_history_length(), readline.get_history_item(1))
print(repr(readline.get_completer_delims())[:20], readline.get_completer())
readline.set_completer(lambda text, state: None)
print(callable(readline.get_completer()))
readline.parse_and_bind("tab: complete")
readline.set_history_length(50)
print(readline.get_history_length())
readline.clear_history()
print(readline.get_current_history_length())
import os, tempfile
p = os.path.join(tempfile.mkdtemp(), "hist")
readline.add_history("saved")
readline.write_history_file(p)
readline.clear_history()
readline.read_history_file(p)
print(readline.get_history_item(1))
