// cognito-local still uses the AWS SDK v2, which prints a maintenance notice when loaded.
process.env.AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE = '1';
