# One image for the API and the worker (`npm run api` / `npm run worker`); the console is built into it.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm run build:workflows

FROM node:20-bookworm-slim
ENV NODE_ENV=production
# Workers load the workflow code bundled at build time instead of bundling it at every start.
ENV WORKFLOW_BUNDLE=/app/dist/workflow-bundle.js
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 4000
CMD ["npm", "run", "api"]
