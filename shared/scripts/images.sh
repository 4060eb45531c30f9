# shellcheck shell=bash
# Container images built offline (issue 21), sourced by ./approval: `./approval images` builds, `./approval images check`
# starts each image. docs/operations.md, "Images".
#
# Build, from Debian's and NuGet's packages only (no registry on the internet):
#   1. a Debian base (mmdebstrap: ICU, CA certificates, tzdata and fonts-wqy-zenhei, the CJK face of the licence PDFs),
#      cached under .local/images/cache by its package list;
#   2. the ASP.NET Core runtime of this machine's SDK as a second layer (the services are published framework-dependent);
#   3. per service one layer: `dotnet publish` (Release) into /app, plus /app/efbundle, the service's EF Core migrations
#      bundle, which the chart's migrations Job runs;
#   assembled with umoci (non-root user 10001, port 8080), written as OCI archives by skopeo to
#   .local/images/<name>.oci.tar. The manifest digests go to .local/images/digests.txt and into the images block of
#   charts/base/kustomization.yaml, so every overlay deploys the images by digest.
#
# Check: a private PostgreSQL and RabbitMQ on free ports; per service a database and a role of its own (no CREATEDB),
# its migrations bundle run from its image, then every image started by podman with a read-only root, as uid 10001,
# with the chart's settings (Production, migrations awaited); each must answer /alive and /health.

IMAGES_OUT=$REPO/.local/images
IMAGES_PACKAGES=ca-certificates,tzdata,libicu72,libssl3,fonts-wqy-zenhei
IMAGES_USER=10001

# The services of shared/services.json, then the gateway.
image_names() { suite_services; echo gateway; }

image_project() {  # NAME -> project folder
  local cap
  cap="$(tr '[:lower:]' '[:upper:]' <<<"${1:0:1}")${1:1}"
  if [[ $1 == gateway ]]; then echo "gateway/Approval.Gateway"; else echo "services/$cap/Approval.$cap"; fi
}

image_has_database() { [[ $1 != gateway ]]; }

