# Sourced by the benchmarks that measure the service image. build_and_mount_image builds the image with the boot
# rehearsal (kept in the rehearsal's container store, the names below are the rehearsal's) and mounts its files at
# $IMAGE_ROOT; release_image unmounts and removes it again, and belongs in the caller's EXIT trap.
# shellcheck shell=bash

readonly IMAGE=localhost/capstan-service:rehearsal
IMAGE_ROOT=''

build_and_mount_image() {
  local state_dir=${REHEARSAL_STATE_DIR:-/var/lib/capstan-rehearsal}
  .ci/boot-rehearsal --image-only
  export CONTAINERS_STORAGE_CONF=$state_dir/storage.conf CONTAINERS_CONF=$state_dir/containers.conf
  IMAGE_ROOT=$(podman image mount "$IMAGE")
}

release_image() {
  [[ -z $IMAGE_ROOT ]] || podman image unmount "$IMAGE" >/dev/null 2>&1 || true
  podman rmi --force "$IMAGE" >/dev/null 2>&1 || true
}
