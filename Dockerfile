# The portal's image for compose.yaml: `make serve` (gunicorn) or the task worker.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=cms.settings.production \
    MEDIA_ROOT=/data/media \
    STATIC_ROOT=/app/static_collected

RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext make \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 1000 portal \
    && mkdir -p /app /data/media \
    && chown portal:portal /app /data/media

WORKDIR /app
USER portal

# The hash-locked runtime requirements, installed where the Makefile expects its virtualenv;
# the stamp tells `make serve` that they are installed.
COPY --chown=portal:portal requirements/base.txt requirements/base.txt
RUN python -m venv .venv \
    && .venv/bin/pip install --no-cache-dir --require-hashes -r requirements/base.txt \
    && cp requirements/base.txt .venv/.installed-base.txt

COPY --chown=portal:portal . .

EXPOSE 8000
CMD ["make", "serve", "SERVE_ADDR=0.0.0.0:8000"]
