import Fastify from 'fastify';

// The baseline: bare Fastify answering a small JSON document, no plugins, no database. What a Helsebro route
// costs on top of this is what the benchmark reports.
const app = Fastify({ logger: false });
app.get('/profile', async () => ({
  personId: '00000000-0000-0000-0000-000000000000',
  givenName: 'Kari',
  familyName: 'Nordmann',
  birthDate: '1985-03-14',
}));
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof addr === 'object' && addr ? addr.port : 0 })}\n`);
