import { createServer } from 'node:http';

// The ceiling: the smallest HTTP server node can run on this machine.
const port = Number(process.argv[2] ?? process.env['PORT'] ?? 3999);
createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end('{"hello":"world"}');
}).listen(port, '127.0.0.1');
