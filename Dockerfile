# briefbot: Slack news briefings.
#   docker build -t briefbot .
#   docker run --env-file .env -p 3000:3000 -v briefbot-data:/data briefbot                      (HTTP mode)
#   docker run --env-file .env -v briefbot-data:/data briefbot briefbot serve --socket            (Socket Mode)
#
# Reproducible: the base image is pinned by digest (the exact tag is kept for readers; Docker uses the digest) and
# every Python package comes from requirements/lock.txt, one version and one sha256 each (regenerate it with
# `python requirements/lock.py`), installed with --require-hashes --no-deps, so nothing is resolved at build time.
# The digest is python:3.11.10-slim-bookworm's as recorded in a public digest-pinning file; it could not be checked
# against the registry where this was written (no container engine): `docker buildx imagetools inspect
# python:3.11.10-slim-bookworm` shows the current one.
FROM python:3.11.10-slim-bookworm@sha256:5148c0e4bbb64271bca1d3322360ebf4bfb7564507ae32dd639322e4952a6b16

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BRIEFBOT_DB=/data/briefbot.db \
    BRIEFBOT_LOG_FORMAT=json

WORKDIR /app
# Dependencies first (their layer is reused until the lock changes), then the model, then briefbot itself.
COPY requirements/ requirements/
RUN pip install --require-hashes --no-deps -r requirements/lock.txt \
    && pip install --require-hashes --no-deps -r requirements/model.txt
COPY pyproject.toml README.md LICENSE ./
COPY knowledge/ knowledge/
COPY bot/ bot/
# --no-deps --no-build-isolation: everything, setuptools included, is already installed from the lock.
RUN pip install --no-deps --no-build-isolation . \
    && useradd --create-home --uid 10001 briefbot \
    && mkdir -p /data && chown briefbot:briefbot /data

USER briefbot
# matplotlib indexes its bundled fonts once per user: do it at build time, not on the first coverage chart.
RUN python -c "import matplotlib.font_manager"
VOLUME ["/data"]
EXPOSE 3000
# One check for every mode: HTTP mode answers /readyz (process up, store answering); Socket Mode and the worker
# have no port, so the check is that the store answers. `briefbot healthcheck` decides from the command line.
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["briefbot", "healthcheck"]
STOPSIGNAL SIGTERM
CMD ["briefbot", "serve", "--http", "--port", "3000"]
