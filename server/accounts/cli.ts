// The users CLI, for the person at the machine (the server may be running):
//   npm run users -- add --email a@b.org --name "A B" --delegation China [--admin] [--password …]
//   npm run users -- list
//   npm run users -- reset-password --email a@b.org [--password …]
// Without --password (or PRECEDENT_PASSWORD) a random password is made and
// printed once. Works on the database the server uses (PRECEDENT_DB).
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { config } from '../config.js';
import { openDb } from '../store/db.js';
import { openStore } from '../store/open.js';
import { AccountError } from './errors.js';
import { countUsers, createUser, listUsers, resetPassword } from './service.js';

const USAGE = `usage:
  npm run users -- add --email E --name N --delegation D [--admin] [--password P]
  npm run users -- list
  npm run users -- reset-password --email E [--password P]`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    delegation: { type: 'string' },
    password: { type: 'string' },
    admin: { type: 'boolean', default: false },
  },
});

function required(name: 'email' | 'name' | 'delegation'): string {
  const value = values[name];
  if (!value) {
    console.error(`--${name} is required\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

/** The password given, or a new random one (said once, on the console). */
function passwordToUse(): { password: string; generated: boolean } {
  const given = values.password ?? process.env.PRECEDENT_PASSWORD;
  return given ? { password: given, generated: false } : { password: randomBytes(12).toString('base64url'), generated: true };
}

const db = openDb(config.dbFile);
const store = await openStore(db, config.databaseUrl);
try {
  const [command] = positionals;
  if (command === 'add') {
    const { password, generated } = passwordToUse();
    const first = (await countUsers(store)) === 0;
    const user = await createUser(store, { email: required('email'), name: required('name'), delegation: required('delegation'), password, admin: values.admin }, null);
    if (first && user.admin) await store.drafts.adoptOwnerless(user.delegation.id);
    console.log(`Created ${user.admin ? 'administrator' : 'user'} ${user.email} (${user.name}, ${user.delegation.name})`);
    if (generated) console.log(`Password (shown once): ${password}`);
  } else if (command === 'list') {
    for (const u of await listUsers(store)) console.log(`${u.email}\t${u.name}\t${u.delegation.name}${u.admin ? '\tadministrator' : ''}`);
  } else if (command === 'reset-password') {
    const { password, generated } = passwordToUse();
    const user = await resetPassword(store, required('email'), password);
    console.log(`New password set for ${user.email}; their sessions are signed out`);
    if (generated) console.log(`Password (shown once): ${password}`);
  } else {
    console.error(USAGE);
    process.exitCode = 2;
  }
} catch (e) {
  if (!(e instanceof AccountError)) throw e;
  console.error(`users: ${e.message}`);
  process.exitCode = 1;
} finally {
  await store.close();
  db.close();
}
