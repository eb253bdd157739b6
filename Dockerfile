# Show your emotion: the app alone (PostgreSQL, nginx and coturn come from compose.yaml).
#   docker build -t show-your-emotion .
#   docker run -p 8501:8501 -v sye-data:/data show-your-emotion   # SQLite in the volume
FROM python:3.11.14-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PATH=/opt/venv/bin:$PATH \
    DATA_DIR=/data \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false

WORKDIR /app

# The pinned tree only (no TensorFlow, no torch): the same install as
# scripts/run.sh, in its own layer so code changes do not reinstall it.
COPY requirements.txt ./
COPY deploy/install.sh deploy/
RUN sh deploy/install.sh /opt/venv

# The app, with the model files committed under core/vision/data.
COPY . .

# A system user without a login shell; it owns only its home (Streamlit keeps
# ~/.streamlit there) and the data volume.
RUN useradd --system --uid 10001 --create-home --home-dir /home/app --shell /usr/sbin/nologin app \
    && mkdir -p /data \
    && chown app /data \
    && python scripts/check_install.py

USER 10001
VOLUME ["/data"]
EXPOSE 8501

# Readiness, in Python (no curl in the image): Streamlit's /_stcore/health plus
# one query against the database and its schema at the newest migration
# (about 0.6 s of CPU per check, hence every 30 s).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 \
    CMD ["python", "scripts/ready.py"]

ENTRYPOINT ["sh", "deploy/entrypoint.sh"]
CMD ["--server.address=0.0.0.0", "--server.port=8501"]
