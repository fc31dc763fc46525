import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, URL-safe: for cookies and one-time links. */
export function randomToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so a database leak gives no one a session. */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}
