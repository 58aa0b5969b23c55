# The two commands of the README:
#   make run   installs missing Debian packages, builds Release, starts the demo server
#   make test  installs missing Debian packages, builds, runs every test
# and CI's third: make fuzz-smoke  runs every fuzz target for 20 s (fuzz/README.md)
BUILD_DIR ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=
ifeq ($(CI),true)
CMAKE_FLAGS += -DPARLEY_WERROR=ON
endif

FUZZ_DIR ?= build-fuzz
FUZZ_SECONDS ?= 20

.PHONY: run test build deps configure bench format clean fuzz-smoke

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

format:
	@git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf $(BUILD_DIR) $(FUZZ_DIR)
