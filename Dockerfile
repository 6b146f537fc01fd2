# syntax=docker/dockerfile:1
# Docker basics, served by nginx:  docker build -t docker-basics . && docker run --rm -p 8080:8080 docker-basics
# Then open http://localhost:8080/. See README, "Deployment".

# 1. Build the site (Astro + Pagefind) and the per-page CSP headers for nginx.
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# Canonical URLs and the sitemap use SITE_URL; BASE_PATH stays / (nginx serves the site at the root).
ARG SITE_URL=http://localhost:8080
ENV SITE_URL=${SITE_URL} BASE_PATH=/
RUN npm run build \
 && ./node_modules/.bin/node src/server/nginx-csp.ts dist /app/csp-map.conf

# 2. Serve it: static files only, no Node at run time.
FROM nginx:1.27-alpine
COPY src/server/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/csp-map.conf /etc/nginx/docker-basics/csp-map.conf
COPY --from=build /app/dist /usr/share/nginx/html
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1
