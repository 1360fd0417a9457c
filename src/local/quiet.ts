// cognito-local still uses the AWS SDK v2, which prints a maintenance notice when loaded.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
// These machines run Node 20 for development; deployments run Node 22, where the SDK has nothing to say.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
