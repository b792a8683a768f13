# Against the real Rasa: Rasa Open Source 3.6 in its own venv (Python 3.10), our action server
# from the project venv, a few whole conversations over Rasa's REST channel.
RASA_VENV ?= .venv-rasa
RASA := RASA_TELEMETRY_ENABLED=false $(RASA_VENV)/bin/rasa
RASA_ARGS := --domain bot/domain --data bot/data --config bot/config.yml

.PHONY: test-rasa rasa-train

$(RASA_VENV)/bin/rasa:
	scripts/install-rasa.sh $(RASA_VENV)

rasa-train: $(RASA_VENV)/bin/rasa ## validate the Rasa project and train bot/models/benefit-finder.tar.gz
	$(RASA) data validate $(RASA_ARGS)
	$(RASA) train $(RASA_ARGS) --out bot/models --fixed-model-name benefit-finder

test-rasa: $(TEST_STAMP) rasa-train ## train, start Rasa + the action server, run REST conversations
	scripts/test-rasa.sh $(RASA_VENV)
