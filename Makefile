# baocao — the two commands of the README, and a few more.
#   make demo   set up, then run the pipeline on the shipped 2026 sample inbox
#   make test   set up, then run every test
SWIFT ?= swift
BIN := .build/debug/baocao
DEMO := .demo
AS_OF ?= 2026-12-01

.PHONY: deps build demo serve test fuzz bench clean

deps:
	@scripts/install-deps

build: deps
	$(SWIFT) build

# A scratch inbox copied from Fixtures (the fixtures stay untouched), a fresh
# store with the sample keyring and the demo's receipts and 2026 documents
# cleared with it (else `baocao verify` finds an earlier demo's receipts
# that no record of the new store names), then: the reports and three detailed plans
# are ingested; the secretariat approves one report and returns HVCL's with a
# reason; HVCL's correction arrives and is ingested; the status board shows
# all of it, and the yearly documents are written in Outbox/2026/.
HVCL_REPORT := uuid:0d8f2b6e-93c4-4a71-8e5d-b1f4a2c7e690
demo: build
	rm -rf $(DEMO) Outbox/receipts Outbox/2026
	mkdir -p $(DEMO)/Inbox $(DEMO)/Store/keys
	scripts/stage-inbox Fixtures/inbox-2026 $(DEMO)/Inbox
	scripts/stage-inbox Fixtures/plans-2026 $(DEMO)/Inbox
	cp Fixtures/keys/*.pub $(DEMO)/Store/keys/
	$(BIN) ingest --inbox $(DEMO)/Inbox --store $(DEMO)/Store --outbox Outbox || [ $$? -eq 1 ]
	$(BIN) approve CDSQG-2026-annual-01 --store $(DEMO)/Store --outbox Outbox
	$(BIN) return $(HVCL_REPORT) --store $(DEMO)/Store --outbox Outbox --as-of 2026-11-20 --resend-by 2026-11-27 \
	    --reason "Nhiệm vụ 2.3.9 chưa nêu kết quả tháng 11 và kế hoạch bù khóa còn thiếu."
	scripts/stage-inbox Fixtures/corrections-2026 $(DEMO)/Inbox
	$(BIN) ingest --inbox $(DEMO)/Inbox --store $(DEMO)/Store --outbox Outbox || [ $$? -eq 1 ]
	$(BIN) status --year 2026 --as-of $(AS_OF) --store $(DEMO)/Store
	$(BIN) consolidate --year 2026 --as-of $(AS_OF) --store $(DEMO)/Store --outbox Outbox

# The portal on the demo store (after `make demo`), on 127.0.0.1:8080, with
# demo accounts made once and printed each time (.demo/accounts.txt).
PORT ?= 8080
serve: build
	@[ -d $(DEMO)/Store ] || $(MAKE) demo
	@PORT=$(PORT) scripts/demo-accounts $(BIN) $(DEMO)
	$(BIN) serve --listen 127.0.0.1:$(PORT) --store $(DEMO)/Store --outbox Outbox --inbox $(DEMO)/Inbox

# Every test, the portal in a real browser, then the fuzzer on check's path for FUZZ_SECONDS.
FUZZ_SECONDS ?= 45
test: build
	$(SWIFT) test
	scripts/browser-test
	scripts/fuzz $(FUZZ_SECONDS)

fuzz: deps
	scripts/fuzz $(FUZZ_SECONDS)

# Release build, then the benchmark at N = 1,000 and 10,000 (N=… to change),
# ending with the figures for the largest N: ratio-bare, floor-ratio,
# consolidate-rss-mib and portal-ratio (16 clients, 2,000 uploads, beside the inbox).
bench: deps
	$(SWIFT) build -c release
	scripts/bench $(N)

clean:
	rm -rf $(DEMO) .build .build-fuzz .bench
