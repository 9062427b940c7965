// Copies what the compiled server reads at run time beside it: the SQL migrations — replacing the
// folder, so a migration renamed or removed in src does not linger in dist and run twice.
import { cpSync, rmSync } from 'node:fs';
rmSync('dist/db/migrations', { recursive: true, force: true });
cpSync('src/db/migrations', 'dist/db/migrations', { recursive: true });
