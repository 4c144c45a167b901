package capi

import (
	"sync/atomic"
	"unsafe"
)

// Reference counts live in C memory and are shared with C code that uses
// __atomic builtins (freepy-built extensions) or plain ++/-- (legacy ones).

func atomicLoad64(p unsafe.Pointer) int64 { return atomic.LoadInt64((*int64)(p)) }

func atomicAdd64(p unsafe.Pointer, d int64) int64 { return atomic.AddInt64((*int64)(p), d) }

func atomicLoadU64(p unsafe.Pointer) uint64 { return atomic.LoadUint64((*uint64)(p)) }

func atomicStoreU64(p unsafe.Pointer, v uint64) { atomic.StoreUint64((*uint64)(p), v) }

func atomicCASU64(p unsafe.Pointer, old, v uint64) bool {
	return atomic.CompareAndSwapUint64((*uint64)(p), old, v)
}
