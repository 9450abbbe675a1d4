.PHONY: setup run test bench
export ANONYMIZED_TELEMETRY=False
export GRADIO_ANALYTICS_ENABLED=False

setup:
	./scripts/setup

run: setup
	.venv/bin/python app.py

test: setup
	.venv/bin/python -m pytest -q

bench: setup
	.venv/bin/python bench/ask_latency.py
	.venv/bin/python bench/checklist.py
