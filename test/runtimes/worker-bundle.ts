// The runtimes' app bundled for Cloudflare Workers as Wrangler bundles a Worker: esbuild, ES modules,
// the `workerd`, `worker` and `browser` conditions. With `nodejs_compat`, Node's modules are left to the
// runtime; without it, an import of one fails the build, as Wrangler's does.
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * The case table (and the example routes) import the catalog from the package root, the Koa entry; a
 * Worker imports the same classes from codat-errors/fetch.
 */
const catalogFromFetch: Plugin = {
  name: 'catalog-from-fetch',
  setup(builder) {
    builder.onResolve({ filter: /^codat-errors$/ }, () => ({
      path: fileURLToPath(import.meta.resolve('codat-errors/fetch')),
    }));
  },
};

/** `entry` (the runtimes' app by default) as the one module of a Worker. */
export async function bundleWorker(nodejsCompat: boolean, entry = new URL('app.ts', import.meta.url)): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['browser', 'module', 'main'],
    external: nodejsCompat ? ['node:*', ...builtinModules] : [],
    // @hapi/boom, of the case table (not of the package), names Node's global Buffer, which a Worker
    // without nodejs_compat lacks: as `undefined`, Boom's own checks for it skip it.
    define: nodejsCompat ? {} : { Buffer: 'undefined' },
    plugins: [catalogFromFetch],
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
