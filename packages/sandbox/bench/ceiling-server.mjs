// The benchmark's ceiling: a bare node:http server that does no work at all. It answers each path
// with bytes captured from the sandbox beforehand (same body, same headers), so autocannon against it
// shows the most requests per second this machine can measure for that response. Started by bench.ts
// as a child process (like the sandbox and Prism): `node ceiling-server.mjs <responses.json> <port>`.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const [file, port] = process.argv.slice(2);
const responses = new Map(Object.entries(JSON.parse(readFileSync(file, 'utf8'))).map(([path, body]) => [path, Buffer.from(body)]));
let counter = 0;
createServer((req, res) => {
  const body = responses.get(req.url);
  if (!body) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'Access-Control-Allow-Origin': '*',
    'X-Request-Id': `req_${(counter++).toString(36)}`,
    'RateLimit-Limit': '1000',
    'RateLimit-Remaining': '1000',
    'RateLimit-Reset': '0',
    'Content-Length': String(body.length),
  });
  res.end(body);
}).listen(Number(port), '127.0.0.1', () => console.log(`ceiling listening on ${port}`));
