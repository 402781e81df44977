# Two commands: `make demo` opens the demo community, `make test` runs every test.
SWIFT   ?= swift
RELEASE := .build/release/paddock
DEMO_DB ?= demo/community.sqlite

.PHONY: deps build release demo test fuzz clean

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --static-swift-stdlib --product paddock

# Creates the demo community the first time, then opens it.
demo: release
	@test -f $(DEMO_DB) || $(RELEASE) --db $(DEMO_DB) init --demo
	@$(RELEASE) --db $(DEMO_DB)

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The randomised tests, generating new cases for FUZZ_SECONDS each (bounded in time).
FUZZ_SECONDS ?= 60
fuzz: deps
	$(SWIFT) build --build-tests
	PADDOCK_FUZZ_SECONDS=$(FUZZ_SECONDS) $(SWIFT) test --skip-build --filter 'Fuzz'

clean:
	rm -rf .build demo
