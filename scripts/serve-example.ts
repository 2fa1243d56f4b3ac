// One example app in a process of its own, for the fuzz and the soak: prints its port, answers
// { gc: true } over IPC with the heap used after a forced GC, and dies loudly on any uncaught fault.
const which = process.argv[2] === 'express' ? 'express' : 'koa';
const { createApp } = await import(`../examples/${which}.js`);
const app = createApp();
if (which === 'koa') app.silent = true;
else app.set('env', 'test');
const server = which === 'koa' ? app.callback() : app;
const { createServer } = await import('node:http');
const listening = createServer(server).listen(0, '127.0.0.1', () => {
  process.send?.({ port: (listening.address() as { port: number }).port });
});
process.on('message', (message: { gc?: boolean }) => {
  if (!message.gc) return;
  for (let i = 0; i < 4; i += 1) (globalThis as { gc?: () => void }).gc?.();
  process.send?.({ heapUsed: process.memoryUsage().heapUsed });
});
