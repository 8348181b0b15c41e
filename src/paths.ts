import { fileURLToPath } from 'node:url';

/** The repository (or installed package) root, from src/ when run with tsx and from dist/ when built. */
export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const MIGRATIONS_DIR = fileURLToPath(new URL('../drizzle', import.meta.url));
export const UNITS_CSV = fileURLToPath(new URL('../data/admin-units-2025.csv', import.meta.url));
export const WEB_DIST = fileURLToPath(new URL('../web/dist', import.meta.url));
