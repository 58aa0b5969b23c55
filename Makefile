# The two commands of the README:
#   make run   installs missing Debian packages, builds Release, starts the demo server
#   make test  installs missing Debian packages, builds, runs every test
# and CI's others: make format-check  fails on any C++ file clang-format would change
#                  make fuzz-smoke    runs every fuzz target for 20 s (fuzz/README.md)
# and two slower checks (docs/SANITIZERS.md):
#   make check-sanitize  the whole suite under AddressSanitizer + UBSan (build-asan/);
#                        CI runs the domain and store suites, built in the fuzz
#                        build (clang): make check-sanitize-ci
#   make check-tsan      the actors, store, outbox and privacy tests under ThreadSanitizer (build-tsan/)
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
# CI: warnings are errors, some libraries compile as unity builds, and the
# benchmarks are not built (nothing in CI runs them; `make bench` does).
ifeq ($(CI),true)
CMAKE_FLAGS += -DPARLEY_WERROR=ON -DPARLEY_UNITY=ON -DPARLEY_BENCHMARKS=OFF
endif

FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 20

.PHONY: run test build deps configure bench bench-compare format format-check clean fuzz-smoke check-sanitize check-sanitize-ci check-tsan

deps:
	@tools/install-deps.sh

configure: deps
	@cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS)

run: configure
	@cmake --build $(BUILD_DIR) -j $(JOBS) --target parley
	$(BUILD_DIR)/parley serve

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

fuzz-smoke: deps
	fuzz/run.sh $(FUZZ_DIR) $(FUZZ_SECONDS)

bench: build
	tools/bench/run-all.sh $(BUILD_DIR)

# Parley against the peer in ../shared/bench on the judged load (docs/BENCHMARKS.md).
bench-compare: build
	tools/bench/compare.sh $(BUILD_DIR)

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

# CI's first step: every C++ file as clang-format would write it.
format-check: deps
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format --dry-run -Werror

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_DIR)

# Sanitizer builds: their own directories, Release with -O1 -g on top, no
# benchmarks (nothing runs them there). -j2 by default: a sanitizer compile
# takes far more memory and time than a plain one.
SAN_JOBS ?= 2
ASAN_DIR ?= build-asan
TSAN_DIR ?= build-tsan
SAN_CMAKE = -G Ninja -DCMAKE_BUILD_TYPE=Release -DPARLEY_BENCHMARKS=OFF -DPARLEY_CONSOLE=OFF $(CMAKE_FLAGS)
SUPP = $(CURDIR)/tools/sanitizers
# The same options for the build (gtest_discover_tests runs each test binary
# to list its tests) and for the run; the e2e tests' `parley` inherits them.
check-sanitize: export ASAN_OPTIONS = detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:abort_on_error=0
check-sanitize: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1:suppressions=$(SUPP)/ubsan.supp
check-sanitize: export LSAN_OPTIONS = suppressions=$(SUPP)/lsan.supp:print_suppressions=0
check-sanitize: deps
	@cmake -S . -B $(ASAN_DIR) $(SAN_CMAKE) -DPARLEY_SANITIZE=address,undefined >/dev/null
	@cmake --build $(ASAN_DIR) -j $(SAN_JOBS)
	cd $(ASAN_DIR) && ctest --output-on-failure -j $(SAN_JOBS)

# CI's sanitizer step: the domain and store suites (the deciders, the codecs,
# the store contract on both stores, the group-commit writer, the stream
# toolkit) under ASan + UBSan, built in the fuzz build (clang, the fuzz
# targets' flags, their objects shared: fuzz/CMakeLists.txt) so CI compiles
# those sources under sanitizers once; the whole suite stays `make
# check-sanitize` (too long for CI's 25 minutes with make test).
SANITIZE_CI_TESTS = domain_tests events_tests
check-sanitize-ci: export ASAN_OPTIONS = detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1:abort_on_error=0
check-sanitize-ci: export UBSAN_OPTIONS = print_stacktrace=1:halt_on_error=1:suppressions=$(SUPP)/ubsan.supp
check-sanitize-ci: export LSAN_OPTIONS = suppressions=$(SUPP)/lsan.supp:print_suppressions=0
check-sanitize-ci: deps
	@FUZZ_BUILD_ONLY=1 fuzz/run.sh $(FUZZ_DIR)
	@for t in $(SANITIZE_CI_TESTS); do $(FUZZ_DIR)/$$t --gtest_brief=1 || exit 1; done

# The actors, the event store and the outbox: where Parley's threads meet.
# libcaf_core is built from source with TSan (tools/sanitizers/caf_core.cmake
# says why); its source is fetched once into $(TSAN_DIR)/caf-src.
TSAN_TESTS = actors_tests events_tests channels_tests privacy_tests
check-tsan: export TSAN_OPTIONS = halt_on_error=1:second_deadlock_stack=1:suppressions=$(SUPP)/tsan.supp
check-tsan: deps
	@tools/sanitizers/caf-source.sh $(TSAN_DIR)/caf-src
	@cmake -S . -B $(TSAN_DIR) $(SAN_CMAKE) -DPARLEY_SANITIZE=thread \
	  -DPARLEY_CAF_SOURCE=$(abspath $(TSAN_DIR)/caf-src) >/dev/null
	@cmake --build $(TSAN_DIR) -j $(SAN_JOBS) --target $(TSAN_TESTS)
	cd $(TSAN_DIR) && ctest --output-on-failure -j $(SAN_JOBS) -L '^($(subst $() ,|,$(TSAN_TESTS)))$$'
