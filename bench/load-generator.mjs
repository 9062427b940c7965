// The load generator of the HTTP benchmarks, in its own process (bench/http.ts forks it): autocannon
// with 10 connections, as one would run its command line against the server. In the server's own
// process it would share the event loop with the server under test and charge the generator's work
// (which grows with the bodies it builds) to the server.
import autocannon from 'autocannon';

process.once('message', async (opts) => {
  const result = await autocannon({ ...opts, connections: 10 });
  process.send({ rps: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, total: result.requests.total }, () => process.exit(0));
});