ensure_image_tools() {
  local missing=() tool
  for tool in mmdebstrap umoci skopeo podman runc; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  ((${#missing[@]} == 0)) || apt_install "${missing[@]}"
}

# The Debian root file system as a tar, made once per package list.
image_debian_layer() {
  local key tar
  key=$(printf '%s' "bookworm $IMAGES_PACKAGES" | sha256sum | cut -c1-12)
  tar=$IMAGES_OUT/cache/debian-$key.tar
  if [[ ! -s $tar ]]; then
    say "Debian base (mmdebstrap bookworm minbase + ${IMAGES_PACKAGES//,/ })..." >&2
    mkdir -p "$IMAGES_OUT/cache"
    mmdebstrap --quiet --format=tar --variant=minbase --include="$IMAGES_PACKAGES" \
      --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
      --dpkgopt='path-exclude=/usr/share/locale/*' bookworm "$tar.part" >"$IMAGES_OUT/cache/mmdebstrap.log" 2>&1 ||
      { tail -n 20 "$IMAGES_OUT/cache/mmdebstrap.log" >&2; die "mmdebstrap failed"; }
    mv "$tar.part" "$tar"
  fi
  echo "$tar"
}

# The runtime layer: dotnet, hostfxr and the two shared frameworks of this SDK, under /usr/share/dotnet.
image_runtime_layer() {
  local stage=$IMAGES_OUT/stage/runtime fx version dotnet_home
  dotnet_home=$(dirname "$(readlink -f "$(command -v dotnet)")")
  version=$(dotnet --list-runtimes | awk '$1 == "Microsoft.AspNetCore.App" {v=$2} END {print v}')
  [[ -n $version ]] || die "no ASP.NET Core runtime next to the SDK"
  rm -rf "$stage" && mkdir -p "$stage/usr/share/dotnet/host/fxr" "$stage/usr/share/dotnet/shared" "$stage/usr/bin"
  cp "$dotnet_home/dotnet" "$stage/usr/share/dotnet/"
  cp -r "$dotnet_home/host/fxr/$(ls "$dotnet_home/host/fxr" | sort -V | tail -n 1)" "$stage/usr/share/dotnet/host/fxr/"
  for fx in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    mkdir -p "$stage/usr/share/dotnet/shared/$fx"
    cp -r "$dotnet_home/shared/$fx/$version" "$stage/usr/share/dotnet/shared/$fx/"
  done
  ln -s ../share/dotnet/dotnet "$stage/usr/bin/dotnet"
  layer_tar "$stage" "$IMAGES_OUT/stage/runtime.tar"
  echo "$IMAGES_OUT/stage/runtime.tar"
}

# A layer tar of FOLDER's contents, owned by root, in name order.
layer_tar() {  # FOLDER TAR
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$1" -cf "$2" .
}

# /app: the service published framework-dependent, and its migrations bundle.
image_app_layer() {  # NAME
  local name=$1 project stage=$IMAGES_OUT/stage/$1
  project=$(image_project "$name")
  rm -rf "$stage" && mkdir -p "$stage/app"
  dotnet publish "$project" -c Release -o "$stage/app" -p:UseAppHost=false --nologo -v q >"$IMAGES_OUT/logs/publish-$name.log" 2>&1 ||
    { tail -n 30 "$IMAGES_OUT/logs/publish-$name.log" >&2; die "dotnet publish $name failed"; }
  if image_has_database "$name"; then
    dotnet ef migrations bundle --project "$project" --startup-project "$project" --configuration Release --no-build \
      --output "$stage/app/efbundle" --force >"$IMAGES_OUT/logs/efbundle-$name.log" 2>&1 ||
      { tail -n 30 "$IMAGES_OUT/logs/efbundle-$name.log" >&2; die "the migrations bundle of $name failed"; }
  fi
  layer_tar "$stage" "$IMAGES_OUT/stage/$name.tar"
}

cmd_images_build() {
  local layout=$IMAGES_OUT/layout debian runtime name dll digest started=$EPOCHREALTIME
  local created revision history=(--history.author approval)
  ensure_image_tools
  dotnet tool restore >/dev/null
  mkdir -p "$IMAGES_OUT/logs" "$IMAGES_OUT/stage"
  created=$(git -C "$REPO" log -1 --format=%cI 2>/dev/null || date -u +%FT%TZ)
  revision=$(git -C "$REPO" rev-parse HEAD 2>/dev/null || echo unknown)
  debian=$(image_debian_layer)
  runtime=$(image_runtime_layer)

  rm -rf "$layout"
  umoci init --layout "$layout"
  umoci new --image "$layout:base"
  umoci raw add-layer --image "$layout:base" "${history[@]}" --history.created "$created" \
    --history.created_by "mmdebstrap bookworm minbase $IMAGES_PACKAGES" "$debian"
  umoci raw add-layer --image "$layout:base" "${history[@]}" --history.created "$created" \
    --history.created_by "ASP.NET Core runtime $(basename "$(ls -d "$IMAGES_OUT"/stage/runtime/usr/share/dotnet/shared/Microsoft.AspNetCore.App/*)")" "$runtime"
  umoci config --image "$layout:base" --no-history --created "$created" --author approval \
    --config.user "$IMAGES_USER:$IMAGES_USER" --config.workingdir /app \
    --config.env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    --config.env DOTNET_ROOT=/usr/share/dotnet --config.env DOTNET_RUNNING_IN_CONTAINER=true \
    --config.env ASPNETCORE_HTTP_PORTS=8080 --config.env HOME=/tmp --config.env TZ=Asia/Shanghai \
    --config.exposedports 8080/tcp

  : >"$IMAGES_OUT/digests.txt"
  for name in $(image_names); do
    say "$name: publish$(image_has_database "$name" && echo ' + migrations bundle')..."
    image_app_layer "$name"
    dll=$(basename "$(image_project "$name")").dll
    umoci raw add-layer --image "$layout:base" --tag "$name" "${history[@]}" --history.created "$created" \
      --history.created_by "dotnet publish $(image_project "$name")" "$IMAGES_OUT/stage/$name.tar"
    umoci config --image "$layout:$name" --no-history --created "$created" \
      --config.entrypoint /usr/share/dotnet/dotnet --config.entrypoint "/app/$dll" \
      --config.label "org.opencontainers.image.title=approval/$name" \
      --config.label "org.opencontainers.image.revision=$revision"
    rm -f "$IMAGES_OUT/$name.oci.tar"
    skopeo copy --quiet "oci:$layout:$name" "oci-archive:$IMAGES_OUT/$name.oci.tar:approval/$name"
    digest=$(skopeo inspect --format '{{.Digest}}' "oci-archive:$IMAGES_OUT/$name.oci.tar")
    printf '%s %s\n' "$name" "$digest" >>"$IMAGES_OUT/digests.txt"
    say "  approval/$name@$digest  ($(du -h "$IMAGES_OUT/$name.oci.tar" | cut -f1))"
  done
  images_pin_digests "$IMAGES_OUT/digests.txt"
  say "Built $(wc -l <"$IMAGES_OUT/digests.txt") images in $(elapsed "$started") s; digests in charts/base/kustomization.yaml"
}

# Rewrites the images block of charts/base/kustomization.yaml (between its markers) from NAME DIGEST lines.
images_pin_digests() {  # DIGESTS_FILE
  local file=$REPO/charts/base/kustomization.yaml block
  block=$(awk '{printf "  - { name: approval/%s, digest: \"%s\" }\n", $1, $2}' "$1")
  awk -v block="$block" '
    /^# images: begin/ {print; print "images:"; print block; skip=1; next}
    /^# images: end/ {skip=0}
    !skip {print}' "$file" >"$file.new"
  mv "$file.new" "$file"
}

# ---------------------------------------------------------------------------------------------
# Check: every image started against a private PostgreSQL and RabbitMQ, as the chart runs it.

IMAGE_CONTAINERS=()  # containers this run started, removed by images_cleanup

images_cleanup() {
  local rc=$? c
  for c in "${IMAGE_CONTAINERS[@]}"; do podman rm -f --time 5 "$c" >/dev/null 2>&1 || true; done
  (exit "$rc")  # cleanup exits with the status it finds
  cleanup
}

# podman as this sandbox allows it: runc (crun refuses the hybrid cgroup hierarchy), and resource limits below the
# caller's (podman's defaults are above them, and raising a limit is not permitted here).
podman_run() {
  podman --runtime runc run --network host --ulimit "nofile=$(ulimit -Hn):$(ulimit -Hn)" --ulimit nproc=4096:4096 "$@"
}

# The per-service role and database a region's DBA creates (docs/operations.md): the role owns its database, nothing more.
image_database() {  # NAME DATABASE ROLE PASSWORD
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $3 LOGIN NOCREATEDB NOCREATEROLE PASSWORD '$4'" -c "CREATE DATABASE $2 OWNER $3" \
    -c "REVOKE ALL ON DATABASE $2 FROM PUBLIC" >/dev/null
}

image_connection() {  # DATABASE ROLE PASSWORD
  echo "Host=127.0.0.1;Port=$PG_PORT;Database=$1;Username=$2;Password=$3"
}

cmd_images_check() {
  local names=() name port digest i env=() started row status alive health ports_needed
  local -A port_of
  ensure_deps
  ensure_image_tools
  [[ -s $IMAGES_OUT/digests.txt ]] || die "no images yet: run ./approval images first"
  mapfile -t names < <(image_names)
  ports_needed=()
  for name in "${names[@]}"; do ports_needed+=("PORT_${name^^}"); done
  private_instance images "${ports_needed[@]}"
  trap images_cleanup EXIT
  trap 'echo >&2; exit 130' INT
  trap 'exit 143' TERM
  for name in "${names[@]}"; do i="PORT_${name^^}"; port_of[$name]=${!i}; done
  start_servers_async "$PG_PORT" "$AMQP_PORT" "$DIST_PORT" "$EPMD_PORT" "rabbit-images-$$@localhost"
  await_servers
  mkdir -p "$DATA/materials" "$DATA/keys"
  chown "$IMAGES_USER:$IMAGES_USER" "$DATA/materials"
  openssl genrsa -out "$DATA/keys/signing.pem" 2048 2>/dev/null

  # What every pod gets from the chart's approval-endpoints ConfigMap, with local addresses.
  env=(-e ASPNETCORE_ENVIRONMENT=Production -e Approval__Database__Migrations=await
    -e "ConnectionStrings__rabbitmq=amqp://guest:guest@127.0.0.1:$AMQP_PORT/" -e Approval__RegionPack=/region)
  for name in "${names[@]}"; do env+=(-e "services__${name}__http__0=http://127.0.0.1:${port_of[$name]}"); done

  printf '\n%-14s %-20s %-11s %-7s %-7s %s\n' image digest migrations /alive /health seconds
  for name in "${names[@]}"; do
    digest=$(awk -v n="$name" '$1 == n {print $2}' "$IMAGES_OUT/digests.txt")
    local image own=()
    image=$(podman load -i "$IMAGES_OUT/$name.oci.tar" 2>/dev/null | sed -n 's/^Loaded image: //p' | tail -n 1)
    [[ -n $image ]] || die "podman could not load $name.oci.tar"
    status=-
    if image_has_database "$name"; then
      local db=approval_img_$name password
      password=$(openssl rand -hex 12)
      image_database "$name" "$db" "$db" "$password"
      own=(-e "ConnectionStrings__${name}db=$(image_connection "$db" "$db" "$password")")
      # the chart's migrations Job: the bundle in the image, with the service's own credential
      if podman_run --rm --read-only --user "$IMAGES_USER:$IMAGES_USER" --entrypoint /app/efbundle "$image" \
        --connection "$(image_connection "$db" "$db" "$password")" >"$DATA/logs/migrate-$name.log" 2>&1; then
        status=applied
      else
        status=FAILED
      fi
    fi
    case $name in
      identity) own+=(-e "Approval__Identity__Issuer=http://127.0.0.1:${port_of[gateway]}/"
        -e "Approval__Identity__PortalRedirectUris__0=http://127.0.0.1:${port_of[gateway]}/signin-oidc"
        -e "Approval__Identity__SigningKey=$(cat "$DATA/keys/signing.pem")"
        -e "Approval__Identity__EncryptionKey=$(openssl rand -base64 32)" -e "Approval__Identity__AdminPassword=$(openssl rand -hex 12)Aa1!") ;;
      licences) own+=(-e "Approval__Licences__SealKeyEncryptionKey=$(openssl rand -hex 16)"
        -e "Approval__Licences__PublicBaseUrl=http://127.0.0.1:${port_of[gateway]}") ;;
      intake) own+=(-e Approval__Intake__MaterialsPath=/materials -v "$DATA/materials:/materials") ;;
      exchange) image_database front approval_img_front approval_img_exchange_front frontpass
        own+=(-e "ConnectionStrings__frontdb=$(image_connection approval_img_front approval_img_exchange_front frontpass)") ;;
      notifications) own+=(-e Approval__Notifications__SmsProvider=sink) ;;
    esac
    IMAGE_CONTAINERS+=("approval-$name-$$")
    podman_run -d --name "approval-$name-$$" --read-only --tmpfs /tmp --user "$IMAGES_USER:$IMAGES_USER" \
      -e "ASPNETCORE_URLS=http://127.0.0.1:${port_of[$name]}" -e "OTEL_SERVICE_NAME=$name" \
      -v "$REPO/regions/320193:/region:ro" "${env[@]}" "${own[@]}" "$image" >/dev/null
    printf '%s %s %s\n' "$name" "$digest" "$status" >>"$DATA/started.txt"
  done

  # Every image must answer /alive and then /health within 4 minutes of the last start.
  local deadline=$((SECONDS + 240)) failures=0 t0=$SECONDS
  while read -r name digest status; do
    alive=no health=no
    until [[ $alive == yes && $health == yes ]] || ((SECONDS >= deadline)); do
      [[ $alive == yes ]] || { curl -fsS --max-time 2 -o /dev/null "http://127.0.0.1:${port_of[$name]}/alive" 2>/dev/null && alive=yes; }
      [[ $alive == no ]] || { curl -fsS --max-time 5 -o /dev/null "http://127.0.0.1:${port_of[$name]}/health" 2>/dev/null && health=yes; }
      [[ $alive == yes && $health == yes ]] || sleep 1
    done
    printf '%-14s %-20s %-11s %-7s %-7s %s\n' "$name" "${digest:0:19}" "$status" "$alive" "$health" $((SECONDS - t0))
    if [[ $alive != yes || $health != yes || $status == FAILED ]]; then
      failures=$((failures + 1))
      podman logs --tail 30 "approval-$name-$$" >&2 2>&1 || true
      [[ $status != FAILED ]] || tail -n 20 "$DATA/logs/migrate-$name.log" >&2
    fi
  done <"$DATA/started.txt"
  ((failures == 0)) || die "$failures image(s) did not start healthy"
  say "All ${#names[@]} images started from their OCI archives under podman (uid $IMAGES_USER, read-only root) and answer /alive and /health."
}

cmd_images() {
  case ${1:-build} in
    build) cmd_images_build ;;
    check) cmd_images_check ;;
    *) die "usage: ./approval images [build|check]" ;;
  esac
}
