// Generated hostile HTTP requests, as the raw bytes a client could put on the wire: malformed and
// truncated percent-escapes, NUL and other control bytes, invalid UTF-8, very long targets and headers,
// odd methods and versions, duplicated and bracketed parameters, bad `Authorization` and `Prefer`
// values, bodies and broken chunked framing. Built around a server's real routes and parameter names
// so that many requests get past the router and reach the handlers.
import fc from 'fast-check';

export interface HostileRequestOptions {
  /** The spec's path templates, e.g. `/sessions/{session_id}/errors`. */
  paths: string[];
  /** Query parameter names the operations take. */
  queryNames: string[];
  /** A bearer token the server accepts. */
  token: string;
  /** Values that are valid for path parameters, so that some requests reach the handlers. */
  ids: string[];
}

export interface HostileRequest {
  method: string;
  /** The whole request as it goes on the wire. */
  bytes: Buffer;
}

const bytes = (...values: number[]) => Buffer.from(values);
const text = (value: string) => Buffer.from(value, 'utf8');
const constants = (values: Buffer[]) => fc.constantFrom(...values);

/** Pieces that parse as HTTP but break decoders and validators: malformed escapes, escaped control bytes, odd text. */
const escapedPiece = fc.oneof(
  constants(
    ['%', '%F', '%FF', '%G1', '%E0%A4', '%C0%AF', '%ED%A0%80', '%F4%90%80%80', '%00', '%0A', '%2F', '%25', '%2e%2e', '%u0041'].map(text),
  ),
  constants(['..', '.', '', '+', ';', ',', '[]', "'", '~', '!', '$', '(', '*', ':', '@'].map(text)),
  constants(['ü', '💥', '\u202e', '\ufeff', '{}', '|', '"', '<', '\\', '^', '`'].map((value) => text(encodeURIComponent(value)))),
  fc.integer({ min: 1, max: 9 }).map((digits) => text('9'.repeat(digits * 3))),
  fc.constantFrom(70, 300, 1_000).map((length) => text('a'.repeat(length))),
  fc.string({ maxLength: 12, unit: 'binary' }).map((value) => text(encodeURIComponent(value))),
);

/** Raw bytes no client should send: NUL, CR, LF, space, DEL, lone UTF-8 bytes, and a target too long for any server. */
const rawPiece = fc.oneof(
  { weight: 4, arbitrary: constants([0x00, 0xff, 0xc3, 0x80, 0x7f, 0x09, 0x0d, 0x0a, 0x20, 0x23].map((byte) => bytes(byte))) },
  { weight: 2, arbitrary: constants(['ü', '💥', '\u202e', '{}', '|', '"', '<', '\\'].map(text)) },
  { weight: 4, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 8 }).map((array) => Buffer.from(array)) },
  { weight: 1, arbitrary: fc.constant(text('a'.repeat(20_000))) },
);

const piece = (plausible: Buffer[]) => fc.oneof({ weight: 2, arbitrary: constants(plausible) }, { weight: 3, arbitrary: escapedPiece });

const joined = (parts: fc.Arbitrary<Buffer>, maxLength: number) =>
  fc.array(parts, { minLength: 1, maxLength }).map((list) => Buffer.concat(list));

/** The request target: a route with hostile ids, and a query with hostile, repeated and bracketed keys. */
function target(options: HostileRequestOptions): fc.Arbitrary<Buffer> {
  const segment = joined(piece(options.ids.map(text)), 3);
  const path = fc.tuple(fc.constantFrom(...options.paths), fc.array(segment, { minLength: 4, maxLength: 4 })).map(([template, values]) => {
    let index = 0;
    const parts = template.split(/\{[^}]+\}/).map(text);
    return Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [values[index++ % values.length]!, part])));
  });
  const plausibleValues = ['20', '1', '0', '101', 'asc', 'desc', 'web', 'ios', 'android', 'cur_x', 'message_processing_timeout'];
  const key = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...options.queryNames).map(text) },
    { weight: 1, arbitrary: fc.constantFrom(...options.queryNames).map((name) => text(`${name}[]`)) },
    { weight: 1, arbitrary: constants(['', 'a[b]', '__proto__', 'constructor', '%FF', '__code', 'x'.repeat(1000)].map(text)) },
  );
  const value = joined(piece([...options.ids, ...plausibleValues].map(text)), 2);
  const pair = fc.oneof(
    fc.tuple(key, value).map(([k, v]) => Buffer.concat([k, text('='), v])),
    key,
    constants(['', '=', '&', '==', '?'].map(text)),
  );
  const query = fc.array(pair, { maxLength: 8 }).map((pairs) => Buffer.concat(pairs.flatMap((p, i) => (i ? [text('&'), p] : [p]))));
  const withQuery = fc.tuple(path, fc.option(query)).map(([p, q]) => (q === null ? p : Buffer.concat([p, text('?'), q])));
  return fc.oneof(
    { weight: 12, arbitrary: withQuery },
    {
      weight: 1,
      arbitrary: fc
        .tuple(withQuery, rawPiece, fc.nat())
        .map(([t, raw, at]) => Buffer.concat([t.subarray(0, at % (t.length + 1)), raw, t.subarray(at % (t.length + 1))])),
    },
    { weight: 1, arbitrary: path.map((p) => Buffer.concat([text('http://127.0.0.1'), p])) },
    { weight: 1, arbitrary: constants(['*', '', 'session-errors', '//session-errors', '/', '/%FF', '/../../etc/passwd'].map(text)) },
  );
}

const METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE', 'CONNECT', 'PROPFIND', 'get', 'FOO', 'G\u0000T', ''];

