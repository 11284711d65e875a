# MotoGestor: the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
BUILD_DIR ?= build/release
BIN := $(BUILD_DIR)/server/motogestor
PY := /usr/bin/python3
DATA_DIR ?= var
PORT ?= 5000

.PHONY: all deps build web run test test-unit test-pg test-api test-web test-e2e bench format lint clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=Release

build: deps $(BUILD_DIR)/build.ninja
	cmake --build $(BUILD_DIR)

web: deps
	@scripts/build-web.sh

# Builds everything, starts the server on http://localhost:$(PORT) with the
# embedded database under $(DATA_DIR)/ and the demo tenant. Data is kept.
run: build web
	$(BIN) --data-dir $(DATA_DIR) serve --port $(PORT) --seed-demo --frontend-dist web/dist

test: build web
	@scripts/run-tests.sh

test-unit: build
	$(BUILD_DIR)/server/unit_tests

test-pg: build
	scripts/with-test-db.sh $(BUILD_DIR)/server/pg_tests

test-api: build
	scripts/with-test-db.sh $(PY) -m pytest tests/api -q

test-web: web
	cd web && npm test

test-e2e: build web
	scripts/with-test-db.sh tests/e2e/run.sh

bench: build
	@bench/run.sh

format:
	find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i
	cd web && npm run format

lint:
	find server -name '*.cpp' -o -name '*.hpp' | xargs clang-format --dry-run -Werror
	scripts/check-architecture.sh
	cd web && npm run lint

clean:
	rm -rf build
