#!/usr/bin/env bash
# Deploys one stage of ScaleMap: images -> database migrations -> CloudFormation stack -> web app.
# Used by .github/workflows/deploy.yml for staging and prod, and by hand for any stage (docs/runbooks/deploy.md).
#
#   scripts/deploy-stage.sh <dev|staging|prod>
#
# Images are built ONCE: without API_IMAGE_DIGEST/AGENT_IMAGE_DIGEST the script builds both images for this
# commit, pushes them to this stage's repositories and deploys them by digest (dev included: a stage never
# points at an image that is not there). With PROMOTE_FROM_REGISTRY + API_IMAGE_DIGEST + AGENT_IMAGE_DIGEST
# (prod in CI) it copies exactly those images from staging's repositories - no rebuild - and deploys them by
# the same digests. When run in GitHub Actions it writes api_digest, agent_digest and registry to
# $GITHUB_OUTPUT for the next stage.
#
# Needs: AWS credentials for the target account, docker with buildx, jq, `npm ci` done, web/dist built
# (npm run build:web), SCALEMAP_SES_FROM (every stage) and, for staging and prod, SCALEMAP_ALERT_EMAIL,
# SCALEMAP_CERTIFICATE_ARN and SCALEMAP_API_DOMAIN (serverless.yml params). IMAGE_TAG defaults to the commit SHA.
set -euo pipefail

STAGE=${1:?usage: scripts/deploy-stage.sh <dev|staging|prod>}

# Unset empty settings (CI passes unset GitHub variables as ''), so serverless.yml's defaults apply.
for v in SCALEMAP_ALERT_EMAIL SCALEMAP_SES_FROM SCALEMAP_SES_IDENTITY SCALEMAP_SES_CREATE_IDENTITY \
  SCALEMAP_CERTIFICATE_ARN SCALEMAP_API_DOMAIN SCALEMAP_WEB_DOMAIN SCALEMAP_WEB_CERTIFICATE_ARN \
  SCALEMAP_HOSTED_ZONE_ID SCALEMAP_CLOUDFRONT_PREFIX_LIST SCALEMAP_CLOUDFRONT_WEB_ACL_ARN IMAGE_TAG \
  API_IMAGE_DIGEST AGENT_IMAGE_DIGEST PROMOTE_FROM_REGISTRY; do
  if [ -z "${!v:-}" ]; then unset "$v"; fi
done
: "${SCALEMAP_SES_FROM:?set SCALEMAP_SES_FROM: the address the deliverables are sent from (an address of a verified SES identity)}"
if [ "$STAGE" != dev ]; then
  : "${SCALEMAP_ALERT_EMAIL:?set SCALEMAP_ALERT_EMAIL: founder alerts and budget notifications go there}"
  : "${SCALEMAP_CERTIFICATE_ARN:?set SCALEMAP_CERTIFICATE_ARN: the ACM certificate of the API domain (HTTPS from CloudFront to the load balancer)}"
  : "${SCALEMAP_API_DOMAIN:?set SCALEMAP_API_DOMAIN: the API domain on that certificate}"
fi
REGION=${AWS_REGION:-eu-west-1}
export AWS_REGION=$REGION
SHA=${IMAGE_TAG:-$(git rev-parse HEAD)}
export IMAGE_TAG=$SHA
STACK="scalemap-$STAGE"
SUFFIX="-$STAGE"
[ "$STAGE" = prod ] && SUFFIX=""
ACCOUNT=$(aws sts get-caller-identity --query Account --output text)
REGISTRY="$ACCOUNT.dkr.ecr.$REGION.amazonaws.com"
API_REPO="scalemap-api$SUFFIX"
AGENT_REPO="scalemap-agent-worker$SUFFIX"