/** Header lines (without the final CRLF): auth, Prefer and Accept variants, junk, huge and many headers. */
function headers(token: string): fc.Arbitrary<Buffer[]> {
  const line = (name: string, value: fc.Arbitrary<Buffer>) => value.map((v) => Buffer.concat([text(`${name}: `), v]));
  const authorization = line(
    'Authorization',
    constants(
      [
        `Bearer ${token}`,
        `Bearer ${token}`,
        `bearer ${token}`,
        'Bearer',
        'Bearer ',
        'Basic dXNlcjpwYXNz',
        token,
        `Bearer ${'t'.repeat(9000)}`,
      ].map(text),
    ),
  );
  const prefer = line(
    'Prefer',
    constants(
      [
        'code=404',
        'code=400',
        'code=200',
        'code=abc',
        'code=999',
        'code=',
        'example=nope',
        'dynamic=true',
        'dynamic=maybe',
        'code=404, example=x',
        ';;,,=',
      ].map(text),
    ),
  );
  const accept = line('Accept', constants(['application/json', 'application/xml', '*/*', 'text/html;q=0.1', '', ',,,'].map(text)));
  const origin = line('Origin', constants(['https://docs.example.com', 'null', 'http://127.0.0.1:8080'].map(text)));
  const junk = fc
    .tuple(
      fc.constantFrom(
        'X-Junk',
        'Content-Type',
        'Content-Encoding',
        'Range',
        'If-None-Match',
        'Cookie',
        'Access-Control-Request-Method',
        'Host',
      ),
      joined(escapedPiece, 3),
    )
    .map(([name, value]) => Buffer.concat([text(`${name}: `), value]));
  const many = fc.constantFrom(50, 500, 3000).map((count) => Array.from({ length: count }, (_, i) => text(`X-Many-${i}: ${i}`)));
  const brokenLine = fc.oneof(
    constants([text('NoColonHere'), text(': no-name'), text(' leading-space: x'), bytes(0x58, 0x00, 0x3a, 0x20, 0x31)]),
    rawPiece.map((raw) => Buffer.concat([text('X-Raw: '), raw])),
  );
  const upgrade = constants([text('Upgrade: websocket\r\nConnection: Upgrade'), text('Upgrade: h2c'), text('Expect: 100-continue')]);
  return fc
    .tuple(
      sometimes(authorization, 0.8),
      sometimes(prefer, 0.3),
      sometimes(accept, 0.2),
      sometimes(origin, 0.2),
      fc.array(junk, { maxLength: 3 }),
      sometimes(many, 0.05),
      sometimes(brokenLine, 0.05),
      sometimes(upgrade, 0.05),
    )
    .map(([auth, pref, acc, orig, junkLines, manyLines, broken, upgrading]) =>
      [auth, pref, acc, orig, ...junkLines, ...(manyLines ?? []), broken, upgrading].filter((l): l is Buffer => l !== null),
    );
}

/** The value with the given probability, else null. */
function sometimes<T>(arbitrary: fc.Arbitrary<T>, probability: number): fc.Arbitrary<T | null> {
  const weight = Math.round(probability * 100);
  return fc.oneof({ weight: 100 - weight, arbitrary: fc.constant(null) }, { weight, arbitrary });
}

/** Framing and body: none, an exact Content-Length body, chunked (valid or broken), or contradicting both. */
interface Framing {
  headers: Buffer[];
  body: Buffer;
}
const oddFramings: Framing[] = [
  { headers: [text('Transfer-Encoding: chunked')], body: text('5\r\nhello\r\n0\r\n\r\n') },
  { headers: [text('Transfer-Encoding: chunked')], body: text('zz\r\nhello\r\n0\r\n\r\n') },
  { headers: [text('Content-Length: 5'), text('Transfer-Encoding: chunked')], body: text('0\r\n\r\n') },
  { headers: [text('Content-Length: -1')], body: Buffer.alloc(0) },
  { headers: [text('Content-Length: 1'), text('Content-Length: 2')], body: text('ab') },
];
const framing: fc.Arbitrary<Framing> = fc.oneof(
  { weight: 8, arbitrary: fc.constant<Framing>({ headers: [], body: Buffer.alloc(0) }) },
  {
    weight: 1,
    arbitrary: fc
      .uint8Array({ maxLength: 64 })
      .map((a): Framing => ({ headers: [text(`Content-Length: ${a.length}`)], body: Buffer.from(a) })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...oddFramings) },
);

/** An arbitrary of hostile requests around the given routes; every one asks the server to close after answering. */
export function hostileRequests(options: HostileRequestOptions): fc.Arbitrary<HostileRequest> {
  const method = fc.oneof({ weight: 10, arbitrary: fc.constant('GET') }, { weight: 4, arbitrary: fc.constantFrom(...METHODS) });
  const version = fc.oneof(
    { weight: 12, arbitrary: fc.constant('HTTP/1.1') },
    { weight: 1, arbitrary: fc.constantFrom('HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'FOO') },
  );
  return fc.tuple(method, target(options), version, headers(options.token), framing).map(([verb, path, httpVersion, lines, frame]) => {
    const head = [
      Buffer.concat([text(`${verb} `), path, text(` ${httpVersion}`)]),
      text('Host: 127.0.0.1'),
      ...lines,
      ...frame.headers,
      text('Connection: close'),
    ];
    return { method: verb, bytes: Buffer.concat([...head.flatMap((l) => [l, text('\r\n')]), text('\r\n'), frame.body]) };
  });
}

/** A request as one printable line (control and non-ASCII bytes escaped), cut at `max` characters. */
export function printable(request: HostileRequest, max = 400): string {
  const shown = JSON.stringify(request.bytes.toString('latin1'));
  return shown.length > max ? `${shown.slice(0, max)}… (${request.bytes.length} bytes)` : shown;
}
