// Hocuspocus 3.4 as a child process of the benchmark: its stock Server on 127.0.0.1:PORT with the
// official SQLite extension (@hocuspocus/extension-sqlite) in HP_SQLITE (":memory:" if unset), and
// every other setting at its default (store debounce 2 s / max 10 s; SIGTERM stores and exits).
import { Server } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';

const port = Number(process.env.PORT);
const database = process.env.HP_SQLITE || ':memory:';
const server = new Server({
  port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [new SQLite({ database })],
});
await server.listen();
console.log(JSON.stringify({ msg: 'hocuspocus listening', port: server.address.port, database }));
