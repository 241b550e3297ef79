/** A20: `X-Linkkit-Signature: sha256=<lowercase hex HMAC-SHA256 of the raw body, keyed with the secret>`. */
import { createHmac } from 'node:crypto';

export const SIGNATURE_HEADER = 'X-Linkkit-Signature';

export function signatureOf(secret: string, rawBody: string): string {
	return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}
