package py

// multiprocessing starts processes with fork() by default on Linux, and a
// Go program cannot fork (the child would have one thread of a runtime
// that needs all of them). freepy makes "spawn" the default instead, as
// CPython does on macOS: a fresh bin/freepy runs the child, so
// mp.Pool(), mp.Process() and concurrent.futures.ProcessPoolExecutor work
// unchanged. get_context("fork") still fails (os has no fork).
func init() {
	afterImportHooks["multiprocessing.context"] = func(t *Thread, m Object) error {
		concrete, err := GetAttrString(t, m, "_concrete_contexts")
		if err != nil {
			return err
		}
		spawn, err := GetItem(t, concrete, NewStr("spawn"))
		if err != nil {
			return err
		}
		dc, err := GetAttrString(t, m, "DefaultContext")
		if err != nil {
			return err
		}
		ctx, err := Call1(t, dc, spawn)
		if err != nil {
			return err
		}
		return SetAttr(t, m, Intern("_default_context"), ctx)
	}
}