output() {
  aws cloudformation describe-stacks --stack-name "$STACK" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
step() { printf '\n== %s\n' "$*"; }

# 1. First deployment only: create the stack without images, so the ECR repositories exist (the API
#    service starts at 0 tasks while imageTag is `bootstrap`).
if ! aws cloudformation describe-stacks --stack-name "$STACK" >/dev/null 2>&1; then
  step "Stack $STACK does not exist yet: bootstrap deployment without images"
  IMAGE_TAG=bootstrap API_IMAGE_DIGEST='' AGENT_IMAGE_DIGEST='' npx sls deploy --stage "$STAGE" --region "$REGION"
fi

# 2. Images. Repositories are immutable: a tag, once pushed, is that image forever.
aws ecr get-login-password | docker login --username AWS --password-stdin "$REGISTRY"
if [ -n "${PROMOTE_FROM_REGISTRY:-}" ]; then
  : "${API_IMAGE_DIGEST:?promotion needs API_IMAGE_DIGEST}" "${AGENT_IMAGE_DIGEST:?promotion needs AGENT_IMAGE_DIGEST}"
  step "Promoting staging's images by digest (no rebuild)"
  SOURCE_SUFFIX=${PROMOTE_FROM_SUFFIX:--staging}
  if [ "${PROMOTE_FROM_REGISTRY%%.*}" != "$ACCOUNT" ]; then
    aws ecr get-login-password | docker login --username AWS --password-stdin "$PROMOTE_FROM_REGISTRY"
  fi
  promote() {
    local src=$1 dst=$2 digest=$3
    if aws ecr describe-images --repository-name "$dst" --image-ids imageDigest="$digest" >/dev/null 2>&1; then
      echo "$dst@$digest is already there"
    else
      docker buildx imagetools create --tag "$REGISTRY/$dst:$SHA" "$PROMOTE_FROM_REGISTRY/$src@$digest"
    fi
  }
  promote "scalemap-api$SOURCE_SUFFIX" "$API_REPO" "$API_IMAGE_DIGEST"
  promote "scalemap-agent-worker$SOURCE_SUFFIX" "$AGENT_REPO" "$AGENT_IMAGE_DIGEST"
elif [ -z "${API_IMAGE_DIGEST:-}" ] || [ -z "${AGENT_IMAGE_DIGEST:-}" ]; then
  step "Building $API_REPO:$SHA and $AGENT_REPO:$SHA (once; later stages promote these digests)"
  build_push() {
    local repo=$1 dockerfile=$2
    if ! aws ecr describe-images --repository-name "$repo" --image-ids imageTag="$SHA" >/dev/null 2>&1; then
      docker buildx build --platform linux/amd64 --provenance=false -f "$dockerfile" -t "$REGISTRY/$repo:$SHA" --push . >&2
    fi
    aws ecr describe-images --repository-name "$repo" --image-ids imageTag="$SHA" --query 'imageDetails[0].imageDigest' --output text
  }
  API_IMAGE_DIGEST=$(build_push "$API_REPO" containers/api/Dockerfile)
  AGENT_IMAGE_DIGEST=$(build_push "$AGENT_REPO" containers/agent/Dockerfile)
fi
export API_IMAGE_DIGEST AGENT_IMAGE_DIGEST
echo "api $API_IMAGE_DIGEST, agent $AGENT_IMAGE_DIGEST"
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "api_digest=$API_IMAGE_DIGEST"; echo "agent_digest=$AGENT_IMAGE_DIGEST"; echo "registry=$REGISTRY"; } >>"$GITHUB_OUTPUT"
fi

# 3. Migrations, before any new code runs: the stack's migration task definition (scalemap-migrate*: the
#    agent image, `node index.js migrate`, the RDS-managed master secret and the app role's secret) is
#    registered again with the new image by digest, and run once. It applies the migrations and creates or
#    updates the DML-only application role.
step "Migrations (node index.js migrate)"
CLUSTER=$(output ClusterName)
SUBNETS=$(output PrivateSubnets)
SECURITY_GROUP=$(output AgentSecurityGroup)
aws ecs describe-task-definition --task-definition "scalemap-migrate$SUFFIX" --query taskDefinition >/tmp/scalemap-migrate-current.json
jq --arg image "$REGISTRY/$AGENT_REPO@$AGENT_IMAGE_DIGEST" '
  {
    family, taskRoleArn, executionRoleArn, networkMode, requiresCompatibilities, cpu, memory, runtimePlatform,
    containerDefinitions: (.containerDefinitions | map(.image = $image))
  } | with_entries(select(.value != null))' /tmp/scalemap-migrate-current.json >/tmp/scalemap-migrate-td.json
MIGRATE_DEF=$(aws ecs register-task-definition --cli-input-json file:///tmp/scalemap-migrate-td.json \
  --query taskDefinition.taskDefinitionArn --output text)
TASK=$(aws ecs run-task --cluster "$CLUSTER" --launch-type FARGATE --task-definition "$MIGRATE_DEF" \
  --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUP],assignPublicIp=DISABLED}" \
  --started-by "migrate-${SHA:0:12}" --query 'tasks[0].taskArn' --output text)
echo "migration task $TASK"
aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$TASK"
EXIT_CODE=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$TASK" --query 'tasks[0].containers[0].exitCode' --output text)
if [ "$EXIT_CODE" != "0" ]; then
  echo "Migration failed (exit code $EXIT_CODE): see the log group /ecs/scalemap-agents$SUFFIX (prefix migrate). Nothing else was changed." >&2
  exit 1
fi

# 4. The stack with the new images: task definitions, the API service (rolling, circuit breaker with
#    rollback), functions, state machine. CloudFormation waits until the API service is stable.
step "Stack $STACK with images $API_IMAGE_DIGEST / $AGENT_IMAGE_DIGEST"
npx sls deploy --stage "$STAGE" --region "$REGION"

# 5. The web app: hashed assets cached for a year, index.html never; then invalidate CloudFront.
step "Web app"
WEB_BUCKET=$(output WebBucketName)
DISTRIBUTION=$(output WebDistributionId)
aws s3 sync web/dist "s3://$WEB_BUCKET" --delete --exclude index.html --cache-control 'public,max-age=31536000,immutable'
aws s3 cp web/dist/index.html "s3://$WEB_BUCKET/index.html" --cache-control 'no-cache'
aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths '/*' --query Invalidation.Id --output text

step "Deployed $STAGE at $SHA: $(output WebUrl)"
