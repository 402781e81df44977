# Two commands: `make demo` opens the demo community, `make test` runs every test.
SWIFT   ?= swift
RELEASE := .build/release/paddock
DEBUG   := .build/debug/paddock
DEMO_DB ?= demo/community.sqlite

.PHONY: deps build release demo test fuzz clean

deps:
	@scripts/ensure-deps

# The debug binary: what the tests run, so after `make test` the demo needs no build.
build: deps
	$(SWIFT) build --product paddock

# The release binary: the Swift runtime linked in; no position-independent
# relocations and no exported symbol table to touch at start; the functions a
# session runs side by side (scripts/paddock.order, see scripts/make-order-file).
# Each keeps a session's share of the binary's pages small.
RELEASE_FLAGS := -c release --static-swift-stdlib --product paddock -Xswiftc -use-ld=lld \
	-Xlinker --no-pie -Xlinker --no-export-dynamic \
	-Xlinker --symbol-ordering-file=$(CURDIR)/scripts/paddock.order -Xlinker --no-warn-symbol-ordering

release: deps
	@# SwiftPM does not see the order file: a newer one means linking again.
	@test ! -e $(RELEASE) -o $(RELEASE) -nt scripts/paddock.order || rm -f $(RELEASE)
	$(SWIFT) build $(RELEASE_FLAGS)

# Creates the demo community the first time, then opens it. It runs the debug
# build the tests share: on a fresh clone that is the quickest first look, and
# after `make test` it is already built.
demo: build
	@test -f $(DEMO_DB) || $(DEBUG) --db $(DEMO_DB) init --demo
	@$(DEBUG) --db $(DEMO_DB)

# The release binary is built too: the hang-up test runs what users run.
test: deps
	$(SWIFT) build --build-tests
	@$(MAKE) --no-print-directory release
	$(SWIFT) test --skip-build

# The randomised tests, generating new cases for FUZZ_SECONDS each (bounded in time).
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --build-tests
	PADDOCK_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test --skip-build --filter 'Fuzz'

clean:
	rm -rf .build demo
