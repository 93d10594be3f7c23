# Multi-stage: the explorer is built with the dev dependencies, the runtime image
# keeps only what the server needs. Used by docker-compose.yml's app service.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY package.json config.ts ./
COPY ingest ./ingest
COPY graph ./graph
COPY launcher ./launcher
COPY api ./api
COPY data ./data
COPY --from=build /app/viz/dist ./viz/dist
EXPOSE 4000
USER node
CMD ["node_modules/.bin/tsx", "api/main.ts"]
