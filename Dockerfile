# Allmende in a container: built in a Rust image, run from a small Debian image as a user
# without privileges. The binary embeds its templates, translations, styles and migrations.
#   docker build -t allmende .
#   docker run -p 8080:8080 -e ALLMENDE_DOMAIN=forum.example.org -v allmende-data:/var/lib/allmende allmende
# contrib/docker-compose.yml runs it with PostgreSQL. See docs/ADMIN-GUIDE.md.

FROM rust:1.94-slim-trixie AS build
# cmake and clang for aws-lc (TLS), pkg-config for the build scripts that look for libraries.
RUN apt-get update \
    && apt-get install -y --no-install-recommends cmake clang pkg-config \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --locked --package allmende --bin allmende \
    && install -D -m 0755 target/release/allmende /out/allmende

FROM debian:trixie-slim
# postgresql-client: pg_dump and pg_restore for `allmende backup` and `restore` on PostgreSQL.
RUN apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates tzdata postgresql-client \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 allmende \
    && useradd --system --uid 10001 --gid allmende --home-dir /var/lib/allmende --shell /usr/sbin/nologin allmende \
    && install -d -o allmende -g allmende -m 0750 /var/lib/allmende
COPY --from=build /out/allmende /usr/local/bin/allmende

USER allmende:allmende
WORKDIR /var/lib/allmende
ENV ALLMENDE_BIND=0.0.0.0:8080 \
    ALLMENDE_DATA_DIR=/var/lib/allmende
VOLUME ["/var/lib/allmende"]
EXPOSE 8080
# The server stops on SIGTERM, finishing open requests and deliveries in flight.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/allmende"]
CMD ["serve"]
