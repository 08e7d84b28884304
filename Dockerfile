# Build a static hitpath binary, then run it as an unprivileged user.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/hitpath ./cmd/hitpath

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/hitpath /usr/local/bin/hitpath
ENV PORT=3000 HITPATH_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 3000
USER nonroot:nonroot
ENTRYPOINT ["/usr/local/bin/hitpath"]
CMD ["serve"]
