#!/usr/bin/env node
// A minimal receiver of Xinyong webhooks (信息推送), plain Node.js, no dependencies.
//
//   XINYONG_WEBHOOK_SECRET=whsec_… PORT=8787 node examples/webhook-receiver.mjs
//
// Every delivery is one change, POSTed as JSON ({seq, type, at, data}) with the headers
//   X-Xinyong-Event      the change type (entry.published, entry.held, task.created …)
//   X-Xinyong-Delivery   the delivery id: the same on every retry — deduplicate on it
//   X-Xinyong-Signature  sha256=HEX( HMAC-SHA256(secret, raw body bytes) )
// Verify the signature over the body EXACTLY as received (before any JSON parsing), in constant
// time. Answer 2xx once the change is stored: anything else (or no answer within the timeout) is
// retried with exponential backoff for 24 hours. Deliveries of one subject arrive in seq order.
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import { pathToFileURL } from 'node:url';

/** true when `header` is the signature of `body` (a Buffer or string of the raw bytes). */
export function verify(secret, body, header) {
  if (typeof header !== 'string') return false;
  const expected = Buffer.from(`sha256=${createHmac('sha256', secret).update(body).digest('hex')}`);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/**
 * An HTTP server that verifies, deduplicates and hands each change to `onChange` once.
 * `seen` should be durable in a real system (a table keyed by delivery id), so that a restart does
 * not process a redelivered change twice.
 */
export function createReceiver({ secret, onChange, seen = new Set() }) {
  return http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      if (req.method !== 'POST' || !verify(secret, raw, req.headers['x-xinyong-signature'])) {
        res.writeHead(401).end('bad signature');
        return;
      }
      const id = req.headers['x-xinyong-delivery'];
      try {
        if (!seen.has(id)) {
          await onChange(JSON.parse(raw.toString('utf8')), { id, event: req.headers['x-xinyong-event'] });
          seen.add(id); // only after the change is safely handled: otherwise let it be retried
        }
        res.writeHead(204).end();
      } catch (e) {
        console.error('could not handle delivery', id, e);
        res.writeHead(500).end(); // Xinyong retries later
      }
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const secret = process.env.XINYONG_WEBHOOK_SECRET;
  if (!secret) {
    console.error('Set XINYONG_WEBHOOK_SECRET to the secret returned by POST /api/v1/subscriptions.');
    process.exit(2);
  }
  const port = Number(process.env.PORT ?? 8787);
  const host = process.env.HOST ?? '127.0.0.1';
  createReceiver({
    secret,
    onChange: (change, { id, event }) => {
      const d = change.data ?? {};
      console.log(`${change.at} seq=${change.seq} ${event} delivery=${id}${d.entryId ? ` entry=${d.entryId}` : ''}${d.subject?.name ? ` ${d.subject.name}` : ''}`);
    },
  }).listen(port, host, () => console.log(`listening on http://${host}:${port}/ — subscribe this URL with POST /api/v1/subscriptions`));
}
