import { describe, expect, it } from 'vitest';
import { byId, pickByIds } from './view-pack';

describe('byId and pickByIds', () => {
	const items = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
	it('find items by id, in the order asked, skipping unknown ids', () => {
		expect(byId(items, 'b')).toEqual({ id: 'b' });
		expect(byId(items, 'x')).toBeUndefined();
		expect(pickByIds(items, ['c', 'x', 'a'])).toEqual([{ id: 'c' }, { id: 'a' }]);
		expect(pickByIds(items, undefined)).toEqual([]);
	});
});
