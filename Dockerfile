# TrackIt bot: small, non-root image; the bot is the entry point (`trackit serve` by default).
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY commands ./commands
COPY jobs ./jobs
RUN pip wheel --no-cache-dir --wheel-dir /wheels ".[postgres,elasticsearch,opensearch]"

FROM python:3.11-slim
RUN useradd --create-home --uid 10001 trackit
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels
# `trackit doctor` compares the token's granted scopes with the ones the app manifest asks for.
COPY deploy/slack-manifest.yml /etc/trackit/slack-manifest.yml
USER trackit
WORKDIR /home/trackit
# Inside a container the listener must accept connections from outside it (the default is 127.0.0.1).
ENV TRACKIT_DATA_DIR=/home/trackit/data \
    TRACKIT_SLACK_MANIFEST=/etc/trackit/slack-manifest.yml \
    TRACKIT_HTTP_HOST=0.0.0.0 \
    MPLCONFIGDIR=/tmp/matplotlib \
    PYTHONUNBUFFERED=1
VOLUME ["/home/trackit/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD python -c "import urllib.request,os; urllib.request.urlopen(f'http://127.0.0.1:{os.environ.get(\"TRACKIT_HTTP_PORT\",\"3000\")}/healthz')"
ENTRYPOINT ["trackit"]
CMD ["serve", "--http"]
