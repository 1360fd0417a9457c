#!/usr/bin/env bash
# Deploys one stage of ScaleMap: images -> database migrations -> CloudFormation stack -> web app.
# Used by .github/workflows/deploy.yml for staging and prod, and by hand (docs/runbooks/deploy.md).
#
#   scripts/deploy-stage.sh <dev|staging|prod>
#
# Needs: AWS credentials for the target account, docker with buildx, jq, `npm ci` done, web/dist built
# (npm run build:web), and the SCALEMAP_* settings of the stage in the environment (serverless.yml params).
# IMAGE_TAG defaults to the current commit SHA.
set -euo pipefail

STAGE=${1:?usage: scripts/deploy-stage.sh <dev|staging|prod>}

# Unset empty settings (CI passes unset GitHub variables as ''), so serverless.yml's defaults apply.
for v in SCALEMAP_ALERT_EMAIL SCALEMAP_SES_FROM SCALEMAP_SES_IDENTITY SCALEMAP_CERTIFICATE_ARN SCALEMAP_API_DOMAIN \
  SCALEMAP_WEB_DOMAIN SCALEMAP_WEB_CERTIFICATE_ARN SCALEMAP_HOSTED_ZONE_ID IMAGE_TAG; do
  if [ -z "${!v:-}" ]; then unset "$v"; fi
done
if [ "$STAGE" != dev ]; then
  : "${SCALEMAP_ALERT_EMAIL:?set SCALEMAP_ALERT_EMAIL: founder alerts and budget notifications go there}"
  : "${SCALEMAP_SES_FROM:?set SCALEMAP_SES_FROM: the address the deliverables are sent from}"
fi
REGION=${AWS_REGION:-eu-west-1}
export AWS_REGION=$REGION
SHA=${IMAGE_TAG:-$(git rev-parse HEAD)}
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
  IMAGE_TAG=bootstrap npx sls deploy --stage "$STAGE" --region "$REGION"
fi

# 2. Images tagged with the commit SHA. The repositories are immutable: an existing tag is kept as it is.
step "Images $API_REPO:$SHA and $AGENT_REPO:$SHA"
aws ecr get-login-password | docker login --username AWS --password-stdin "$REGISTRY"
build_push() {
  local repo=$1 dockerfile=$2
  if aws ecr describe-images --repository-name "$repo" --image-ids imageTag="$SHA" >/dev/null 2>&1; then
    echo "$repo:$SHA is already in ECR"
    return
  fi
  docker buildx build --platform linux/amd64 --provenance=false -f "$dockerfile" -t "$REGISTRY/$repo:$SHA" --push .
}
build_push "$API_REPO" containers/api/Dockerfile
build_push "$AGENT_REPO" containers/agent/Dockerfile

# 3. Migrations, before any new code runs: a one-off Fargate task of the agent image with the command
#    `node index.js migrate`. RunTask cannot change a task's image, so the agent task definition is copied
#    into its own family (scalemap-migrate*) with the new image and that command.
step "Migrations (node index.js migrate)"
CLUSTER=$(output ClusterName)
SUBNETS=$(output PrivateSubnets)
SECURITY_GROUP=$(output AgentSecurityGroup)
aws ecs describe-task-definition --task-definition "scalemap-agent$SUFFIX" --query taskDefinition >/tmp/scalemap-agent-td.json
jq --arg image "$REGISTRY/$AGENT_REPO:$SHA" --arg family "scalemap-migrate$SUFFIX" '
  {
    family: $family,
    taskRoleArn, executionRoleArn, networkMode, requiresCompatibilities, cpu, memory, runtimePlatform,
    containerDefinitions: (.containerDefinitions | map(
      .image = $image
      | .command = ["node", "index.js", "migrate"]
      | .environment = ((.environment // []) | map(select(.name != "AGENT_MODE")) + [{name: "AGENT_MODE", value: "migrate"}])
    ))
  } | with_entries(select(.value != null))' /tmp/scalemap-agent-td.json >/tmp/scalemap-migrate-td.json
MIGRATE_DEF=$(aws ecs register-task-definition --cli-input-json file:///tmp/scalemap-migrate-td.json \
  --query taskDefinition.taskDefinitionArn --output text)
TASK=$(aws ecs run-task --cluster "$CLUSTER" --launch-type FARGATE --task-definition "$MIGRATE_DEF" \
  --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUP],assignPublicIp=DISABLED}" \
  --started-by "migrate-${SHA:0:12}" --query 'tasks[0].taskArn' --output text)
echo "migration task $TASK"
aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$TASK"
EXIT_CODE=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$TASK" --query 'tasks[0].containers[0].exitCode' --output text)
if [ "$EXIT_CODE" != "0" ]; then
  echo "Migration failed (exit code $EXIT_CODE): see the log group /ecs/scalemap-agents$SUFFIX. Nothing else was changed." >&2
  exit 1
fi

# 4. The stack with the new images: task definitions, the API service (rolling, circuit breaker with
#    rollback), functions, state machine. CloudFormation waits until the API service is stable.
step "Stack $STACK with image $SHA"
IMAGE_TAG=$SHA npx sls deploy --stage "$STAGE" --region "$REGION"

# 5. The web app: hashed assets cached for a year, index.html never; then invalidate CloudFront.
step "Web app"
WEB_BUCKET=$(output WebBucketName)
DISTRIBUTION=$(output WebDistributionId)
aws s3 sync web/dist "s3://$WEB_BUCKET" --delete --exclude index.html --cache-control 'public,max-age=31536000,immutable'
aws s3 cp web/dist/index.html "s3://$WEB_BUCKET/index.html" --cache-control 'no-cache'
aws cloudfront create-invalidation --distribution-id "$DISTRIBUTION" --paths '/*' --query Invalidation.Id --output text

step "Deployed $STAGE at $SHA: $(output WebUrl)"
