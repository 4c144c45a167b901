package py

// frame.clear(): unittest's assertRaises calls traceback.clear_frames on
// every exception it catches, so without it each such test errors.
// CPython drops the frame's references to its locals; a suspended
// generator's frame closes the generator first, and an executing frame
// refuses.
func init() {
	FrameType.AddMethod("clear", func(t *Thread, self Object, args []Object, kw []string) (Object, error) {
		if len(args) != 0 || len(kw) != 0 {
			return nil, TypeErrorf("frame.clear() takes no arguments (%d given)", len(args))
		}
		f := self.(*Frame)
		if !f.finished {
			g := f.gen
			if g == nil || g.running.Load() == genRunning {
				return nil, Errorf(RuntimeErrorType, "cannot clear an executing frame")
			}
			if err := g.Close(t); err != nil {
				return nil, err
			}
		}
		if !f.escaped && (f.gen == nil || f.gen.frameState.Load() == genFramePrivate) {
			// a frame nothing kept may already serve another call: its
			// slots are not this frame's any more
			return None, nil
		}
		clear(f.fast)
		// f.cells may be the function's closure itself (initCells):
		// drop the frame's reference, never the cells' slots
		f.cells = nil
		return None, nil
	})
}
