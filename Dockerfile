# Storedesk container image (issue 17). Three stages: dependencies, build, and a runtime stage that holds only the
# standalone output (server.js, the traced node_modules, the migrations and scripts/db-migrate.mjs), the browser
# assets and public/. No secret is baked in: every setting comes from the environment at run time.
#   docker build -t storedesk .
#   docker run --env-file .env -p 3000:3000 storedesk                 # the console
#   docker run --env-file .env storedesk node scripts/db-migrate.mjs  # migrations, once per deploy

FROM node:20-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# npm install, not npm ci: a lockfile written on a developer's Mac or Windows machine lacks Linux's optional
# binaries (SWC, lightningcss…) and npm ci refuses it; install resolves them and keeps the locked versions.
RUN npm install --no-audit --no-fund

FROM node:20-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# The source commit shown on /admin/system (.git is not in the build context): docker build --build-arg STOREDESK_COMMIT=$(git rev-parse --short HEAD)
ARG STOREDESK_COMMIT=""
RUN npm run build

FROM node:20-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
# A system user without a shell or home; the code stays root-owned (read-only to it), only the data folder and
# Next's cache are writable.
RUN groupadd --system --gid 1001 storedesk \
 && useradd --system --uid 1001 --gid storedesk --no-create-home --shell /usr/sbin/nologin storedesk \
 && mkdir -p /data /app/.next/cache \
 && chown storedesk:storedesk /data /app/.next/cache
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
USER storedesk
EXPOSE 3000
VOLUME ["/data"]
# /api/health: 200 when the database answers within 2 s (vendors are not asked). Node 20 has fetch built in.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "server.js"]
