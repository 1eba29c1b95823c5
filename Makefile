# pleno — build, test, demo, bench, install.
#
#   make            build build/pleno and build/libpleno.a
#   make demo       install missing packages, build, render samples/ into out/
#   make test       install missing packages, build, run every test, then
#                   again under AddressSanitizer + UndefinedBehaviorSanitizer
#   make bench      render the samples side by side with peer tools
#   make install    PREFIX=/usr/local DESTDIR=
#
# Out-of-tree: objects go to $(BUILD) (build/, or build-asan/ for the
# sanitizer pass).

VERSION   := 0.1.0
PREFIX    ?= /usr/local
DESTDIR   ?=
BUILD     ?= build
CC        ?= cc
SAN       ?=
WERROR    ?= $(if $(CI),-Werror,)

PKGS      := libxml-2.0 libpcre2-8 libpng harfbuzz
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

CFLAGS    ?= -O2 -g
CFLAGS    += -std=c11 -Wall -Wextra -Wpedantic -Wshadow $(WERROR) \
             -D_POSIX_C_SOURCE=200809L -DPL_VERSION='"$(VERSION)"' \
             -DPL_DATADIR='"$(PREFIX)/share/pleno"' $(PKG_CFLAGS)
LDLIBS    := $(PKG_LIBS) -lhpdf -lhyphen -lm

ifeq ($(SAN),1)
CFLAGS    += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
LDFLAGS   += -fsanitize=address,undefined
endif

LIB_SRC   := $(sort $(wildcard src/*/*.c) $(wildcard layouts/*.c))
CMD_SRC   := $(sort $(wildcard cmd/*.c))
UNIT_SRC  := $(sort $(wildcard tests/unit/test_*.c))

LIB_OBJ   := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
CMD_OBJ   := $(CMD_SRC:%.c=$(BUILD)/obj/%.o)
UNIT_BIN  := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)

.PHONY: all deps demo test check-unit check-rules check-golden check-bad \
        test-run asan bench install uninstall format clean

all: $(BUILD)/pleno

deps:
	@sh scripts/install-deps.sh

$(BUILD)/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -MMD -MP -c $< -o $@

$(BUILD)/libpleno.a: $(LIB_OBJ)
	@rm -f $@
	ar rcs $@ $^

$(BUILD)/pleno: $(CMD_OBJ) $(BUILD)/libpleno.a
	$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) $(BUILD)/libpleno.a $(LDLIBS)

$(BUILD)/tests/%: tests/unit/%.c $(BUILD)/libpleno.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags cmocka) $(LDFLAGS) -o $@ $< \
	    $(BUILD)/libpleno.a $(LDLIBS) $(shell pkg-config --libs cmocka)


demo: deps
	$(MAKE) all
	@mkdir -p out
	$(BUILD)/pleno check samples
	$(BUILD)/pleno render -j 2 -d out samples
	@ls -l out/*.pdf

# The whole suite, once normally and once under ASan+UBSan.
test: deps
	$(MAKE) test-run
	$(MAKE) BUILD=build-asan SAN=1 test-run

test-run: all $(UNIT_BIN)
	@BUILD=$(BUILD) sh tests/run.sh

asan:
	$(MAKE) BUILD=build-asan SAN=1 test-run

bench: all
	@sh tests/bench.sh $(BUILD)/pleno

install: all
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/pleno
	install -m 755 $(BUILD)/pleno $(DESTDIR)$(PREFIX)/bin/pleno
	for d in schemas fonts catalogs; do \
	    if [ -d $$d ]; then cp -R $$d $(DESTDIR)$(PREFIX)/share/pleno/; fi; \
	done
	install -d $(DESTDIR)$(PREFIX)/share/pleno/layouts
	for f in layouts/*.xml layouts/*.png layouts/*.jpg; do \
	    if [ -f $$f ]; then install -m 644 $$f $(DESTDIR)$(PREFIX)/share/pleno/layouts/; fi; \
	done

uninstall:
	rm -rf $(DESTDIR)$(PREFIX)/bin/pleno $(DESTDIR)$(PREFIX)/share/pleno

format:
	clang-format -i $(LIB_SRC) $(CMD_SRC) $(UNIT_SRC) $(wildcard src/*/*.h layouts/*.h)

clean:
	rm -rf build build-asan out

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d)
