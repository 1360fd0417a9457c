/**
 * How the Lambda functions are bundled: serverless-esbuild reads these options (custom.esbuild.config in
 * serverless.yml), and `npm run bench:cold-start` and test/infra/lambda-bundles.test.ts build with the same ones,
 * so what is measured and tested is what is deployed.
 *
 * - One minified CommonJS file per function, for the nodejs22.x runtime; `@aws-sdk/*` is left to the runtime
 *   (which ships SDK v3) and each client module is required on first use (src/adapters/aws/sdk.ts).
 * - keepNames: error names and stack frames stay readable (`sls invoke local` once reported errorType "yx").
 * - The local half of the composition root (src/runtime/local-context.ts: the outbox mailer with the PDF renderer,
 *   the PostgreSQL queue, child processes, the local state machine runner) is replaced by a stub that refuses to
 *   run: a deployed Lambda always runs SCALEMAP_RUNTIME=aws. Under `sls invoke local` (which runs the handlers
 *   against the `npm start` stack) the real module is bundled.
 * - Prisma's query compiler (WebAssembly, 1.7 MB) ships as a .wasm file next to the bundle instead of as a 2.3 MB
 *   base64 string inside it: the bundle is half the size and V8 does not scan that string at every cold start.
 *   Every function's package holds the one file (serverless-esbuild zips the build folder's shared files).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const LOCAL_CONTEXT = /[\\/]src[\\/]runtime[\\/]local-context\.ts$/;

const LOCAL_CONTEXT_STUB = `
exports.createLocalContext = function createLocalContext() {
  throw new Error('SCALEMAP_RUNTIME=local is not available in a deployed Lambda bundle (set SCALEMAP_RUNTIME=aws; ' +
    'sls invoke local bundles the local runtime)');
};`;

/** esbuild plugin: the local composition root out of the bundle. */
const awsRuntimeOnly = {
  name: 'scalemap-aws-runtime-only',
  setup(build) {
    build.onLoad({ filter: LOCAL_CONTEXT }, () => ({ contents: LOCAL_CONTEXT_STUB, loader: 'js' }));
  },
};

const PRISMA_WASM_BASE64 =
  /[\\/]@prisma[\\/]client[\\/]runtime[\\/](query_compiler_\w+_bg\.\w+)\.wasm-base64\.js$/;

/**
 * esbuild plugin: `@prisma/client/runtime/query_compiler_*.wasm-base64.js` (which the generated client imports on its
 * first query) becomes a module that reads the .wasm emitted next to the bundle (esbuild's file loader) and
 * hands the generated client the base64 text it expects, built on first use.
 */
const prismaWasmAsFile = {
  name: 'scalemap-prisma-wasm-file',
  setup(build) {
    build.onLoad({ filter: PRISMA_WASM_BASE64 }, (args) => {
      const name = PRISMA_WASM_BASE64.exec(args.path)[1];
      const bytes = Buffer.from(require(args.path).wasm, 'base64');
      const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12);
      const dir = path.join(__dirname, '..', 'node_modules', '.cache', 'scalemap-esbuild');
      const file = path.join(dir, `${name}-${hash}.wasm`);
      if (!fs.existsSync(file)) {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(`${file}.tmp`, bytes);
        fs.renameSync(`${file}.tmp`, file);
      }
      return {
        loader: 'js',
        resolveDir: dir,
        contents: `
const fs = require('node:fs');
const path = require('node:path');
const file = require(${JSON.stringify(`./${path.basename(file)}`)});
let wasm;
Object.defineProperty(exports, 'wasm', {
  enumerable: true,
  get: () => (wasm ??= fs.readFileSync(path.join(__dirname, file)).toString('base64')),
});`,
      };
    });
    build.onLoad({ filter: /[\\/]scalemap-esbuild[\\/][\w.-]+\.wasm$/ }, (args) => ({
      contents: fs.readFileSync(args.path),
      loader: 'file',
    }));
  },
};

/** True when serverless runs `invoke local` (the command, or `npm run invoke:local`'s SCALEMAP_INVOKE_LOCAL=1). */
function isInvokeLocal(serverless) {
  const commands = serverless?.processedInput?.commands ?? [];
  return (commands[0] === 'invoke' && commands[1] === 'local') || process.env.SCALEMAP_INVOKE_LOCAL === '1';
}

/** The options shared by serverless-esbuild and plain esbuild. */
function commonOptions({ invokeLocal = false } = {}) {
  return {
    bundle: true,
    minify: true,
    keepNames: true,
    target: 'node22',
    platform: 'node',
    assetNames: '[name]',
    plugins: invokeLocal ? [prismaWasmAsFile] : [awsRuntimeOnly, prismaWasmAsFile],
  };
}

/** serverless-esbuild: `exclude` both marks `@aws-sdk/*` external and keeps it out of the package. */
module.exports = (serverless) => ({
  ...commonOptions({ invokeLocal: isInvokeLocal(serverless) }),
  sourcemap: 'linked',
  exclude: ['@aws-sdk/*'],
});

/** The same build for esbuild's own API (the bench, the tests): CommonJS, `@aws-sdk/*` external. */
module.exports.lambdaBuildOptions = (opts = {}) => ({
  ...commonOptions(opts),
  format: 'cjs',
  external: ['@aws-sdk/*'],
});

/**
 * Every function of serverless.yml as { name, entry } (the `api` one, which only stages with apiRuntime lambda
 * deploy, included): for the cold-start bench and test/infra/lambda-bundles.test.ts.
 */
module.exports.lambdaFunctions = (
  yml = fs.readFileSync(path.join(__dirname, '..', 'serverless.yml'), 'utf8'),
) =>
  [...yml.matchAll(/^\s+(?:- )?(\w+):\n\s+handler: (functions\/[\w-]+)\.handler$/gm)].map((m) => ({
    name: m[1],
    entry: `${m[2]}.ts`,
  }));
