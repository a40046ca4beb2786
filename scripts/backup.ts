// npm run backup: a consistent copy of the database (drafts and corpus),
// safe while the server runs, to data/backups/precedent-<timestamp>.db (or
// the file named as the first argument). How to restore: README "Backups".
import { backupDatabase, backupFileFor } from '../server/store/backup.js';
import { config } from '../server/config.js';

const target = process.argv[2] ?? backupFileFor(config.dbFile);
try {
  const bytes = await backupDatabase(config.dbFile, target);
  console.log(`Backed up ${config.dbFile} to ${target} (${(bytes / 1e6).toFixed(1)} MB)`);
} catch (err) {
  console.error(`Backup failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
