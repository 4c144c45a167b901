# freepy build. `make` builds the binaries, `make test` runs every test,
# `make bench` runs the benchmarks against /usr/bin/python3.11.
GO ?= go
REF ?= /usr/bin/python3.11
export CGO_ENABLED := 1

BINS := bin/freepy bin/freepy-config bin/freepy-migrate

.PHONY: all test test-race test-conformance stdtest deps bench demo fmt vet clean

all: deps $(BINS)

# Go decides what is stale; the phony dependency keeps builds incremental.
bin/freepy: FORCE
	$(GO) build -o $@ ./cmd/freepy
bin/freepy-config: FORCE
	$(GO) build -o $@ ./cmd/freepy-config
bin/freepy-migrate: FORCE
	$(GO) build -o $@ ./cmd/freepy-migrate
FORCE:

# Installs what a fresh Debian machine lacks (reference interpreter, headers).
deps:
	@scripts/ensure-deps.sh

vet:
	$(GO) vet ./...

test: all vet
	$(GO) test -count=1 ./...
	$(MAKE) test-race

# Concurrency code runs under the race detector (DESIGN.md).
test-race:
	$(GO) test -count=1 -race ./interp/py/... ./capi/...

# Just the differential suite against CPython, with its summary line.
test-conformance: all
	$(GO) test -count=1 ./tests/ ; cat tests/out/summary.txt

# CPython 3.11's own regression tests (Debian's libpython3.11-testsuite)
# run under freepy, one table row per module (docs/stdlib-tests.md).
# Not part of `make test`: it takes minutes and needs that package.
# MODULES="test_int test_set" make stdtest runs just those.
stdtest: all
	scripts/stdtest.sh $(MODULES)

# The demo's C extension, built twice with freepy-config: free-threaded
# (declares Py_mod_gil) and legacy (declares nothing).
DEMO_SUFFIX = .freepy-311t-x86_64-linux-gnu.so
build/demo/fastprimes$(DEMO_SUFFIX) build/demo/fastprimes_legacy$(DEMO_SUFFIX): examples/fastprimes.c bin/freepy-config
	@mkdir -p build/demo
	cc $$(bin/freepy-config --cflags) -O2 -shared -fPIC -DFREE_THREADED -DMODNAME=fastprimes examples/fastprimes.c -o build/demo/fastprimes$(DEMO_SUFFIX)
	cc $$(bin/freepy-config --cflags) -O2 -shared -fPIC -DMODNAME=fastprimes_legacy examples/fastprimes.c -o build/demo/fastprimes_legacy$(DEMO_SUFFIX)

demo: all build/demo/fastprimes$(DEMO_SUFFIX)
	bin/freepy examples/demo.py

# The table against CPython, the thread-scaling curve (also drawn as
# bench/out/scaling.png) and the cost of free threading on one thread.
bench: all
	$(GO) run ./bench/cmd/runbench -ref $(REF) -freepy bin/freepy
	$(GO) run ./bench/cmd/runbench -ref $(REF) -freepy bin/freepy -scaling -png bench/out/scaling.png
	$(GO) run ./bench/cmd/runbench -ref $(REF) -freepy bin/freepy -gilcost

fmt:
	gofmt -w cmd interp capi tests bench migrate

clean:
	rm -rf bin build tests/out bench/out
