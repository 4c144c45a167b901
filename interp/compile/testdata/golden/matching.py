def m(command):
    match command:
        case ["go", direction] | ["move", direction]:
            return direction
        case {"action": action, **rest}:
            return action, rest
        case Point(x=0, y=y) if y > 0:
            return y
        case [first, *_, last]:
            return first, last
        case None | 1 | -2.5 | "s":
            return None
        case _:
            return command
