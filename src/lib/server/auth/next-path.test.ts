import { describe, expect, it } from 'vitest';
import { loginPath, safeNext } from './next-path';

describe('after signing in', () => {
	it('goes back to a page on this site, with its query', () => {
		expect(safeNext('/admin/staff')).toBe('/admin/staff');
		expect(safeNext('/admin/rounds/x?tab=2#regions')).toBe('/admin/rounds/x?tab=2#regions');
	});

	it('never goes to another site, however the address is disguised', () => {
		for (const next of [
			'//evil.example',
			'/\\evil.example',
			'https://evil.example/admin',
			'javascript:alert(1)',
			'admin',
			'/\t/evil.example',
			''
		]) {
			expect(safeNext(next), next).toBe('/admin');
		}
		expect(safeNext(null)).toBe('/admin');
	});

	it('does not loop back to signing in or out', () => {
		expect(safeNext('/login?next=/admin')).toBe('/admin');
		expect(safeNext('/logout')).toBe('/admin');
		expect(safeNext('/passord/abc')).toBe('/admin');
	});
});

describe('the sign-in path', () => {
	it('remembers the page, but not a form action', () => {
		expect(loginPath(new URL('http://x/admin/staff?a=1'))).toBe(
			'/login?next=%2Fadmin%2Fstaff%3Fa%3D1'
		);
		expect(loginPath(new URL('http://x/admin/rounds/r?/addRegion'))).toBe(
			'/login?next=%2Fadmin%2Frounds%2Fr'
		);
	});
});
