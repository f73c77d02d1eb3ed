# relloc's build. `make test` is what CI runs (.ci/run).
GO        ?= go
BIN       ?= bin/relloc
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X github.com/relloc/relloc/internal/cli.Version=$(VERSION)
PKGS      := ./...
RELLOC       ?= $(GO) run ./cmd/relloc
REPORT       ?= text
COVERAGE_MIN ?= 100

.PHONY: all build install test test-short vet check coverage ci selftest eval eval-real bench bench-scale tools screenshots fmt clean

all: build

build:
	$(GO) build -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/relloc

install:
	$(GO) install -ldflags '$(LDFLAGS)' ./cmd/relloc

vet:
	$(GO) vet $(PKGS)
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "gofmt would change:"; gofmt -l $$(git ls-files '*.go'); exit 1; }

# test: vet, then the whole suite: unit tests, the testscript CLI tests, relloc's own gate on this repository's
# workspace (cmd/relloc TestRepositoryWorkspace) and the NTREX-128 evaluation when ../shared is present.
test: vet
	$(GO) test -count=1 $(PKGS)

test-short:
	$(GO) test -short $(PKGS)

# check: the consistency gate on this workspace.
check:
	$(RELLOC) check --format $(REPORT)

# coverage: glossary completeness and release coverage, failing under COVERAGE_MIN percent.
coverage:
	$(RELLOC) coverage --min $(COVERAGE_MIN)

# ci: the recipe of docs/ci.md: check, glossary lint, coverage gate; every step runs, and the build fails if
# any failed. `make ci REPORT=github` prints GitHub annotations.
ci:
	@status=0; \
	$(RELLOC) check --format $(REPORT) || status=1; \
	$(RELLOC) glossary lint --format $(REPORT) || status=1; \
	$(RELLOC) coverage --min $(COVERAGE_MIN) || status=1; \
	exit $$status

# selftest: every rule of check must fire on relloc's built-in known-bad sample.
selftest:
	$(RELLOC) check --self-test

# eval: alignment precision and recall on ../shared/corpora/ntrex128.
eval:
	$(GO) test -count=1 -run TestEvalNTREX -v ./internal/align

# eval-real: check on real official translations (../shared/corpora: MOFA readouts, NTREX-128), unaltered and with
# planted faults: error findings by rule, known (internal/evalreal/testdata/known.tsv) or unexplained, and recall.
eval-real:
	$(GO) test -count=1 -run TestEvalReal -v ./internal/evalreal

bench:
	$(GO) test -run '^$$' -bench . -benchmem $(PKGS)

# bench-scale: every speed and memory target of relloc at scale (README, "Speed at scale") on a generated
# workspace of SCALE_RELEASES releases (en, km, ja) and SCALE_ENTRIES glossary entries (internal/scalegen, seeded
# by SCALE_SEED, written to a temporary folder and removed): check cold, warm and without the index beside
# ripgrep searching every term (Debian: apt-get install ripgrep) and Vale on the English (make tools); one
# release's commands and coverage with a warm index; a cold index rebuild; peak memory, and with SCALE_DOUBLE=1
# at twice the releases. Median of SCALE_RUNS runs. `make bench-scale SCALE_RELEASES=1000` is quick.
# tools: the peers bench-scale measures relloc against that Go can build, installed into $(TOOLS) (git-ignored),
# not onto the PATH: Vale 3.22.0, the version of the issue's figure (it needs cgo for tree-sitter; @latest does
# not resolve through the module proxy). ripgrep comes from the system (Debian: apt-get install ripgrep).
TOOLS        ?= .tools/bin
VALE_VERSION ?= v3.22.0
# A stamp named by the version reinstalls Vale when VALE_VERSION changes; -X sets the version Vale reports, which
# a `go install` build leaves as "master".
tools: $(TOOLS)/vale-$(VALE_VERSION).stamp
$(TOOLS)/vale-$(VALE_VERSION).stamp:
	GOBIN=$(CURDIR)/$(TOOLS) CGO_ENABLED=1 $(GO) install -ldflags '-X main.version=$(VALE_VERSION:v%=%)' \
	  github.com/vale-cli/vale/v3/cmd/vale@$(VALE_VERSION)
	rm -f $(TOOLS)/vale-*.stamp && touch $@

SCALE_RELEASES ?= 10000
SCALE_ENTRIES  ?= 5000
SCALE_SEED     ?= 1
SCALE_RUNS     ?= 3
SCALE_DOUBLE   ?=
bench-scale: build tools
	$(GO) run ./cmd/relloc-benchscale -relloc $(BIN) -vale $(TOOLS)/vale -releases $(SCALE_RELEASES) \
	  -entries $(SCALE_ENTRIES) -seed $(SCALE_SEED) -runs $(SCALE_RUNS) $(if $(SCALE_DOUBLE),-compare-double)

# screenshots: docs/review-index.png and docs/review-release.png, taken by the review site's browser test in
# headless Chromium (Debian: apt-get install chromium fonts-khmeros fonts-noto-cjk).
screenshots:
	CI=1 RELLOC_SCREENSHOTS=$(CURDIR)/docs $(GO) test -count=1 -run TestReviewSiteInBrowser ./cmd/relloc

# fuzz: every Fuzz target of every package, one after the other, for FUZZTIME each: a duration (60s) or a number
# of inputs (3000x, which CI uses: a duration can end in a spurious "context deadline exceeded" before Go 1.27,
# go.dev/issue/75804). Their seed corpora (f.Add and testdata/fuzz, which hold the crashers found so far) also
# run in make test.
FUZZTIME ?= 10s
fuzz:
	@set -e; for f in $$(grep -l '^func Fuzz' $$(find . -name '*_test.go' -not -path './.git/*' | sort)); do \
	  for t in $$(sed -n 's/^func \(Fuzz[A-Za-z0-9_]*\)(.*/\1/p' $$f); do \
	    echo "fuzz: $$(dirname $$f) $$t ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$t\$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10s $$(dirname $$f); \
	  done; \
	done

fmt:
	gofmt -w $$(git ls-files '*.go')

clean:
	rm -rf bin
