# syntax=docker/dockerfile:1
# Docker basics, served by nginx:  docker build -t docker-basics . && docker run --rm -p 8080:8080 docker-basics
# Then open http://localhost:8080/. Under a sub-path:
#   docker build -t docker-basics --build-arg BASE_PATH=/docker-basics/ .   -> http://localhost:8080/docker-basics/
# See README, "Deployment".

# 1. Build the site (Astro + Pagefind), precompress it, and generate the nginx settings that
#    depend on the build: each page's CSP header, and the 404 page under the base path.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Canonical URLs and the sitemap use SITE_URL (the origin only); BASE_PATH is the sub-path the
# site is served under. A bad value fails here with the variable named (src/integrations/site-config.ts).
ARG SITE_URL=http://localhost:8080
ARG BASE_PATH=/
ENV SITE_URL=${SITE_URL} BASE_PATH=${BASE_PATH}
RUN npm run build \
 && ./node_modules/.bin/node src/server/precompress.ts dist \
 && ./node_modules/.bin/node src/server/nginx-csp.ts dist /app/nginx --base "${BASE_PATH}"

# 2. Serve it: static files only, no Node at run time. nginx:alpine has gzip_static but no Brotli
#    module, so only .gz files are written.
FROM nginx:1.27-alpine
ARG BASE_PATH=/
COPY src/server/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/nginx/ /etc/nginx/docker-basics/
COPY --from=build /app/dist /usr/share/nginx/html${BASE_PATH}
ENV HEALTH_PATH=${BASE_PATH}
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD wget -q -O /dev/null "http://127.0.0.1:8080${HEALTH_PATH}" || exit 1
