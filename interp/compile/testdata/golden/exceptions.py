def handle():
    try:
        work()
    except (ValueError, TypeError) as e:
        log(e)
    except Exception:
        raise
    else:
        ok()
    finally:
        cleanup()

def unwind(xs):
    for x in xs:
        with lock:
            try:
                return x
            finally:
                release()

def groups():
    try:
        work()
    except* ValueError as eg:
        log(eg)
