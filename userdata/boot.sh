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

# (body to be written by the boot-path work)
