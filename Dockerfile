# syntax=docker/dockerfile:1
# The secpolicy CLI as a container, for CI systems that run images:
#   docker build -t secpolicy .
#   docker run --rm --read-only -v "$PWD:/work:ro" secpolicy .
# The image holds Node.js and the two bundle files; it writes nothing (mount /work read-write
# only to use --fix) and runs as the unprivileged "node" user.

FROM node:24-alpine3.22 AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build:production

FROM node:24-alpine3.22
COPY --from=build /src/dist/cli.js /src/dist/secpolicy.js /app/
USER node
WORKDIR /work
ENTRYPOINT ["node", "/app/cli.js"]
CMD ["."]
