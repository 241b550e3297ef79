// Lists the files under `place` whose bytes contain `secret`. Zip archives (the built Zapier app) and
// npm tarballs are opened and every entry is searched too, since compression hides plain text.
import AdmZip from 'adm-zip';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

function contains(bytes, needle) {
	return bytes.includes(needle);
}

export function findSecret(place, secret) {
	if (!secret) throw new Error('findSecret needs a secret to look for');
	if (statSync(place).isDirectory()) {
		return readdirSync(place).flatMap((entry) => (entry === 'node_modules' ? [] : findSecret(join(place, entry), secret)));
	}
	const needle = Buffer.from(secret);
	const bytes = readFileSync(place);
	if (contains(bytes, needle)) return [place];
	if (place.endsWith('.zip')) {
		const hit = new AdmZip(bytes).getEntries().find((entry) => contains(entry.getData(), needle) || entry.entryName.includes(secret));
		return hit ? [`${place} → ${hit.entryName}`] : [];
	}
	if (place.endsWith('.tgz')) return contains(gunzipSync(bytes), needle) ? [place] : [];
	return [];
}
