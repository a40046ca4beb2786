// npm run backup: a consistent copy of the database (drafts and corpus),
// safe while the server runs, to data/backups/precedent-<timestamp>.db (or
// the file named as the first argument). With DATABASE_URL, a pg_dump of the
// PostgreSQL store to data/backups/precedent-<timestamp>.pgdump instead (the
// corpus file is rebuilt from the bundle). How to restore: README "Backups".
import { backupDatabase, backupFileFor, backupPostgres } from '../server/store/backup.js';
import { config } from '../server/config.js';
import { redactedUrl } from '../server/store/open.js';

const url = config.databaseUrl;
const target = process.argv[2] ?? backupFileFor(config.dbFile, new Date(), url ? 'pgdump' : 'db');
try {
  const bytes = url ? await backupPostgres(url, target) : await backupDatabase(config.dbFile, target);
  console.log(`Backed up ${url ? redactedUrl(url) : config.dbFile} to ${target} (${(bytes / 1e6).toFixed(1)} MB)`);
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
