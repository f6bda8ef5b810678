#!/usr/bin/env bash
# Capstan instance boot script (launch template user-data template).
# The rollout CLI fills the {{...}} placeholders below; see userdata/README.md.
set -euo pipefail

# --- rendered by the rollout CLI -------------------------------------------
IMAGE_REF='{{IMAGE_REF}}'        # <registry>/<repository>@sha256:<digest>
IMAGE_TAG='{{IMAGE_TAG}}'        # the git sha the image was built from
IMAGE_DIGEST='{{IMAGE_DIGEST}}'  # sha256:<hex>
ASG_NAME='{{ASG_NAME}}'          # the Auto Scaling group this template version is deployed to
LOG_DRIVER='{{LOG_DRIVER}}'      # docker log driver, awslogs in production
LOG_GROUP='{{LOG_GROUP}}'        # CloudWatch Logs group for the awslogs driver

# --- boot-time settings: production sets none of these ----------------------
# Each one exists so that the same script can be rehearsed on a machine without EC2 (see userdata/README.md).
IMDS_ENDPOINT=${IMDS_ENDPOINT:-http://169.254.169.254}
AWS_ENDPOINT_URL=${AWS_ENDPOINT_URL:-}            # empty: the AWS CLI's own regional endpoints
READY_TIMEOUT_SECONDS=${READY_TIMEOUT_SECONDS:-300} # from docker run to the first ready answer
CONTAINER_NAME=${CONTAINER_NAME:-capstan}
APP_HOST_PORT=${APP_HOST_PORT:-8080}
ADMIN_HOST_PORT=${ADMIN_HOST_PORT:-8081}

# The service drains for 15 s then allows 15 s for in-flight work (config.yml); docker must wait longer than
# both before it kills the JVM, or a stop during a deploy would cut requests off.
readonly STOP_TIMEOUT_SECONDS=40
# Container limits (docs/boot.md, "Limits"). Memory: the heap (-Xmx in jvm.options; UserDataRendererTest keeps the
# two equal) plus what the JVM needs besides it with Jetty's thread pools full (1,024 + 64 threads), as measured;
# the instance keeps HOST_RESERVE_MB for itself. Processes: those pools plus the JVM's own threads, with room.
readonly HEAP_MB=128 NON_HEAP_MB=384 HOST_RESERVE_MB=256 PIDS_LIMIT=1280 TMP_SIZE=16m
# Bounded waits, in seconds: an AWS CLI call (whose requests time out as well: aws_call), docker login, a pull
# attempt (of 3; layers already fetched are kept).
readonly AWS_CALL_SECONDS=60 LOGIN_SECONDS=30 PULL_ATTEMPT_SECONDS=60
export AWS_MAX_ATTEMPTS=3 AWS_RETRY_MODE=standard
readonly APP_PORT=8080 ADMIN_PORT=8081 # inside the container
readonly DIGEST_LABEL=dev.capstan.image-digest
readonly LAUNCHING=autoscaling:EC2_INSTANCE_LAUNCHING

# cloud-init may run user-data without HOME; docker login and the AWS CLI keep their files under it.
export HOME=${HOME:-/root}

INSTANCE_ID='' REGION='' AVAILABILITY_ZONE='' IMDS_TOKEN='' MEMORY_MB=''
RUN_STARTED_MS='' # when docker run started the container; readiness is timed from there

log() { printf '%s capstan-boot: %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$*" >&2; }

fail() {
  log "FAILED: $*"
  exit 1
}

# --- inputs: checked before anything changes ---------------------------------
validate_inputs() {
  local sha='sha256:[0-9a-f]{64}'
  [[ $IMAGE_DIGEST =~ ^$sha$ ]] || fail "IMAGE_DIGEST '$IMAGE_DIGEST' is not sha256:<64 hex digits>"
  [[ $IMAGE_REF =~ ^[^/@]+/[^@]+@$sha$ && $IMAGE_REF == *"@$IMAGE_DIGEST" ]] \
    || fail "IMAGE_REF '$IMAGE_REF' is not <registry>/<repository>@$IMAGE_DIGEST"
  [[ $IMAGE_TAG =~ ^[A-Za-z0-9_][A-Za-z0-9_.-]*$ ]] || fail "IMAGE_TAG '$IMAGE_TAG' is not an image tag"
  [[ -n $ASG_NAME && $ASG_NAME != *[{}]* ]] || fail "ASG_NAME '$ASG_NAME' is not a group name"
  [[ $LOG_DRIVER =~ ^[a-z0-9_-]+$ ]] || fail "LOG_DRIVER '$LOG_DRIVER' is not a docker log driver name"
  [[ $LOG_DRIVER != awslogs || ($LOG_GROUP =~ ^[A-Za-z0-9_./#-]+$) ]] \
    || fail "LOG_GROUP '$LOG_GROUP' is not a CloudWatch Logs group name"
  [[ $READY_TIMEOUT_SECONDS =~ ^[1-9][0-9]*$ ]] || fail "READY_TIMEOUT_SECONDS '$READY_TIMEOUT_SECONDS' is not a positive number"
  [[ $APP_HOST_PORT =~ ^[1-9][0-9]*$ && $ADMIN_HOST_PORT =~ ^[1-9][0-9]*$ ]] || fail "host ports must be numbers"
}

# --- instance facts (IMDSv2 only) -------------------------------------------
imds_token() {
  curl -fsS --retry 5 --retry-connrefused --retry-delay 1 --connect-timeout 2 --max-time 5 \
    -X PUT -H 'X-aws-ec2-metadata-token-ttl-seconds: 21600' "$IMDS_ENDPOINT/latest/api/token"
}

# The token goes to curl on its standard input (-H @-), never on a command line, where any process could read it.
imds_get() {
  printf 'X-aws-ec2-metadata-token: %s\n' "$IMDS_TOKEN" \
    | curl -fsS --retry 5 --retry-connrefused --retry-delay 1 --connect-timeout 2 --max-time 5 \
      -H @- "$IMDS_ENDPOINT/latest/meta-data/$1"
}

read_instance_facts() {
  IMDS_TOKEN=$(imds_token) || fail "no IMDSv2 token from $IMDS_ENDPOINT"
  INSTANCE_ID=$(imds_get instance-id) || fail "cannot read instance-id from IMDS"
  REGION=$(imds_get placement/region) || fail "cannot read placement/region from IMDS"
  AVAILABILITY_ZONE=$(imds_get placement/availability-zone) || fail "cannot read placement/availability-zone from IMDS"
  log "instance $INSTANCE_ID in $AVAILABILITY_ZONE ($REGION), group $ASG_NAME"
}

# The container's memory limit, checked against what the instance has before anything is pulled or started.
size_memory() {
  local total_mb
  total_mb=$(($(awk '/^MemTotal:/ {print $2}' /proc/meminfo) / 1024))
  MEMORY_MB=$((HEAP_MB + NON_HEAP_MB))
  ((total_mb - HOST_RESERVE_MB >= MEMORY_MB)) \
    || fail "the instance has ${total_mb} MB: too little for the container's ${MEMORY_MB} MB and the host's ${HOST_RESERVE_MB} MB"
  log "container limits: memory ${MEMORY_MB} MB of the instance's ${total_mb} MB, ${PIDS_LIMIT} processes"
}

# --- AWS calls (instance role credentials, found by the CLI through IMDS) ---
aws_call() {
  local endpoint=()
  # The AWS CLI 2.9 shipped by some distributions ignores AWS_ENDPOINT_URL, so pass it on explicitly.
  [[ -n $AWS_ENDPOINT_URL ]] && endpoint=(--endpoint-url "$AWS_ENDPOINT_URL")
  # Each request: 5 s to connect, 10 s without data; AWS_MAX_ATTEMPTS tries in all; timeout bounds the whole call.
  timeout -k 5 "$AWS_CALL_SECONDS" aws "${endpoint[@]}" --region "$REGION" --cli-connect-timeout 5 \
    --cli-read-timeout 10 "$@"
}

launch_hook_names() {
  aws_call autoscaling describe-lifecycle-hooks --auto-scaling-group-name "$ASG_NAME" \
    --query "LifecycleHooks[?LifecycleTransition=='$LAUNCHING'].LifecycleHookName" --output text
}

lifecycle_state() {
  aws_call autoscaling describe-auto-scaling-instances --instance-ids "$INSTANCE_ID" \
    --query 'AutoScalingInstances[0].LifecycleState' --output text
}

# Completes every launch hook of the group with the given result; returns non-zero if any call fails.
complete_launch_hooks() {
  local result=$1 hooks hook status=0
  hooks=$(launch_hook_names) || return 1
  if [[ -z $hooks || $hooks == None ]]; then
    log "group $ASG_NAME has no launch lifecycle hook: nothing to complete"
    return 0
  fi
  for hook in $hooks; do
    if aws_call autoscaling complete-lifecycle-action --auto-scaling-group-name "$ASG_NAME" \
      --lifecycle-hook-name "$hook" --instance-id "$INSTANCE_ID" --lifecycle-action-result "$result" >/dev/null; then
      log "lifecycle hook $hook completed with $result"
    else
      log "lifecycle hook $hook: completing with $result failed"
      status=1
    fi
  done
  return "$status"
}

# --- tools ---------------------------------------------------------------------
# The Amazon Linux 2023 AMI ships the AWS CLI; a minimal AMI does not.
ensure_aws_cli() {
  command -v aws >/dev/null && return 0
  log "installing the AWS CLI"
  timeout 300 dnf install -y awscli-2 >/dev/null || fail "dnf install awscli-2 failed"
}

# The fleet boots the ECS-optimized AMI for its preinstalled Docker; its ECS agent has no cluster to join here (and
# the instance role no ECS permission). Its unit starts after cloud-final, which is running this script: stopping it
# without waiting (--no-block) cancels that start instead of deadlocking, and masking keeps it off after a reboot.
disable_ecs_agent() {
  command -v systemctl >/dev/null || return 0
  [[ -n $(systemctl list-unit-files --no-legend ecs.service 2>/dev/null) ]] || return 0
  if systemctl mask --now --no-block ecs.service >/dev/null 2>&1; then
    log "ECS agent disabled"
  else
    log "could not disable the ECS agent; going on (it cannot join a cluster without ECS permissions)"
  fi
}

# Operators reach the admin port through Session Manager port forwarding (docs/operations.md), which needs the SSM
# agent the AMI ships. Its unit normally starts at boot already; starting it without waiting (--no-block) cannot hold
# up this script. A missing agent only costs operators that path, never the instance its traffic: no failure.
ensure_ssm_agent() {
  command -v systemctl >/dev/null || return 0
  if [[ -z $(systemctl list-unit-files --no-legend amazon-ssm-agent.service 2>/dev/null) ]]; then
    log "no SSM agent on this AMI: the admin port cannot be forwarded to operators"
    return 0
  fi
  if systemctl enable --now --no-block amazon-ssm-agent.service >/dev/null 2>&1; then
    log "SSM agent enabled"
  else
    log "could not enable the SSM agent; going on (only admin port forwarding depends on it)"
  fi
}

ensure_docker() {
  if docker info >/dev/null 2>&1; then
    return 0
  fi
  if ! command -v docker >/dev/null; then
    log "installing docker"
    timeout 300 dnf install -y docker >/dev/null || fail "dnf install docker failed"
  fi
  # docker.service may have no start timeout of its own.
  timeout 120 systemctl enable --now docker || fail "cannot start the docker service"
  local attempt
  for attempt in 1 2 3 4 5 6 7 8 9 10; do
    docker info >/dev/null 2>&1 && return 0
    log "waiting for the docker daemon ($attempt)"
    sleep 1
  done
  fail "the docker daemon does not answer"
}

# Prints the id of a running container started from this digest (by an earlier run), nothing when there is none.
running_container_of_this_digest() {
  docker ps --quiet --filter "label=$DIGEST_LABEL=$IMAGE_DIGEST" --filter status=running
}

registry_login() {
  local registry=${IMAGE_REF%%/*}
  aws_call ecr get-login-password \
    | timeout -k 5 "$LOGIN_SECONDS" docker login --username AWS --password-stdin "$registry" >/dev/null \
    || fail "docker login to $registry with the instance role failed"
  log "logged in to $registry"
}

pull_image() {
  local attempt
  for attempt in 1 2 3; do
    if timeout -k 10 "$PULL_ATTEMPT_SECONDS" docker pull --quiet "$IMAGE_REF" >/dev/null; then
      log "pulled $IMAGE_REF"
      return 0
    fi
    log "pull of $IMAGE_REF failed or took over ${PULL_ATTEMPT_SECONDS}s (attempt $attempt)"
    sleep $((attempt * 2))
  done
  fail "cannot pull $IMAGE_REF"
}

log_options() {
  printf '%s\n' --log-driver "$LOG_DRIVER"
  if [[ $LOG_DRIVER == awslogs ]]; then
    # non-blocking: a slow CloudWatch must never stall the service's stdout; the buffer bounds what can be lost.
    printf '%s\n' --log-opt "awslogs-region=$REGION" --log-opt "awslogs-group=$LOG_GROUP" \
      --log-opt "awslogs-stream=$INSTANCE_ID" --log-opt mode=non-blocking --log-opt max-buffer-size=4m
  fi
}

# A container of that name still running (another digest) is stopped as a deploy stops one: SIGTERM, then its stop
# timeout to drain, before it is removed.
remove_old_container() {
  local started=$SECONDS
  if [[ $(docker inspect --format '{{.State.Running}}' "$CONTAINER_NAME" 2>/dev/null) == true ]]; then
    timeout $((STOP_TIMEOUT_SECONDS + 20)) docker stop -t "$STOP_TIMEOUT_SECONDS" "$CONTAINER_NAME" >/dev/null \
      || log "docker stop $CONTAINER_NAME failed"
    log "stopped the old container in $((SECONDS - started))s (exit $(docker inspect --format '{{.State.ExitCode}}' "$CONTAINER_NAME"))"
  fi
  docker rm --force "$CONTAINER_NAME" >/dev/null 2>&1 || true
}

run_container() {
  local options
  mapfile -t options < <(log_options)
  remove_old_container
  log "docker run $CONTAINER_NAME (readiness deadline ${READY_TIMEOUT_SECONDS}s)"
  RUN_STARTED_MS=$(date +%s%3N)
  # Bridge networking: with the IMDS hop limit of 1 the container cannot reach the instance role; the admin
  # connector listens on all of the container's addresses, but is published on the host's loopback only.
  # Tight: a read-only root with a small /tmp (the JVM's only writes), no capabilities, no privilege gain.
  # The metrics the service publishes name their fleet (SERVICE_NAME) after the group (docs/metrics.md).
  docker run --detach --name "$CONTAINER_NAME" \
    --restart unless-stopped --stop-timeout "$STOP_TIMEOUT_SECONDS" \
    --read-only --tmpfs "/tmp:rw,noexec,nosuid,nodev,size=$TMP_SIZE,mode=1777" \
    --cap-drop ALL --security-opt no-new-privileges=true \
    --pids-limit "$PIDS_LIMIT" --memory "${MEMORY_MB}m" --memory-swap "${MEMORY_MB}m" \
    --publish "$APP_HOST_PORT:$APP_PORT" --publish "127.0.0.1:$ADMIN_HOST_PORT:$ADMIN_PORT" \
    --env ADMIN_BIND_HOST=0.0.0.0 \
    --env "IMAGE_TAG=$IMAGE_TAG" --env "IMAGE_DIGEST=$IMAGE_DIGEST" \
    --env "INSTANCE_ID=$INSTANCE_ID" --env "AVAILABILITY_ZONE=$AVAILABILITY_ZONE" --env "SERVICE_NAME=$ASG_NAME" \
    --label "$DIGEST_LABEL=$IMAGE_DIGEST" \
    "${options[@]}" "$IMAGE_REF" >/dev/null || fail "docker run failed"
  log "started container $CONTAINER_NAME from $IMAGE_REF"
}

wait_until_ready() {
  local url="http://127.0.0.1:$APP_HOST_PORT/health-check?type=ready"
  local started deadline remaining waited
  started=${RUN_STARTED_MS:-$(date +%s%3N)}
  deadline=$((started + READY_TIMEOUT_SECONDS * 1000))
  while true; do
    remaining=$((deadline - $(date +%s%3N)))
    if ((remaining <= 0)); then
      fail "not ready within ${READY_TIMEOUT_SECONDS}s ($url); see: docker logs $CONTAINER_NAME"
    fi
    if curl -fsS -o /dev/null --max-time "$((remaining < 2000 ? remaining / 1000 + 1 : 2))" "$url" 2>/dev/null; then
      waited=$(($(date +%s%3N) - started))
      if [[ -n $RUN_STARTED_MS ]]; then
        log "ready $((waited / 1000)).$(printf '%03d' $((waited % 1000)))s after docker run"
      else
        log "ready"
      fi
      return 0
    fi
    sleep 0.2
  done
}

continue_launch() {
  local state
  state=$(lifecycle_state) || fail "cannot read the lifecycle state of $INSTANCE_ID"
  if [[ $state != Pending:Wait ]]; then
    log "instance is $state: no launch lifecycle action is waiting"
    return 0
  fi
  complete_launch_hooks CONTINUE || fail "cannot complete the launch lifecycle action"
}

# --- failure: never let a broken instance take traffic ------------------------
on_exit() {
  local status=$?
  trap - EXIT
  set +e
  if ((status == 0)); then
    exit 0
  fi
  if [[ -z $INSTANCE_ID || -z $REGION ]]; then
    log "boot failed (exit $status) before the instance was known; nothing was changed, the hook's default result applies"
  elif complete_launch_hooks ABANDON; then
    log "boot failed (exit $status): launch abandoned, Auto Scaling will terminate $INSTANCE_ID"
  else
    log "boot failed (exit $status) and ABANDON could not be recorded; the hook's default result applies on timeout"
  fi
  exit "$status"
}

main() {
  trap on_exit EXIT
  log "booting $IMAGE_REF (tag $IMAGE_TAG)"
  validate_inputs
  read_instance_facts
  size_memory
  ensure_aws_cli
  disable_ecs_agent
  ensure_ssm_agent
  ensure_docker
  if [[ -n $(running_container_of_this_digest) ]]; then
    log "container $CONTAINER_NAME already runs $IMAGE_DIGEST: not starting another"
  else
    registry_login
    pull_image
    run_container
  fi
  wait_until_ready
  continue_launch
  log "boot complete"
}

main "$@"
