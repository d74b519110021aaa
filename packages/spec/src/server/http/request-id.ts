// Request ids: unique within a process and across the processes of one deployment (a random prefix per
// process), short, and never derived from the request.
import { randomBytes } from 'node:crypto';

const prefix = randomBytes(3).toString('hex');
let counter = 0;

/** The next request id, e.g. `req_3f9a1c0000002b`. */
export function nextRequestId(): string {
  counter = (counter + 1) % 2_176_782_336;
  return `req_${prefix}${counter.toString(36).padStart(6, '0')}`;
}
