# Multi-stage: dependencies are installed in one stage, the runtime image keeps
# only what `npm start` needs. Used by docker-compose.yml's app service.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY package.json config.ts ./
COPY ingest ./ingest
COPY graph ./graph
COPY api ./api
COPY viz ./viz
COPY data ./data
EXPOSE 4000
USER node
CMD ["node_modules/.bin/tsx", "api/main.ts"]
